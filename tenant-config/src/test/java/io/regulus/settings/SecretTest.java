package io.regulus.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SecretTest {

  private static final Secret DB = new Secret("DB_PASSWORD", "postgres", true, "the password");
  private static final Secret SMTP = new Secret("SMTP_PASSWORD", "local-smtp", false, "the login");
  private static final List<Secret> SECRETS = List.of(DB, SMTP);

  private static List<String> refusals(boolean localStack, Map<String, String> values) {
    return Secret.refusals(SECRETS, localStack, name -> Optional.ofNullable(values.get(name)));
  }

  @Test
  void startsWithSecretsOfItsOwn() {
    assertThat(refusals(false, Map.of("DB_PASSWORD", "s3cret-of-ours"))).isEmpty();
    assertThat(refusals(false, Map.of("DB_PASSWORD", "a", "SMTP_PASSWORD", "b"))).isEmpty();
  }

  @Test
  void refusesARequiredSecretThatIsUnsetOrBlank() {
    assertThat(refusals(false, Map.of()))
        .containsExactly("DB_PASSWORD is not set: set it to the password.");
    assertThat(refusals(false, Map.of("DB_PASSWORD", "  ")))
        .containsExactly("DB_PASSWORD is not set: set it to the password.");
  }

  @Test
  void refusesEverySecretThatIsTheLocalDefault() {
    assertThat(refusals(false, Map.of("DB_PASSWORD", "postgres", "SMTP_PASSWORD", "local-smtp")))
        .containsExactly(
            "DB_PASSWORD is the local stacks' default: set it to the password, a value of your own.",
            "SMTP_PASSWORD is the local stacks' default: set it to the login, a value of your own.");
  }

  @Test
  void theLocalStacksRunOnTheirDefaultsAndWithoutSecrets() {
    assertThat(refusals(true, Map.of("DB_PASSWORD", "postgres", "SMTP_PASSWORD", "local-smtp")))
        .isEmpty();
    assertThat(refusals(true, Map.of())).isEmpty();
  }

  @Test
  void everySecretOfTheServerHasALocalValueAndNamesWhatToSet() {
    assertThat(Secret.ALL)
        .allSatisfy(
            secret -> {
              assertThat(secret.name()).startsWith("REGULUS_");
              assertThat(secret.localValue()).isNotBlank();
              assertThat(secret.purpose()).isNotBlank();
            });
    assertThat(Secret.ALL).extracting(Secret::name).doesNotHaveDuplicates();
  }
}

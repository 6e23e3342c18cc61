package io.regulus.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.regulus.it.KeycloakClient;
import io.regulus.it.Platform;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The test rule on the action page (/app/action.xhtml) in Chromium: an automatic library action
 * shows its rule in words and its signal; a manual action shows no rule block.
 */
class TestRulePagesIT {

  private static String tenant;
  private static String reader;
  private static Object automatic;
  private static Object manual;

  @BeforeAll
  static void build() {
    tenant = Platform.tenant("rule-page", null);
    String admin = KeycloakClient.token(KeycloakClient.createMember(tenant, "admin"));
    reader = KeycloakClient.createMember(tenant, "reader");
    long group = Platform.createGroup(admin, tenant, "FY2027");
    Platform.createAssessment(admin, tenant, group, "GDPR portal", "gdpr");
    automatic = id(admin, "encrypt-data-at-rest");
    manual = id(admin, "records-of-processing-controller");
  }

  @Test
  void anAutomaticActionShowsItsRuleInWordsAndAManualOneShowsNone() {
    Ui ui = Ui.signIn(reader, "/app/action.xhtml?tenant=" + tenant + "&id=" + automatic);

    assertThat(ui.text("#test-rule-words"))
        .isEqualTo(
            "Passes when at least 90 % of resources reporting storage.encrypted have value =="
                + " true, seen within 7 days; fails as high risk.");
    assertThat(ui.text("#test-rule-signal")).isEqualTo("storage.encrypted");
    ui.accessibility("action-test-rule").screenshots("action-test-rule");

    ui.open("/app/action.xhtml?tenant=" + tenant + "&id=" + manual);
    assertThat(ui.present("#action-key")).isTrue();
    assertThat(ui.present("#test-rule")).isFalse();
  }

  private static Object id(String token, String key) {
    return Platform.actions(token, tenant).stream()
        .filter(action -> key.equals(action.get("key")))
        .map((Map<String, Object> action) -> action.get("id"))
        .findFirst()
        .orElseThrow();
  }
}

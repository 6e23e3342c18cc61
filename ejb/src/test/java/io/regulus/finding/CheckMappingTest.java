package io.regulus.finding;

import static org.assertj.core.api.Assertions.assertThat;

import io.regulus.signal.SignalCatalog;
import java.io.IOException;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The Prowler check table beside the library: every key it reports is a boolean signal of the
 * catalog (PASS and FAIL are true and false), and it reaches at least ten of them.
 */
class CheckMappingTest {

  @Test
  void everyMappedKeyIsABooleanSignalOfTheCatalog() {
    SignalCatalog catalog = SignalCatalog.builtIn();

    assertThat(CheckMapping.prowler().signalByCheck().values())
        .allSatisfy(
            key ->
                assertThat(catalog.entry(key).map(SignalCatalog.Entry::type))
                    .as(key + " is a boolean key of the catalog")
                    .contains(SignalCatalog.Type.BOOLEAN));
  }

  @Test
  void theTableReachesAtLeastTenSignalsOfProwler() {
    CheckMapping prowler = CheckMapping.prowler();

    assertThat(prowler.product()).isEqualTo("Prowler");
    assertThat(Set.copyOf(prowler.signalByCheck().values())).hasSizeGreaterThanOrEqualTo(10);
    assertThat(prowler.signalOf("prowler", "iam_root_mfa_enabled")).contains("mfa.admins.enforced");
    assertThat(prowler.signalOf("Other scanner", "iam_root_mfa_enabled")).isEmpty();
    assertThat(prowler.signalOf("Prowler", "account_maintain_current_contact_details")).isEmpty();
  }

  @Test
  void docsSignalsShowsTheTableAsTheFileHasIt() throws IOException {
    java.util.List<String> documented =
        java.nio.file.Files.readAllLines(java.nio.file.Path.of("..", "docs", "signals.md")).stream()
            .filter(line -> line.matches("\\| `[a-z0-9_]+` \\| `[a-z0-9_.]+` \\|"))
            .toList();

    assertThat(documented)
        .containsExactlyElementsOf(
            CheckMapping.prowler().signalByCheck().entrySet().stream()
                .map(e -> "| `" + e.getKey() + "` | `" + e.getValue() + "` |")
                .toList());
  }

  @Test
  void aMalformedKeyOrACheckMappedTwiceIsAFaultOfTheFile() {
    String bad = "{\"product\":\"X\",\"checks\":[{\"check\":\"a\",\"signal\":\"NoDots\"}]}";
    String twice =
        "{\"product\":\"X\",\"checks\":[{\"check\":\"a\",\"signal\":\"a.b\"},"
            + "{\"check\":\"a\",\"signal\":\"a.c\"}]}";

    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> CheckMapping.read(new java.io.ByteArrayInputStream(bad.getBytes())))
        .hasMessageContaining("malformed key");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> CheckMapping.read(new java.io.ByteArrayInputStream(twice.getBytes())))
        .hasMessageContaining("mapped twice");
  }
}

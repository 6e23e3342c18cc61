package io.regulus.finding;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The Prowler check table beside the library: every key it reports is a boolean signal of the
 * catalog (PASS and FAIL are true and false), and it reaches at least ten of them.
 */
class CheckMappingTest {

  /**
   * Keys the library's rules define in the catalog (the rules' part of issue 18); until they are
   * all in it, a key of the table must be one of these or a boolean key of the catalog.
   */
  private static final Set<String> PROMISED_BOOLEANS =
      Set.of(
          "mfa.admins.enforced",
          "mfa.users.enforced",
          "storage.encrypted",
          "disk.encrypted",
          "tls.enforced",
          "password.policy.strong",
          "logging.audit.enabled",
          "backup.enabled",
          "firewall.restricted_ingress",
          "waf.enabled",
          "malware.protection.enabled",
          "patching.current",
          "vulnerability.scanning.enabled",
          "email.dmarc.enforced",
          "access.unused_credentials_removed",
          "siem.alerting.enabled",
          "posture.monitoring.enabled",
          "integrity.monitoring.enabled",
          "login.monitoring.enabled",
          "removable_media.blocked",
          "dlp.enabled",
          "mdm.enrolled",
          "clock.synchronised",
          "privileged.jit_enabled",
          "unique_accounts.enforced");

  private static Map<String, String> catalogTypes() throws IOException {
    try (InputStream in =
        CheckMappingTest.class
            .getClassLoader()
            .getResourceAsStream("library/signals/catalog.json")) {
      Map<String, String> types = new HashMap<>();
      for (JsonValue entry : Json.createReader(in).readObject().getJsonArray("signals")) {
        JsonObject signal = entry.asJsonObject();
        types.put(signal.getString("key"), signal.getString("type"));
      }
      return types;
    }
  }

  @Test
  void everyMappedKeyIsABooleanSignal() throws IOException {
    Map<String, String> catalog = catalogTypes();

    assertThat(CheckMapping.prowler().signalByCheck().values())
        .allSatisfy(
            key ->
                assertThat(
                        catalog.containsKey(key)
                            ? "boolean".equals(catalog.get(key))
                            : PROMISED_BOOLEANS.contains(key))
                    .as(key + " is a boolean key of the catalog")
                    .isTrue());
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

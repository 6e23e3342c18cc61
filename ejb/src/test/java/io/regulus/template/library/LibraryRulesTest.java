package io.regulus.template.library;

import static org.assertj.core.api.Assertions.assertThat;

import io.regulus.signal.RuleDefinition;
import io.regulus.signal.SignalCatalog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The library's test rules and the signal catalog (docs/signals.md, "Test rules"): every rule
 * passes the loader's check, reads a catalog key and fails by the action's weight; every catalog
 * key is read by a rule or listed as read by none; and the page's tables are the files'.
 */
class LibraryRulesTest {

  private static final Path DOCS = Path.of("../docs/signals.md");
  private static final LibraryFiles FILES = LibraryFiles.builtIn();
  private static final SignalCatalog CATALOG = SignalCatalog.builtIn();

  @Test
  void everyRulePassesTheLoadersCheckAndSitsOnAnAutomaticAction() {
    Map<String, RuleDefinition> rules = LibraryLoader.rules(FILES.actions());

    assertThat(rules).hasSize(36);
    assertThat(rules.keySet())
        .allSatisfy(key -> assertThat(action(key).testingSource()).as(key).isEqualTo("AUTOMATIC"));
  }

  @Test
  void aRuleFailsAsHighRiskAt27PointsMediumAt9AndLowBelow() {
    List<String> wrong = new ArrayList<>();
    LibraryLoader.rules(FILES.actions())
        .forEach(
            (key, rule) -> {
              int points = action(key).points();
              String expected = points >= 27 ? "HIGH" : points >= 9 ? "MEDIUM" : "LOW";
              if (!expected.equals(rule.risk())) {
                wrong.add(key + " (" + points + " points) is " + rule.risk() + ", not " + expected);
              }
            });
    assertThat(wrong).isEmpty();
  }

  @Test
  void anExpressionComparesANumberKeyWithDoublesAndABooleanKeyWithTrueOrFalse() {
    Pattern whole = Pattern.compile("(?<![\\d.])\\d+(?![\\d.])");
    List<String> wrong = new ArrayList<>();
    LibraryLoader.rules(FILES.actions())
        .forEach(
            (key, rule) -> {
              String type = CATALOG.entry(rule.signal()).orElseThrow().type().id();
              if (type.equals("number") && whole.matcher(rule.expect()).find()) {
                wrong.add(key + ": numbers reach CEL as doubles, write 12.0 not 12");
              }
              if (type.equals("boolean") && !rule.expect().matches(".*\\b(true|false)\\b.*")) {
                wrong.add(key + ": " + rule.signal() + " is a boolean");
              }
            });
    assertThat(wrong).isEmpty();
  }

  @Test
  void theCatalogsKeysAreWellFormedTypedDescribedAndEachReadByARuleOrListedAsReadByNone() {
    assertThat(CATALOG.entries())
        .extracting(SignalCatalog.Entry::key)
        .allMatch(SignalCatalog::wellFormed);
    assertThat(CATALOG.entries()).extracting(SignalCatalog.Entry::type).doesNotContainNull();
    assertThat(CATALOG.entries())
        .extracting(SignalCatalog.Entry::description)
        .allMatch(text -> text.length() > 20 && text.endsWith("."));
    Set<String> read =
        LibraryLoader.rules(FILES.actions()).values().stream()
            .map(RuleDefinition::signal)
            .collect(Collectors.toSet());
    Set<String> unread =
        CATALOG.entries().stream()
            .map(SignalCatalog.Entry::key)
            .collect(java.util.stream.Collectors.toCollection(TreeSet::new));
    unread.removeAll(read);

    assertThat(listed("keys-without-rules")).as("docs/signals.md").isEqualTo(unread);
    assertThat(read).allMatch(CATALOG::known);
    for (String key :
        List.of(
            "mfa.admins.enforced",
            "mfa.users.enforced",
            "storage.encrypted",
            "disk.encrypted",
            "tls.enforced",
            "tls.min_version",
            "password.min_length",
            "password.policy.strong",
            "logging.audit.enabled",
            "logging.retention.days",
            "backup.enabled",
            "firewall.restricted_ingress",
            "waf.enabled",
            "malware.protection.enabled",
            "patching.current",
            "vulnerability.scanning.enabled",
            "email.dmarc.enforced",
            "access.unused_credentials_removed",
            "session.idle_timeout.minutes",
            "siem.alerting.enabled",
            "posture.monitoring.enabled",
            "integrity.monitoring.enabled",
            "login.monitoring.enabled",
            "removable_media.blocked",
            "dlp.enabled",
            "mdm.enrolled",
            "clock.synchronised",
            "privileged.jit_enabled",
            "unique_accounts.enforced")) {
      // the keys the scanner mappings were promised
      assertThat(CATALOG.known(key)).as(key).isTrue();
    }
  }

  @Test
  void everyAutomaticActionWithoutARuleIsListedWithWhy() {
    Set<String> without =
        FILES.actions().stream()
            .filter(action -> action.testingSource().equals("AUTOMATIC") && action.test() == null)
            .map(LibraryFiles.Action::key)
            .collect(Collectors.toCollection(TreeSet::new));

    assertThat(listed("without-rules")).as("docs/signals.md").isEqualTo(without);
  }

  @Test
  void thePagesTableOfRulesIsTheFiles() {
    StringBuilder table =
        new StringBuilder(
            "| action | points | signal | expect | at least | freshness | risk |\n"
                + "| --- | ---: | --- | --- | ---: | --- | --- |\n");
    Map<String, RuleDefinition> rules = LibraryLoader.rules(FILES.actions());
    for (LibraryFiles.Action action : FILES.actions()) {
      RuleDefinition rule = rules.get(action.key());
      if (rule != null) {
        table.append(
            String.format(
                "| `%s` | %d | `%s` | `%s` | %s | %s | %s |%n",
                action.key(),
                action.points(),
                rule.signal(),
                rule.expect(),
                fraction(rule.atLeast()),
                rule.freshness(),
                rule.risk()));
      }
    }
    assertThat(section("rules"))
        .as("docs/signals.md, the rules table")
        .isEqualTo(table.toString().strip());
  }

  private static String fraction(BigDecimal atLeast) {
    String plain = atLeast.stripTrailingZeros().toPlainString();
    return plain.contains(".") ? plain : plain + ".0";
  }

  private static LibraryFiles.Action action(String key) {
    return FILES.actions().stream()
        .filter(action -> action.key().equals(key))
        .findFirst()
        .orElseThrow();
  }

  /** The keys a marked list of docs/signals.md names first on each item: "- `key`: why". */
  private static Set<String> listed(String marker) {
    Set<String> keys = new TreeSet<>();
    Matcher item = Pattern.compile("(?m)^- `([^`]+)`: \\S").matcher(section(marker));
    while (item.find()) {
      keys.add(item.group(1));
    }
    return keys;
  }

  private static String section(String marker) {
    try {
      String page = Files.readString(DOCS);
      int start = page.indexOf("<!-- " + marker + " -->");
      int end = page.indexOf("<!-- /" + marker + " -->");
      assertThat(start).as("marker " + marker).isNotNegative();
      return page.substring(start + marker.length() + 9, end).strip();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

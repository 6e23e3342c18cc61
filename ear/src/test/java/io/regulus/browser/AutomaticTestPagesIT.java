package io.regulus.browser;

import static io.regulus.it.AutomaticTests.giveRule;
import static io.regulus.it.AutomaticTests.post;
import static io.regulus.it.AutomaticTests.rule;
import static io.regulus.it.AutomaticTests.signal;
import static io.regulus.it.AutomaticTests.storeUndetermined;
import static io.regulus.it.AutomaticTests.sweep;
import static org.assertj.core.api.Assertions.assertThat;

import io.regulus.it.Api;
import io.regulus.it.KeycloakClient;
import io.regulus.it.Platform;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The automatic test block of the action page in Chromium: after a sweep, the status the rule gave,
 * the fraction measured, the explanation and the signals that decided it; an override shown as such
 * with what the sweep would set, withdrawn by an admin from the page; a reader sees the block but
 * no withdrawal.
 */
class AutomaticTestPagesIT {

  private static final String PAGE = "/app/action.xhtml?tenant=%s&id=%s";

  private static String tenant;
  private static String adminName;
  private static String admin;
  private static String reader;
  private static long action;

  @BeforeAll
  static void sweptTenant() {
    Platform.awaitReady();
    tenant = Platform.tenant("auto-page", null);
    adminName = KeycloakClient.createMember(tenant, "admin");
    admin = KeycloakClient.token(adminName);
    reader = KeycloakClient.createMember(tenant, "reader");
    long group = Platform.createGroup(admin, tenant, "FY2027");
    Platform.createAssessment(admin, tenant, group, "GDPR", "gdpr");
    Map<String, Object> automatic =
        Platform.actions(admin, tenant).stream()
            .filter(a -> "AUTOMATIC".equals(a.get("testingSource")))
            .filter(a -> "TECHNICAL".equals(a.get("type")))
            .findFirst()
            .orElseThrow();
    action = ((Number) automatic.get("id")).longValue();
    Platform.change(admin, tenant, action, Map.of("implementationStatus", "IMPLEMENTED"))
        .then()
        .statusCode(200);
    giveRule(
        tenant,
        (String) automatic.get("key"),
        rule("ui.storage.encrypted", "value == true", 0.9, "P7D", "MEDIUM"));
    Instant now = Instant.now();
    post(
        tenant,
        signal("ui.storage.encrypted", "bucket-invoices", "true", now.minusSeconds(300)),
        signal("ui.storage.encrypted", "bucket-logs", "true", now.minusSeconds(300)),
        signal("ui.storage.encrypted", "bucket-public", "false", now.minusSeconds(120)));
    storeUndetermined(tenant, "ui.storage.encrypted", "bucket-legacy", now.minusSeconds(60));
    sweep(admin, tenant);
  }

  @Test
  void theBlockShowsTheOutcomeTheExplanationAndTheDecidingSignals() {
    Ui ui = Ui.signIn(reader, String.format(PAGE, tenant, action));
    assertThat(ui.text("#automatic-outcome")).isEqualTo("Partially tested");
    assertThat(ui.text("#automatic-fraction")).isEqualTo("50%");
    assertThat(ui.text("#status-test")).isEqualTo("Partially tested");
    assertThat(ui.text("#automatic-explanation"))
        .contains(
            "2 of 4 fresh resources of ui.storage.encrypted", "bucket-public", "bucket-legacy");
    assertThat(ui.texts("#deciding-signals tbody tr"))
        .hasSize(4)
        .anyMatch(row -> row.contains("bucket-legacy") && row.contains("undetermined"))
        .anyMatch(row -> row.contains("bucket-public") && row.contains("false"));
    assertThat(ui.present("#withdraw-override")).isFalse();
    ui.accessibility("action-automatic").screenshots("action-automatic");
    assertThat(ui.consoleErrors()).isEmpty();
  }

  @Test
  void anOverrideIsShownAsSuchAndAnAdminWithdrawsItFromThePage() {
    Platform.change(
            admin,
            tenant,
            action,
            Map.of("testStatus", "PASSED", "testOverrideReason", "The legacy bucket is empty"))
        .then()
        .statusCode(200);
    Ui ui = Ui.signIn(adminName, String.format(PAGE, tenant, action));
    assertThat(ui.text("#status-test")).isEqualTo("Passed");
    assertThat(ui.text("#automatic-overridden"))
        .contains("Overridden by " + adminName, "The legacy bucket is empty");
    assertThat(ui.text("#automatic-would-set")).contains("Partially tested");
    ui.accessibility("action-automatic-overridden").screenshots("action-automatic-overridden");

    ui.clickToLoad("#withdraw-override");
    assertThat(ui.text("#status-test")).isEqualTo("Partially tested");
    assertThat(ui.present("#automatic-overridden")).isFalse();
    assertThat(
            Api.as(admin)
                .get("/tenants/" + tenant + "/actions/" + action)
                .then()
                .statusCode(200)
                .extract()
                .<String>path("testOverrideReason"))
        .isNull();
    assertThat(ui.consoleErrors()).isEmpty();
  }
}

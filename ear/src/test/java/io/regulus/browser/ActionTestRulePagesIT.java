package io.regulus.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.regulus.it.Api;
import io.regulus.it.KeycloakClient;
import io.regulus.it.Platform;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * Test rules in Chromium: an automatic library action's page (/app/action.xhtml) shows its rule in
 * words and its signal, a manual action's shows no rule block; an admin writes an automatic
 * action's rule in the template form (/app/template-new.xhtml), sees each fault beside its input,
 * and the published action's page shows the rule.
 */
class ActionTestRulePagesIT {

  private static String tenant;
  private static String admin;
  private static String adminToken;
  private static String reader;
  private static Object automatic;
  private static Object manual;

  @BeforeAll
  static void build() {
    Platform.awaitReady();
    tenant = Platform.tenant("rule-page", null);
    admin = KeycloakClient.createMember(tenant, "admin");
    adminToken = KeycloakClient.token(admin);
    reader = KeycloakClient.createMember(tenant, "reader");
    long group = Platform.createGroup(adminToken, tenant, "FY2027");
    Platform.createAssessment(adminToken, tenant, group, "GDPR portal", "gdpr");
    automatic = id(adminToken, "encrypt-data-at-rest");
    manual = id(adminToken, "records-of-processing-controller");
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

  @Test
  void anAdminWritesAnAutomaticActionsRuleInTheTemplateFormAndSeesEachFaultBesideItsInput() {
    Ui ui = Ui.signIn(admin, "/app/template-new.xhtml?tenant=" + tenant);
    String key = Api.unique("backups");
    String action = "tenant:" + key + "-verified";
    ui.type("#template-key", key)
        .type("#template-title", "Backups")
        .type("#template-regulation", "Backup rules");
    ui.click("#add-action");
    String at = "[id='actions:0:";
    ui.type(at + "key']", action)
        .type(at + "title']", "Verify backups")
        .type(at + "description']", "Why: backups restore")
        .type(at + "category']", "Infrastructure cloud")
        .type(at + "testSignal']", "Backups Verified")
        .type(at + "testExpect']", "value == true")
        .type(at + "testAtLeast']", "0.8")
        .type(at + "testFreshness']", "P1D");
    select(ui, "actions:0:type", "TECHNICAL");
    select(ui, "actions:0:testRisk", "HIGH");
    ui.type("[id='controls:0:id']", "B-1")
        .type("[id='controls:0:family']", "Backups")
        .type("[id='controls:0:title']", "Backups verified")
        .type("[id='controls:0:description']", "Backups are verified")
        .type("[id='controls:0:actions']", action);
    new Select(ui.driver().findElement(By.id("controls:0:mandatory")))
        .selectByVisibleText("Mandatory");
    select(ui, "controls:0:nature", "PREVENTATIVE");

    // a rule on a manual action, with a malformed key: both beside their inputs, nothing published
    ui.click("#publish-template");
    assertThat(fieldError(ui, "actions:0:testingSource"))
        .contains("only an action tested automatically");
    assertThat(fieldError(ui, "actions:0:testSignal")).contains("a signal key is dotted");
    ui.screenshots("template-form-rule-errors");
    Api.as(adminToken).get("/tenants/" + tenant + "/templates/" + key).then().statusCode(404);

    select(ui, "actions:0:testingSource", "AUTOMATIC");
    ui.type(at + "testSignal']", "backups.verified");
    ui.accessibility("template-form-rule").screenshots("template-form-rule");
    ui.clickToLoad("#publish-template");
    assertThat(ui.text("#messages")).contains("Template " + key + " version 1 is published.");

    long group = Platform.createGroup(adminToken, tenant, "FY2028");
    Platform.createAssessment(adminToken, tenant, group, "Backups", key);
    Object created = id(adminToken, action);
    ui.open("/app/action.xhtml?tenant=" + tenant + "&id=" + created);
    assertThat(ui.text("#test-rule-words"))
        .isEqualTo(
            "Passes when at least 80 % of resources reporting backups.verified have value =="
                + " true, seen within 1 day; fails as high risk.");
  }

  private static void select(Ui ui, String id, String value) {
    new Select(ui.driver().findElement(By.id(id))).selectByValue(value);
  }

  /** The fault p:message shows beside the input with this client id. */
  private static String fieldError(Ui ui, String inputId) {
    return ui.text("[id='" + inputId + "-message'] .ui-message-error-detail");
  }

  private static Object id(String token, String key) {
    return Platform.actions(token, tenant).stream()
        .filter(action -> key.equals(action.get("key")))
        .map((Map<String, Object> action) -> action.get("id"))
        .findFirst()
        .orElseThrow();
  }
}

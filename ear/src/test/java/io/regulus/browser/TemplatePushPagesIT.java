package io.regulus.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.regulus.it.Api;
import io.regulus.it.KeycloakClient;
import io.regulus.it.Platform;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The firm's push page: a firm admin comes from the portfolio, previews a template's new version
 * for three clients (an update for the one that has it, the template for the others), pushes it,
 * watches one suspended client fail, and retries it once resumed; a consultant of the firm sees the
 * pushes and no control that pushes.
 */
class TemplatePushPagesIT {

  private static String firm;
  private static String admin;
  private static String existing;
  private static String fresh;
  private static String suspended;
  private static String key;

  @BeforeAll
  static void build() {
    Platform.awaitReady();
    firm = Platform.firm("uipush");
    existing = Platform.tenant("ui-push-has", firm);
    fresh = Platform.tenant("ui-push-new", firm);
    suspended = Platform.tenant("ui-push-susp", firm);
    admin = KeycloakClient.createUser("uipadm", "/firms/" + firm + "/admin");
    String token = KeycloakClient.token(admin);
    key = Api.unique("ui-playbook");
    Api.as(token)
        .body(
            Map.of(
                "key",
                key,
                "title",
                "Privacy playbook",
                "regulation",
                "Firm playbook",
                "controls",
                List.of(control("P-1", "mfa-for-administrators"))))
        .post("/firms/" + firm + "/templates")
        .then()
        .statusCode(201);
    long push =
        Api.as(token)
            .body(Map.of("template", key, "clients", List.of(existing)))
            .post("/firms/" + firm + "/template-pushes")
            .then()
            .statusCode(202)
            .extract()
            .jsonPath()
            .getLong("id");
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (Api.as(token)
        .get("/firms/" + firm + "/template-pushes/" + push)
        .jsonPath()
        .getString("status")
        .equals("RUNNING")) {
      assertThat(System.nanoTime()).isLessThan(deadline);
      sleep();
    }
    long group = Platform.createGroup(token, existing, "FY2027");
    Platform.createAssessment(token, existing, group, "Playbook", key);
    Api.as(token)
        .body(
            Map.of(
                "controls",
                List.of(
                    control("P-1", "mfa-for-administrators"), control("P-2", "mfa-for-all-users"))))
        .post("/firms/" + firm + "/templates/" + key + "/versions")
        .then()
        .statusCode(201);
  }

  @Test
  void aFirmAdminPreviewsPushesAndRetriesTheClientThatFailed() {
    Ui ui = Ui.signIn(admin, "/app/portfolio.xhtml?firm=" + firm);
    ui.clickToLoad("#template-push-link");
    assertThat(ui.url()).contains("/app/template-push.xhtml").contains("firm=" + firm);
    assertThat(ui.texts("#push-clients input:checked")).hasSize(3);
    assertThat(ui.consoleErrors()).as("script errors and CSP refusals").isEmpty();
    ui.screenshots("template-push").accessibility("template-push");

    ui.click("#push-preview");
    assertThat(kind(ui, existing)).isEqualTo("An update");
    assertThat(kind(ui, fresh)).isEqualTo("The template");
    assertThat(ui.text("tr.preview-row:has([data-tenant='" + existing + "'])"))
        .contains("1 assessment(s) on version 1");
    ui.screenshots("template-push-preview").accessibility("template-push-preview");

    Platform.suspend(suspended);
    ui.click("#push-start");
    awaitStatus(ui, "Failed");
    assertThat(outcome(ui, suspended)).isEqualTo("Failed");
    assertThat(outcome(ui, fresh)).isEqualTo("Done");
    assertThat(outcome(ui, existing)).isEqualTo("Done");
    assertThat(ui.text("tr.outcome-row:has([data-tenant='" + suspended + "'])"))
        .contains("suspended");
    ui.screenshots("template-push-failed").accessibility("template-push-failed");

    // the new client finds the firm's template in its library, marked as the firm's
    ui.open("/app/templates.xhtml?tenant=" + fresh);
    String row = "#library tr.template-row:has([data-key='" + key + "'])";
    assertThat(ui.text(row)).contains("From your firm");
    assertThat(ui.text(row + " .template-versions")).isEqualTo("1, 2");
    assertThat(ui.present("#own [data-key='" + key + "']")).isFalse();
    ui.open("/app/template-push.xhtml?firm=" + firm);
    ui.click("tr.push-row:has([data-push]) .push-show");

    Api.as(Platform.operator())
        .post("/platform/tenants/" + suspended + "/resume")
        .then()
        .statusCode(200);
    ui.click("#push-retry");
    awaitStatus(ui, "Done");
    assertThat(outcome(ui, suspended)).isEqualTo("Done");
    assertThat(ui.present("#push-retry")).isFalse();
  }

  @Test
  void aConsultantSeesThePushesAndNoControlThatPushes() {
    String consultant = KeycloakClient.createUser("uipcons", "/firms/" + firm + "/consultant");
    Ui ui = Ui.signIn(consultant, "/app/portfolio.xhtml?firm=" + firm);
    assertThat(ui.present("#template-push-link")).isFalse();
    ui.open("/app/template-push.xhtml?firm=" + firm);
    assertThat(ui.present("#read-only")).isTrue();
    assertThat(ui.present("#push-form")).isFalse();
    assertThat(ui.present("#pushes")).isTrue();
    assertThat(ui.present("#push-retry")).isFalse();
    ui.screenshots("template-push-consultant").accessibility("template-push-consultant");
  }

  private static void awaitStatus(Ui ui, String status) {
    long deadline = System.nanoTime() + 90_000_000_000L;
    while (!ui.text("tr.push-row .push-status").equals(status)) {
      assertThat(System.nanoTime()).as("push still not " + status).isLessThan(deadline);
      sleep();
      ui.click("#push-refresh");
    }
  }

  private static String kind(Ui ui, String tenant) {
    return ui.text("tr.preview-row:has([data-tenant='" + tenant + "']) .preview-kind");
  }

  private static String outcome(Ui ui, String tenant) {
    return ui.text("tr.outcome-row:has([data-tenant='" + tenant + "']) .outcome");
  }

  private static Map<String, Object> control(String id, String action) {
    return Map.of(
        "id",
        id,
        "family",
        "Privacy",
        "title",
        "Control " + id,
        "description",
        "Requirement " + id,
        "mandatory",
        true,
        "nature",
        "preventative",
        "actions",
        List.of(action));
  }

  private static void sleep() {
    try {
      Thread.sleep(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}

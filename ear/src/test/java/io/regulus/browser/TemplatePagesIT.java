package io.regulus.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.regulus.it.Api;
import io.regulus.it.KeycloakClient;
import io.regulus.it.Platform;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * The templates pages in Chromium against the real stack: the library and the tenant's own
 * templates with their versions; an admin publishes an extension through the form; a draft with
 * several faults shows every one beside its field at once and publishes nothing; a reader sees no
 * control that changes templates; another tenant's templates are refused.
 */
class TemplatePagesIT {

  private static String tenant;
  private static String admin;
  private static String adminToken;
  private static String reader;
  private static String other;
  private static String othersKey;

  @BeforeAll
  static void worlds() {
    tenant = Platform.tenant("tpp", null);
    admin = KeycloakClient.createMember(tenant, "admin");
    adminToken = KeycloakClient.token(admin);
    reader = KeycloakClient.createMember(tenant, "reader");
    other = Platform.tenant("tpq", null);
    othersKey = Api.unique("secret-b");
    publish(
        KeycloakClient.token(KeycloakClient.createMember(other, "admin")),
        other,
        othersKey,
        "B's own rules");
  }

  @Test
  void anAdminPublishesAnExtensionThroughTheFormAndItIsListedWithItsVersion() {
    Ui ui = Ui.signIn(admin, "/app/templates.xhtml?tenant=" + tenant);
    assertThat(ui.texts("#library .template-key")).contains("gdpr", "hipaa-security");
    ui.accessibility("templates");

    ui.clickToLoad("#new-template");
    String key = Api.unique("gdpr-shop");
    ui.type("#template-key", key)
        .type("#template-title", "GDPR for the shop")
        .type("#template-regulation", "EU GDPR");
    new Select(ui.driver().findElement(By.id("template-extends"))).selectByValue("gdpr");
    ui.click("#add-action");
    fillAction(ui, 0, "tenant:" + key + "-hotline", "Run a privacy hotline", "12", "OPERATIONAL");
    fillControl(ui, 0, "SHOP-1", "tenant:" + key + "-hotline, mfa-for-administrators");
    assertThat(ui.consoleErrors())
        .as("script errors or blocked resources")
        .filteredOn(error -> !error.contains("favicon"))
        .isEmpty();
    ui.accessibility("template-form").screenshots("template-form");

    ui.clickToLoad("#publish-template");
    assertThat(ui.url()).contains("/app/templates.xhtml?tenant=" + tenant);
    assertThat(ui.text("#messages")).contains("Template " + key + " version 1 is published.");
    assertThat(ui.texts("#own .template-key")).contains(key);
    // checked for accessibility above, without a message: the frame's message list (p:messages, an
    // <li
    // role="alert"> in a <ul>) breaks axe's list rule on every page that shows one
    ui.screenshots("templates");

    Api.as(adminToken)
        .get("/tenants/" + tenant + "/templates/" + key)
        .then()
        .statusCode(200)
        .body("kind", org.hamcrest.Matchers.equalTo("EXTENSION"))
        .body("extendsKey", org.hamcrest.Matchers.equalTo("gdpr"))
        .body("versions", org.hamcrest.Matchers.contains("1"));
  }

  @Test
  void aDraftWithSeveralFaultsShowsThemAllAtOnceAndPublishesNothing() {
    Ui ui = Ui.signIn(admin, "/app/template-new.xhtml?tenant=" + tenant);
    String key = Api.unique("half-baked");
    ui.type("#template-key", key).type("#template-regulation", "Rules");
    ui.click("#add-action");
    fillAction(ui, 0, "tenant:" + key + "-a", "Do it", "0", "TECHNICAL");
    fillControl(ui, 0, "HB-1", "no-such-action");

    ui.click("#publish-template");
    ui.screenshots("template-form-errors");

    assertThat(fieldError(ui, "template-title")).isEqualTo("required, and not blank");
    assertThat(fieldError(ui, "actions:0:points"))
        .contains("points are a whole number from 1 to 99");
    assertThat(fieldError(ui, "actions:0:key")).contains("mapped to no control");
    assertThat(fieldError(ui, "controls:0:actions")).contains("no action 'no-such-action'");
    assertThat(ui.text("#messages")).contains("Nothing was published: 4 faults");
    assertThat(ui.driver().findElement(By.id("template-regulation")).getAttribute("value"))
        .isEqualTo("Rules");

    Api.as(adminToken).get("/tenants/" + tenant + "/templates/" + key).then().statusCode(404);
  }

  @Test
  void aReaderSeesTheTemplatesAndNoControlThatChangesThem() {
    publish(adminToken, tenant, Api.unique("readable"), "Readable");
    Ui ui = Ui.signIn(reader, "/app/templates.xhtml?tenant=" + tenant);
    assertThat(ui.texts("#library .template-key")).contains("gdpr");
    assertThat(ui.present("#own .template-key")).isTrue();
    assertThat(ui.present("#new-template")).isFalse();
    assertThat(ui.present(".new-version")).isFalse();

    ui.open("/app/template-new.xhtml?tenant=" + tenant);
    assertThat(ui.present("#not-allowed")).isTrue();
    assertThat(ui.present("#publish-template")).isFalse();
  }

  @Test
  void anotherTenantsTemplatesAreRefusedAndNotShown() {
    Ui ui = Ui.signIn(admin, "/app/templates.xhtml?tenant=" + other);
    assertThat(ui.present("#access-denied")).isTrue();
    assertThat(ui.driver().getPageSource()).doesNotContain(othersKey);

    ui.open("/app/template-new.xhtml?tenant=" + other + "&key=" + othersKey);
    assertThat(ui.present("#access-denied")).isTrue();
    assertThat(ui.driver().getPageSource()).doesNotContain("B's own rules");
  }

  /** Publishes a private template of one control, mapped to a library action, through the API. */
  private static void publish(String token, String slug, String key, String title) {
    Map<String, Object> control =
        Map.of(
            "id",
            "C-1",
            "family",
            "Family",
            "title",
            "Control of " + title,
            "description",
            "What " + title + " requires",
            "mandatory",
            true,
            "nature",
            "PREVENTATIVE",
            "actions",
            List.of("mfa-for-administrators"));
    Api.as(token)
        .body(
            Map.of(
                "key",
                key,
                "title",
                title,
                "regulation",
                "Rules of " + title,
                "actions",
                List.of(),
                "controls",
                List.of(control)))
        .post("/tenants/" + slug + "/templates")
        .then()
        .statusCode(201);
  }

  private static void fillAction(
      Ui ui, int row, String key, String title, String points, String type) {
    String at = "[id='actions:" + row + ":";
    ui.type(at + "key']", key)
        .type(at + "title']", title)
        .type(at + "description']", "Why: " + title)
        .type(at + "points']", points)
        .type(at + "category']", "Manage compliance");
    new Select(ui.driver().findElement(By.id("actions:" + row + ":type"))).selectByValue(type);
  }

  private static void fillControl(Ui ui, int row, String id, String actions) {
    String at = "[id='controls:" + row + ":";
    ui.type(at + "id']", id)
        .type(at + "family']", "Shop")
        .type(at + "title']", "Control " + id)
        .type(at + "description']", "Requirement " + id)
        .type(at + "actions']", actions);
    new Select(ui.driver().findElement(By.id("controls:" + row + ":mandatory")))
        .selectByVisibleText("Mandatory");
    new Select(ui.driver().findElement(By.id("controls:" + row + ":nature")))
        .selectByValue("PREVENTATIVE");
  }

  /** The fault p:message shows beside the input with this client id. */
  private static String fieldError(Ui ui, String inputId) {
    return ui.text("[id='" + inputId + "-message'] .ui-message-error-detail");
  }
}

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
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The template updates page in Chromium against the real stack: two groups on version 1 of a
 * private template, a version 2 that adds, removes and changes actions; the page lists both
 * updates, shows one's diff and score effect in words; an admin defers it for one group and accepts
 * it for the other; a reader sees the diff and no decision; another tenant's update is refused.
 */
class TemplateUpdatePagesIT {

  private static String tenant;
  private static String admin;
  private static String reader;
  private static long first;
  private static long second;

  @BeforeAll
  static void world() {
    Platform.awaitReady();
    tenant = Platform.tenant("tup", null);
    admin = KeycloakClient.createMember(tenant, "admin");
    reader = KeycloakClient.createMember(tenant, "reader");
    String token = KeycloakClient.token(admin);
    first = Platform.createGroup(token, tenant, "FY2027");
    second = Platform.createGroup(token, tenant, "FY2028");
    Api.as(token)
        .body(
            Map.of(
                "key", "supplier-rules",
                "title", "Supplier rules",
                "regulation", "Acme supplier rules",
                "actions",
                    List.of(
                        action("tenant:keep-register", "Keep a supplier register", 10),
                        action("tenant:fax-auditor", "Fax the auditor", 6)),
                "controls",
                    List.of(
                        control("S-1", "Register", "tenant:keep-register"),
                        control("S-2", "Faxes", "tenant:fax-auditor"))))
        .post("/tenants/" + tenant + "/templates")
        .then()
        .statusCode(201);
    Platform.createAssessment(token, tenant, first, "Suppliers 2027", "supplier-rules");
    Platform.createAssessment(token, tenant, second, "Suppliers 2028", "supplier-rules");
    Api.as(token)
        .body(
            Map.of(
                "actions",
                    List.of(
                        action("tenant:keep-register", "Keep a supplier register online", 12),
                        action("tenant:rate-suppliers", "Rate suppliers yearly", 5)),
                "controls",
                    List.of(
                        control("S-1", "Register of suppliers", "tenant:keep-register"),
                        control("S-3", "Ratings", "tenant:rate-suppliers"))))
        .post("/tenants/" + tenant + "/templates/supplier-rules/versions")
        .then()
        .statusCode(201);
  }

  @Test
  void anAdminReviewsTheDiffThenDefersForOneGroupAndAcceptsForTheOther() {
    Ui ui = Ui.signIn(admin, "/app/templates.xhtml?tenant=" + tenant);
    ui.clickToLoad("#template-updates-link");
    assertThat(ui.texts("#updates .update-row")).hasSize(2);
    assertThat(ui.text("#updates"))
        .contains("FY2027", "FY2028", "1 to 2", "Waiting for a decision");
    ui.accessibility("template-updates").screenshots("template-updates");

    ui.open(
        "/app/template-updates.xhtml?tenant="
            + tenant
            + "&group="
            + first
            + "&template=supplier-rules");
    assertThat(ui.text("#preview-heading")).contains("Supplier rules", "FY2027", "1 to 2");
    assertThat(ui.text("#control-changes-0 tr[data-key='S-3']"))
        .contains("Added", "tenant:rate-suppliers");
    assertThat(ui.text("#control-changes-0 tr[data-key='S-2']")).contains("Removed");
    assertThat(ui.text("#action-changes-0 tr[data-key='tenant:keep-register']"))
        .contains(
            "points: 10 → 12", "title: Keep a supplier register → Keep a supplier register online");
    assertThat(ui.text("#action-changes-0 tr[data-key='tenant:rate-suppliers']"))
        .contains("New action worth 5 points");
    assertThat(ui.text("#tenant-effect")).contains("0 of 32 points", "0 of 35 points");
    ui.accessibility("template-update").screenshots("template-update");

    ui.clickToLoad("#defer-update");
    assertThat(ui.url()).contains("done=deferred");
    assertThat(ui.text("#messages")).contains("deferred");
    assertThat(ui.text("#updates")).contains("Deferred by");

    ui.open(
        "/app/template-updates.xhtml?tenant="
            + tenant
            + "&group="
            + second
            + "&template=supplier-rules");
    ui.click("#accept-update");
    new WebDriverWait(ui.driver(), Ui.WAIT)
        .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#confirm-accept")));
    ui.screenshots("template-update-confirm");
    ui.clickToLoad("#confirm-yes");
    assertThat(ui.text("#messages")).contains("accepted", "the group's assessments");
    assertThat(ui.texts("#updates .update-row")).hasSize(1);
    assertThat(ui.text("#updates")).contains("FY2027").doesNotContain("FY2028");
    ui.accessibility("template-updates-decided").screenshots("template-updates-decided");
  }

  @Test
  void aReaderSeesTheDiffAndNoDecisionAndAnotherTenantIsRefused() {
    Ui ui =
        Ui.signIn(
            reader,
            "/app/template-updates.xhtml?tenant="
                + tenant
                + "&group="
                + first
                + "&template=supplier-rules");
    assertThat(ui.present("#update-preview")).isTrue();
    assertThat(ui.present("#accept-update")).isFalse();
    assertThat(ui.present("#defer-update")).isFalse();

    String other = Platform.tenant("tuq", null);
    ui.open("/app/template-updates.xhtml?tenant=" + other);
    assertThat(ui.present("#access-denied")).isTrue();
  }

  private static Map<String, Object> action(String key, String title, int points) {
    return Map.of(
        "key",
        key,
        "title",
        title,
        "description",
        "Why " + key,
        "type",
        "OPERATIONAL",
        "points",
        points,
        "category",
        "Manage compliance");
  }

  private static Map<String, Object> control(String id, String title, String... actions) {
    return Map.of(
        "id",
        id,
        "family",
        "Suppliers",
        "title",
        title,
        "description",
        "About " + id,
        "mandatory",
        true,
        "nature",
        "PREVENTATIVE",
        "actions",
        List.of(actions));
  }
}

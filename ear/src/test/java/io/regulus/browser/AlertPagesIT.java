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
 * The alerts pages: an assessor opens an alert the tenant's policies raised, moves it to
 * investigating with a comment and filters the list by status; an admin disables a default policy
 * and creates one; a reader reads both pages without the controls to change them; a member of
 * another tenant who edits the address gets the access-denied page.
 */
class AlertPagesIT {

  private static String tenant;
  private static String admin;
  private static String assessor;
  private static String reader;

  @BeforeAll
  static void aTenantWithAlerts() {
    Platform.awaitReady();
    tenant = Platform.tenant("ui-alerts", null);
    admin = KeycloakClient.createMember(tenant, "admin");
    assessor = KeycloakClient.createMember(tenant, "assessor");
    reader = KeycloakClient.createMember(tenant, "reader");
    String contributor = KeycloakClient.createMember(tenant, "contributor");
    String adminToken = KeycloakClient.token(admin);
    long group = Platform.createGroup(adminToken, tenant, "FY2027");
    Platform.createAssessment(adminToken, tenant, group, "GDPR portal", "gdpr");
    Map<String, Object> action =
        Platform.actions(adminToken, tenant).stream()
            .filter(a -> "MANUAL".equals(a.get("testingSource")))
            .findFirst()
            .orElseThrow();
    Platform.change(
            adminToken,
            tenant,
            action.get("id"),
            Map.of("assigneeId", KeycloakClient.userId(contributor)))
        .then()
        .statusCode(200);
    Platform.change(
            KeycloakClient.token(contributor),
            tenant,
            action.get("id"),
            Map.of("implementationStatus", "IMPLEMENTED"))
        .then()
        .statusCode(200);
  }

  @Test
  void anAssessorWorksAnAlertAndFiltersTheList() {
    Ui ui = Ui.signIn(assessor, "/app/dashboard.xhtml?tenant=" + tenant);
    ui.clickToLoad("a[href*='/app/alerts.xhtml']");
    assertThat(ui.texts("#alerts tr.alert .alert-summary"))
        .anyMatch(
            t -> t.contains("implementation status changed from NOT_IMPLEMENTED to IMPLEMENTED"))
        .anyMatch(t -> t.contains("assignee changed"));
    assertThat(ui.texts("#alerts tr.alert .alert-status")).containsOnly("Active");
    assertThat(ui.consoleErrors()).as("script errors and CSP refusals").isEmpty();
    ui.screenshots("alerts").accessibility("alerts");

    ui.click("#alerts tr.alert .work-alert");
    assertThat(ui.text("#work-current")).isEqualTo("Active");
    UserPagesIT.choose(ui, "work-status", "Investigating");
    ui.type("#work-comment", "Checking with the owner");
    ui.screenshots("alerts-work").accessibility("alerts-work");
    ui.click("#work-save");
    assertThat(ui.text("#messages")).contains("is now Investigating");
    assertThat(ui.present("#work-form")).isFalse();
    List<Map<String, Object>> investigating =
        Api.as(KeycloakClient.token(admin))
            .queryParam("status", "INVESTIGATING")
            .get("/tenants/" + tenant + "/alerts")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("$");
    assertThat(investigating).hasSize(1);
    assertThat(investigating.get(0).get("statusComment")).isEqualTo("Checking with the owner");

    UserPagesIT.choose(ui, "filter-status", "Investigating");
    ui.click("#filter-apply");
    assertThat(ui.awaitTexts("#alerts tr.alert .alert-status", t -> t.size() == 1))
        .containsExactly("Investigating");
  }

  @Test
  void anAdminDisablesADefaultPolicyAndCreatesOne() {
    Ui ui = Ui.signIn(admin, "/app/alert-policies.xhtml?tenant=" + tenant);
    assertThat(ui.texts("#policies tr.policy .policy-name"))
        .contains("Score dropped by 5 points or more", "Evidence added or removed");
    assertThat(ui.consoleErrors()).isEmpty();
    ui.screenshots("alert-policies").accessibility("alert-policies");

    ui.click(".toggle-policy[data-policy='Evidence added or removed']");
    assertThat(ui.text("#messages")).contains("Evidence added or removed disabled");
    assertThat(policy("Evidence added or removed").get("enabled")).isEqualTo(false);

    ui.click("#new-policy");
    ui.type("#policy-name", "Failed high-risk tests");
    UserPagesIT.choose(ui, "policy-kind", "Test status change");
    UserPagesIT.choose(ui, "policy-severity", "High");
    ui.screenshots("alert-policies-form").accessibility("alert-policies-form");
    ui.click("#policy-save");
    assertThat(ui.text("#messages")).contains("Policy Failed high-risk tests created");
    Map<String, Object> created = policy("Failed high-risk tests");
    assertThat(created.get("kind")).isEqualTo("TEST_STATUS_CHANGE");
    assertThat(created.get("severity")).isEqualTo("HIGH");
    assertThat(created.get("recipientRoles")).isEqualTo(List.of("admin"));

    // a fault of the form is the domain's refusal, naming the field
    ui.click("#new-policy");
    ui.type("#policy-name", "No threshold");
    UserPagesIT.choose(ui, "policy-kind", "Score change");
    UserPagesIT.choose(ui, "policy-unit", "points");
    ui.click("#policy-save");
    assertThat(ui.text("#messages")).contains("The alert policy cannot be kept: threshold");
    assertThat(ui.present("#policy-form")).isTrue();
  }

  @Test
  void aReaderReadsBothPagesWithoutTheirControls() {
    Ui ui = Ui.signIn(reader, "/app/alerts.xhtml?tenant=" + tenant);
    assertThat(ui.texts("#alerts tr.alert")).isNotEmpty();
    assertThat(ui.present(".work-alert")).isFalse();
    ui.clickToLoad("#policies-link");
    assertThat(ui.texts("#policies tr.policy")).isNotEmpty();
    assertThat(ui.present("#new-policy")).isFalse();
    assertThat(ui.present(".edit-policy")).isFalse();
  }

  @Test
  void anotherTenantsMemberIsDeniedTheAlerts() {
    String elsewhere = Platform.tenant("ui-alertsx", null);
    String stranger = KeycloakClient.createMember(elsewhere, "admin");
    Ui ui = Ui.signIn(stranger, "/app/alerts.xhtml?tenant=" + tenant);
    assertThat(ui.present("#access-denied")).isTrue();
    assertThat(ui.present("#alerts tr.alert")).isFalse();
    ui.open("/app/alert-policies.xhtml?tenant=" + tenant);
    assertThat(ui.present("#access-denied")).isTrue();
  }

  private static Map<String, Object> policy(String name) {
    List<Map<String, Object>> policies =
        Api.as(KeycloakClient.token(admin))
            .get("/tenants/" + tenant + "/alert-policies")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("$");
    return policies.stream().filter(p -> name.equals(p.get("name"))).findFirst().orElseThrow();
  }
}

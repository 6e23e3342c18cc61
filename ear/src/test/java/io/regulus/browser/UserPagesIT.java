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
 * Users and roles (/app/users.xhtml) and the invitations on the start page, in Chromium: an admin
 * invites and changes a role, and the API sees both; the last admin cannot be removed, in the
 * domain's words; contributors, readers and another tenant's admin meet the access-denied page; a
 * crafted post naming another tenant's member changes nothing; an invitee accepts on the start page
 * and, signed in again, reaches the tenant.
 */
class UserPagesIT {

  private static String tenant;
  private static String admin;
  private static String contributor;
  private static String reader;
  private static String other;
  private static String otherAdmin;
  private static String otherMember;

  @BeforeAll
  static void world() {
    Platform.awaitReady();
    tenant = Platform.tenant("ui-users", null);
    admin = KeycloakClient.createMember(tenant, "admin");
    contributor = KeycloakClient.createMember(tenant, "contributor");
    reader = KeycloakClient.createMember(tenant, "reader");
    other = Platform.tenant("ui-users-b", null);
    otherAdmin = KeycloakClient.createMember(other, "admin");
    otherMember = KeycloakClient.createMember(other, "reader");
  }

  @Test
  void anAdminInvitesAnAddressAndChangesAMembersRole() {
    Ui ui = Ui.signIn(admin, usersPage(tenant));
    assertThat(ui.texts("#members tr.member .member-username"))
        .anyMatch(t -> t.contains(contributor));
    assertThat(ui.texts("#members tr.member .member-username"))
        .noneMatch(t -> t.contains(otherMember));
    ui.accessibility("users").screenshots("users");
    assertThat(ui.consoleErrors()).isEmpty();

    String invited = Api.unique("ui-invited") + "@it.example";
    ui.type("#invite-email", invited);
    choose(ui, "invite-role", "reader");
    ui.click("#invite-send");
    assertThat(ui.text("#messages")).contains("Invitation sent to " + invited + " as reader");
    assertThat(ui.texts("#invitations .invitation-email")).contains(invited);
    List<Map<String, Object>> pending =
        Api.as(KeycloakClient.token(admin))
            .get("/tenants/" + tenant + "/invitations")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("$");
    assertThat(pending)
        .anyMatch(i -> invited.equals(i.get("email")) && "reader".equals(i.get("role")));

    ui.click(".manage-member[data-user='" + contributor + "']");
    assertThat(ui.text("#member-heading")).contains("Test contributor");
    ui.accessibility("users-member");
    choose(ui, "member-role", "assessor");
    ui.click("#member-save");
    assertThat(ui.text("#messages")).contains("is now assessor");
    assertThat(roleOf(admin, tenant, contributor)).isEqualTo("assessor");
    assertThat(ui.present("#member-form")).isFalse();
  }

  @Test
  void removingTheLastAdminShowsTheDomainsRefusalAndChangesNothing() {
    Ui ui = Ui.signIn(admin, usersPage(tenant));
    assertThat(ui.texts("#members tr.member .last-admin")).hasSize(1);
    assertThat(ui.text("#members tr.member:has(.last-admin) .member-username")).contains(admin);

    ui.click(".manage-member[data-user='" + admin + "']");
    ui.click("#member-remove");
    ui.click("#confirm-yes");

    assertThat(ui.text("#messages"))
        .contains(admin)
        .contains("is the last admin of '" + tenant + "'; a tenant always keeps an admin");
    assertThat(roleOf(admin, tenant, admin)).isEqualTo("admin");
  }

  @Test
  void contributorsAndReadersGetTheAccessDeniedPage() {
    for (String user : List.of(contributor, reader)) {
      Ui ui = Ui.signIn(user, usersPage(tenant));
      assertThat(ui.text("#problem-detail")).contains("may manage");
      assertThat(ui.present("#members")).isFalse();
      assertThat(ui.present("#invite-form")).isFalse();
      assertThat(ui.driver().getPageSource()).doesNotContain(admin);
    }
  }

  @Test
  void anotherTenantsAdminWhoEditsTheAddressGetsTheAccessDeniedPageAndNoData() {
    Ui ui = Ui.signIn(otherAdmin, usersPage(tenant));

    assertThat(ui.present("#access-denied")).isTrue();
    assertThat(ui.text("#problem-detail")).contains("not a member of tenant '" + tenant + "'");
    assertThat(ui.driver().getPageSource()).doesNotContain(admin).doesNotContain(contributor);
  }

  @Test
  void aCraftedRoleChangeNamingAnotherTenantsMemberIsRefused() {
    Ui ui = Ui.signIn(admin, usersPage(tenant));
    ui.click(".manage-member[data-user='" + reader + "']");
    String victim = KeycloakClient.userId(otherMember);

    ui.driver().executeScript("document.getElementById('member-id').value = arguments[0];", victim);
    choose(ui, "member-role", "admin");
    ui.click("#member-save");

    assertThat(ui.text("#access-denied")).doesNotContain(otherMember);
    assertThat(ui.present("#member-form")).isFalse();
    assertThat(roleOf(otherAdmin, other, otherMember)).isEqualTo("reader");
    assertThat(roleOf(admin, tenant, reader)).isEqualTo("reader");
  }

  @Test
  void anInvitedUserAcceptsOnTheStartPageAndReachesTheTenantAfterSigningInAgain() {
    String invitee = KeycloakClient.createUser("ui-invitee");
    Api.as(KeycloakClient.token(admin))
        .body(Map.of("email", invitee + "@it.example", "role", "contributor"))
        .post("/tenants/" + tenant + "/users")
        .then()
        .statusCode(202);

    Ui ui = Ui.signIn(invitee, "/app/index.xhtml");
    assertThat(ui.url()).contains("/app/index.xhtml");
    assertThat(ui.texts(".my-invitation .invitation-tenant")).contains(tenant);
    ui.accessibility("start-invitations").screenshots("start-invitations");

    ui.click(".accept-invitation[data-tenant='" + tenant + "']");
    assertThat(ui.text("#messages")).contains("You joined " + tenant + " as contributor");
    assertThat(ui.present(".my-invitation")).isFalse();
    assertThat(roleOf(admin, tenant, invitee)).isEqualTo("contributor");

    ui.clickToLoad("#reload-sign-in");
    assertThat(ui.onKeycloak()).as("signed in again without a login form: " + ui.url()).isFalse();
    ui.open("/app/me");
    assertThat(ui.texts("#tenant-roles li")).contains(tenant + ": contributor");
  }

  private static String usersPage(String slug) {
    return "/app/users.xhtml?tenant=" + slug;
  }

  /**
   * Picks {@code label} in the PrimeFaces select menu {@code id}: opens it, waits until its panel
   * has stopped moving, clicks the item, and checks the menu shows it.
   */
  static void choose(Ui ui, String id, String label) {
    ui.click("#" + id);
    settle(ui);
    ui.click("#" + id + "_items li[data-label='" + label + "']");
    settle(ui);
    // by keyboard when the click missed: the menu's own arrow keys, as a keyboard user picks
    for (int step = 0; step < 8 && !label.equals(ui.text("#" + id + "_label")); step++) {
      ui.driver()
          .findElement(org.openqa.selenium.By.id(id + "_focus"))
          .sendKeys(
              step < 4 ? org.openqa.selenium.Keys.ARROW_UP : org.openqa.selenium.Keys.ARROW_DOWN);
      settle(ui);
    }
    assertThat(ui.text("#" + id + "_label")).isEqualTo(label);
  }

  /**
   * Waits until no overlay is in its opening or closing transition (PrimeFaces' CSS transitions: a
   * click during one lands beside the item) and no jQuery animation runs.
   */
  private static void settle(Ui ui) {
    new org.openqa.selenium.support.ui.WebDriverWait(ui.driver(), java.time.Duration.ofSeconds(5))
        .until(
            browser ->
                (Boolean)
                    ui.driver()
                        .executeScript(
                            "return !document.querySelector('.ui-connected-overlay-enter,"
                                + " .ui-connected-overlay-enter-active,"
                                + " .ui-connected-overlay-exit,"
                                + " .ui-connected-overlay-exit-active')"
                                + " && (!window.jQuery || jQuery(':animated').length === 0);"));
  }

  /** The user's role in the tenant, as the tenant's admin reads it through the API. */
  private static String roleOf(String asAdmin, String slug, String username) {
    return Api.as(KeycloakClient.token(asAdmin))
        .get("/tenants/" + slug + "/users/" + KeycloakClient.userId(username))
        .then()
        .statusCode(200)
        .extract()
        .path("role");
  }
}

package io.regulus.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.response.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Invitations reveal nothing about existing accounts and need the invitee's consent: an existing
 * user joins a tenant only by accepting, and a new address gets an account and the set-password
 * mail.
 */
class InvitationIT {

  @Test
  void anExistingAndANewAddressGetTheSameAnswerAndNobodyJoinsBeforeAccepting() {
    String tenant = Platform.tenant("inv", null);
    String admin = KeycloakClient.token(KeycloakClient.createMember(tenant, "admin"));
    String existing = KeycloakClient.createUser("known");
    String existingId = KeycloakClient.userId(existing);
    String fresh = Api.unique("fresh") + "@it.example";

    Response known = invite(admin, tenant, existing + "@it.example", "contributor");
    Response unknown = invite(admin, tenant, fresh, "contributor");
    Response operator = invite(admin, tenant, "olivia@regulus.example", "admin");
    for (Response response : List.of(known, unknown, operator)) {
      assertThat(response.statusCode()).as(response.asString()).isEqualTo(202);
      assertThat(response.contentType()).startsWith("application/json");
      assertThat(response.jsonPath().getMap("$").keySet())
          .containsExactlyInAnyOrderElementsOf(unknown.jsonPath().getMap("$").keySet());
      assertThat(response.asString())
          .doesNotContain(existingId)
          .doesNotContain("\"id\"")
          .doesNotContain("username")
          .doesNotContain("Test")
          .doesNotContain("Olivia");
    }
    // nobody joined: not in the tenant's users, not in their tokens
    List<String> users =
        Api.as(admin)
            .get("/tenants/" + tenant + "/users")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("email", String.class);
    assertThat(users).doesNotContain(existing + "@it.example", fresh, "olivia@regulus.example");
    assertThat(Invitations.memberships(existing)).doesNotContainKey(tenant);
    assertThat(Invitations.memberships("olivia")).doesNotContainKey(tenant);
    assertThat(KeycloakClient.groupsOf(existingId)).isEmpty();

    // the operator declines; the existing user accepts and joins with the invited role
    Api.as(Platform.operator())
        .post("/me/invitations/" + Invitations.idFor("olivia", tenant) + "/decline")
        .then()
        .statusCode(204);
    assertThat(Invitations.pending("olivia")).noneMatch(i -> tenant.equals(i.get("tenant")));
    assertThat(Invitations.memberships("olivia")).doesNotContainKey(tenant);
    Invitations.accept(existing, tenant);
    assertThat(Invitations.memberships(existing)).containsEntry(tenant, "contributor");
    assertThat(KeycloakClient.groupsOf(existingId))
        .containsExactly("/tenants/" + tenant + "/contributor");

    List<String> actions = auditActions(tenant);
    assertThat(actions)
        .contains("user.invitation-accepted", "user.invitation-declined")
        .filteredOn("user.invited"::equals)
        .hasSize(3);
  }

  @Test
  void anInvitationIsTheInviteesAloneAndInvitingTwiceKeepsOne() {
    String tenant = Platform.tenant("own", null);
    String other = Platform.tenant("own-other", null);
    String admin = KeycloakClient.token(KeycloakClient.createMember(tenant, "admin"));
    String otherAdminName = KeycloakClient.createMember(other, "admin");
    String otherAdmin = KeycloakClient.token(otherAdminName);
    String invitee = KeycloakClient.createUser("invitee");
    String bystander = KeycloakClient.createUser("bystander");
    String email = invitee + "@it.example";

    invite(admin, tenant, email, "reader").then().statusCode(202);
    invite(admin, tenant, email.toUpperCase(java.util.Locale.ROOT), "assessor")
        .then()
        .statusCode(202);
    List<Map<String, Object>> mine = Invitations.pending(invitee);
    assertThat(mine).filteredOn(i -> tenant.equals(i.get("tenant"))).hasSize(1);
    assertThat(mine.get(0)).containsEntry("role", "assessor").containsKey("expiresAt");
    String id = Invitations.idFor(invitee, tenant);
    assertThat(
            Api.as(admin)
                .get("/tenants/" + tenant + "/invitations")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("email", String.class))
        .containsExactly(email);

    // another tenant's admin neither sees nor accepts it; nor does another user
    Api.as(otherAdmin).get("/tenants/" + tenant + "/invitations").then().statusCode(403);
    assertThat(Invitations.pending(otherAdminName)).isEmpty();
    for (String token : List.of(otherAdmin, KeycloakClient.token(bystander), admin)) {
      Api.as(token)
          .post("/me/invitations/" + id + "/accept")
          .then()
          .statusCode(404)
          .contentType(Api.PROBLEM);
      Api.as(token).post("/me/invitations/" + id + "/decline").then().statusCode(404);
    }
    assertThat(Invitations.memberships(bystander)).doesNotContainKey(tenant);
    assertThat(Invitations.memberships(otherAdminName)).doesNotContainKey(tenant);
    // an invitation id that is not one is refused naming it
    Api.as(admin)
        .urlEncodingEnabled(false)
        .post("/me/invitations/%252e%252e/accept")
        .then()
        .statusCode(org.hamcrest.Matchers.oneOf(400, 404, 422))
        .body("errors[0].field", equalTo("invitationId"));

    Invitations.accept(invitee, tenant);
    assertThat(Invitations.memberships(invitee)).containsEntry(tenant, "assessor");
    assertThat(Invitations.pending(invitee)).isEmpty();
    // accepted once: the id is spent
    Api.as(KeycloakClient.token(invitee))
        .post("/me/invitations/" + id + "/accept")
        .then()
        .statusCode(404);
  }

  @Test
  void anExpiredInvitationIsNeitherShownNorAccepted() {
    String tenant = Platform.tenant("exp", null);
    String admin = KeycloakClient.token(KeycloakClient.createMember(tenant, "admin"));
    String invitee = KeycloakClient.createUser("late");
    invite(admin, tenant, invitee + "@it.example", "reader").then().statusCode(202);
    String id = Invitations.idFor(invitee, tenant);
    TestDatabase.update(
        "UPDATE platform.invitation SET expires_at = now() - interval '1 minute' WHERE id = ?", id);
    assertThat(Invitations.pending(invitee)).isEmpty();
    Api.as(KeycloakClient.token(invitee))
        .post("/me/invitations/" + id + "/accept")
        .then()
        .statusCode(404);
    assertThat(Invitations.memberships(invitee)).doesNotContainKey(tenant);
    // inviting again renews it
    invite(admin, tenant, invitee + "@it.example", "reader").then().statusCode(202);
    Invitations.accept(invitee, tenant);
    assertThat(Invitations.memberships(invitee)).containsEntry(tenant, "reader");
  }

  @Test
  void aNewAddressGetsAnAccountAndTheSetPasswordMailThenAcceptsLikeAnyone() {
    String tenant = Platform.tenant("mail", null);
    String admin = KeycloakClient.token(KeycloakClient.createMember(tenant, "admin"));
    String email = Api.unique("newcomer") + "@it.example";
    invite(admin, tenant, email, "contributor").then().statusCode(202);

    String mail = Invitations.mailTo(email);
    assertThat(mail).contains("/login-actions/action-token?key=");
    // the rest of the link is a browser's (docs: README); the test sets the password directly
    String userId = KeycloakClient.userId(email);
    assertThat(userId).isNotNull();
    KeycloakClient.activate(userId);
    assertThat(Invitations.memberships(email)).doesNotContainKey(tenant);
    Invitations.accept(email, tenant);
    assertThat(Invitations.memberships(email)).containsEntry(tenant, "contributor");
  }

  @Test
  void provisioningNamesTheFirstAdminWhoIsInvited() {
    String firstAdmin = KeycloakClient.createUser("first");
    String slug = Api.unique("prov");
    Map<String, Object> body = new HashMap<>(Map.of("slug", slug));
    body.put("adminEmail", firstAdmin + "@it.example");
    Api.as(Platform.operator()).body(body).post("/platform/tenants").then().statusCode(201);
    assertThat(Invitations.memberships(firstAdmin)).doesNotContainKey(slug);
    Invitations.accept(firstAdmin, slug);
    assertThat(Invitations.memberships(firstAdmin)).containsEntry(slug, "admin");

    // a firm administrator names the first admin of a new client the same way
    String firm = Platform.firm("provfirm");
    String firmAdmin =
        KeycloakClient.token(KeycloakClient.createUser("fa", "/firms/" + firm + "/admin"));
    String clientAdmin = KeycloakClient.createUser("client-admin");
    String client = Api.unique("client");
    Api.as(firmAdmin)
        .body(Map.of("slug", client, "adminEmail", clientAdmin + "@it.example"))
        .post("/firms/" + firm + "/tenants")
        .then()
        .statusCode(201);
    Invitations.accept(clientAdmin, client);
    assertThat(Invitations.memberships(clientAdmin)).containsEntry(client, "admin");
    assertThat(auditActions(client)).contains("user.invited", "user.invitation-accepted");
  }

  private static Response invite(String token, String tenant, String email, String role) {
    return Api.as(token)
        .body(Map.of("email", email, "role", role))
        .post("/tenants/" + tenant + "/users");
  }

  static List<String> auditActions(String tenant) {
    return Api.as(Platform.operator())
        .queryParam("tenant", tenant)
        .get("/platform/audit-events")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("action", String.class);
  }
}

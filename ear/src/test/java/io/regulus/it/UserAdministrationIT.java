package io.regulus.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A tenant admin invites, re-roles and removes users in Keycloak; the user's next token shows the
 * change.
 */
class UserAdministrationIT {

  @Test
  void inviteReRoleAndRemoveReachTheUsersNextTokenAndLeaveTheirOtherTenants() {
    String tenant = Platform.tenant("users", null);
    String other = Platform.tenant("other", null);
    String admin = KeycloakClient.token(KeycloakClient.createMember(tenant, "admin"));
    String email = Api.unique("invitee") + "@it.example";

    Api.as(admin)
        .body(
            Map.of(
                "email", email, "role", "contributor", "firstName", "Ivy", "lastName", "Invitee"))
        .post("/tenants/" + tenant + "/users")
        .then()
        .statusCode(202)
        .body("role", equalTo("contributor"))
        .body("email", equalTo(email));
    String userId = KeycloakClient.userId(email);
    KeycloakClient.activate(userId);
    Invitations.accept(email, tenant);
    // the same person, invited by the other tenant's admin, is the existing Keycloak user
    String otherAdmin = KeycloakClient.token(KeycloakClient.createMember(other, "admin"));
    Api.as(otherAdmin)
        .body(Map.of("email", email, "role", "reader"))
        .post("/tenants/" + other + "/users")
        .then()
        .statusCode(202);
    Invitations.accept(email, other);

    assertThat(memberships(email))
        .containsEntry(tenant, "contributor")
        .containsEntry(other, "reader");
    assertThat(picker(admin, tenant, "implementation")).contains(email);
    assertThat(picker(admin, tenant, "testing")).doesNotContain(email);

    Api.as(admin)
        .body(Map.of("role", "assessor"))
        .put("/tenants/" + tenant + "/users/" + userId + "/role")
        .then()
        .statusCode(200)
        .body("role", equalTo("assessor"));
    assertThat(memberships(email)).containsEntry(tenant, "assessor").containsEntry(other, "reader");
    assertThat(picker(admin, tenant, "testing")).contains(email);
    assertThat(picker(admin, tenant, "implementation")).doesNotContain(email);

    Api.as(admin).delete("/tenants/" + tenant + "/users/" + userId).then().statusCode(204);
    assertThat(memberships(email)).doesNotContainKey(tenant).containsEntry(other, "reader");
    Api.as(admin).get("/tenants/" + tenant + "/users/" + userId).then().statusCode(404);
    Api.as(otherAdmin).get("/tenants/" + other + "/users/" + userId).then().statusCode(200);

    List<String> actions =
        Api.as(Platform.operator())
            .queryParam("tenant", tenant)
            .get("/platform/audit-events")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("action", String.class);
    assertThat(actions)
        .containsSubsequence(
            "user.removed", "user.role-changed", "user.invitation-accepted", "user.invited");
  }

  @Test
  void theLastAdminStaysAndBadInputNamesTheField() {
    String tenant = Platform.tenant("last", null);
    String username = KeycloakClient.createMember(tenant, "admin");
    String admin = KeycloakClient.token(username);
    String adminId = KeycloakClient.userId(username);

    Api.as(admin)
        .body(Map.of("role", "reader"))
        .put("/tenants/" + tenant + "/users/" + adminId + "/role")
        .then()
        .statusCode(422)
        .contentType(Api.PROBLEM)
        .body("errors[0].field", equalTo("userId"));
    Api.as(admin).delete("/tenants/" + tenant + "/users/" + adminId).then().statusCode(422);
    Api.as(admin)
        .body(Map.of("email", "not-an-email", "role", "reader"))
        .post("/tenants/" + tenant + "/users")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("email"));
    Api.as(admin)
        .body(Map.of("email", "x@it.example", "role", "owner"))
        .post("/tenants/" + tenant + "/users")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("role"));
    Api.as(admin)
        .queryParam("for", "fun")
        .get("/tenants/" + tenant + "/assignees")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("for"));
  }

  @Test
  void anotherTenantsUserIdsAndTokensNeverReachThisTenantsMembers() {
    String a = Platform.tenant("iso-a", null);
    String b = Platform.tenant("iso-b", null);
    String adminA = KeycloakClient.token(KeycloakClient.createMember(a, "admin"));
    String adminB = KeycloakClient.token(KeycloakClient.createMember(b, "admin"));
    String memberA = KeycloakClient.createMember(a, "contributor");
    String memberAId = KeycloakClient.userId(memberA);

    // A's user id on B's URLs with B's token: not a member of B, nothing changes in A
    Api.as(adminB).get("/tenants/" + b + "/users/" + memberAId).then().statusCode(404);
    Api.as(adminB)
        .body(Map.of("role", "admin"))
        .put("/tenants/" + b + "/users/" + memberAId + "/role")
        .then()
        .statusCode(404);
    Api.as(adminB).delete("/tenants/" + b + "/users/" + memberAId).then().statusCode(404);
    // A's URLs with B's token: refused before anything is read
    Api.as(adminB).get("/tenants/" + a + "/users").then().statusCode(403);
    Api.as(adminB).delete("/tenants/" + a + "/users/" + memberAId).then().statusCode(403);
    Api.as(adminB)
        .body(Map.of("role", "admin"))
        .put("/tenants/" + a + "/users/" + memberAId + "/role")
        .then()
        .statusCode(403);

    assertThat(KeycloakClient.groupsOf(memberAId))
        .containsExactly("/tenants/" + a + "/contributor");
    assertThat(
            Api.as(adminA)
                .get("/tenants/" + a + "/users")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("username", String.class))
        .contains(memberA);
  }

  /** The user's roles per tenant, as a fresh token of theirs says. */
  private static Map<String, String> memberships(String username) {
    List<Map<String, String>> tenants =
        Api.as(KeycloakClient.token(username))
            .get("/me")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("tenants");
    return tenants.stream()
        .collect(java.util.stream.Collectors.toMap(m -> m.get("tenant"), m -> m.get("role")));
  }

  private static List<String> picker(String token, String tenant, String purpose) {
    return Api.as(token)
        .queryParam("for", purpose)
        .get("/tenants/" + tenant + "/assignees")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("email", String.class);
  }
}

package io.regulus.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.Test;

/**
 * The rules of a tenant's membership hold under concurrency and bad input: a tenant always keeps an
 * admin, and a user id that is not one never reaches Keycloak.
 */
class MembershipRulesIT {

  private static final int ROUNDS = 20;

  @Test
  void twoAdminsRemovingEachOtherAtTheSameMomentLeaveExactlyOneAdmin() throws Exception {
    String tenant = Platform.tenant("race", null);
    String nameA = KeycloakClient.createMember(tenant, "admin");
    String nameB = KeycloakClient.createMember(tenant, "admin");
    String idA = KeycloakClient.userId(nameA);
    String idB = KeycloakClient.userId(nameB);
    // both tokens keep the admin role for their lifetime, so each round races two admins
    String tokenA = KeycloakClient.token(nameA);
    String tokenB = KeycloakClient.token(nameB);
    String adminGroup = "/tenants/" + tenant + "/admin";

    for (int round = 0; round < ROUNDS; round++) {
      boolean demote = round % 2 == 1;
      CyclicBarrier start = new CyclicBarrier(2);
      CompletableFuture<Integer> aRemovesB = race(start, tokenA, tenant, idB, demote);
      CompletableFuture<Integer> bRemovesA = race(start, tokenB, tenant, idA, demote);
      List<Integer> statuses = List.of(aRemovesB.get(), bRemovesA.get());
      int success = demote ? 200 : 204;
      assertThat(statuses)
          .as("round %d (%s): exactly one succeeds", round, demote ? "demote" : "remove")
          .containsExactlyInAnyOrder(success, 422);
      boolean aAdmin = KeycloakClient.groupsOf(idA).contains(adminGroup);
      boolean bAdmin = KeycloakClient.groupsOf(idB).contains(adminGroup);
      assertThat(aAdmin ^ bAdmin).as("round %d: one admin remains", round).isTrue();
      // the loser is made admin again for the next round
      String loser = aAdmin ? idB : idA;
      KeycloakClient.join(loser, adminGroup);
      KeycloakClient.leave(loser, "/tenants/" + tenant + "/reader");
    }
  }

  private static CompletableFuture<Integer> race(
      CyclicBarrier start, String token, String tenant, String userId, boolean demote) {
    return CompletableFuture.supplyAsync(
        () -> {
          try {
            start.await();
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
          var request = Api.as(token);
          String path = "/tenants/" + tenant + "/users/" + userId;
          return demote
              ? request.body(Map.of("role", "reader")).put(path + "/role").statusCode()
              : request.delete(path).statusCode();
        });
  }

  @Test
  void anOperatorAppointsAnAdminToATenantThatHasNone() {
    String tenant = Platform.tenant("orphan", null);
    String reader = KeycloakClient.createMember(tenant, "reader");
    String email = reader + "@it.example";

    // a tenant admin cannot appoint: only an operator
    Api.as(KeycloakClient.token(reader))
        .body(Map.of("email", email))
        .post("/platform/tenants/" + tenant + "/admins")
        .then()
        .statusCode(403);
    Api.as(Platform.operator())
        .body(Map.of("email", email))
        .post("/platform/tenants/" + tenant + "/admins")
        .then()
        .statusCode(202)
        .contentType("application/json")
        .body("email", equalTo(email))
        .body("role", equalTo("admin"));
    Invitations.accept(reader, tenant);
    assertThat(Invitations.memberships(reader)).containsEntry(tenant, "admin");

    // once the tenant has an admin, its admins invite: the operator's appointment is refused
    Api.as(Platform.operator())
        .body(Map.of("email", Api.unique("second") + "@it.example"))
        .post("/platform/tenants/" + tenant + "/admins")
        .then()
        .statusCode(409)
        .contentType(Api.PROBLEM);
    List<String> actions =
        Api.as(Platform.operator())
            .queryParam("tenant", tenant)
            .get("/platform/audit-events")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("action", String.class);
    assertThat(actions).containsSubsequence("user.invitation-accepted", "user.admin-appointed");
  }

  @Test
  void aUserIdThatIsNotAUuidIsRefusedNamingTheParameterWhereverItComesIn() {
    String tenant = Platform.tenant("ids", null);
    String admin = KeycloakClient.token(KeycloakClient.createMember(tenant, "admin"));
    // %252e%252e passes the server's own path check and reaches the resource as %2e%2e, which a
    // Keycloak URL would read as ".." (the server itself refuses %2e in a path before the API)
    List<String> bad =
        new ArrayList<>(List.of("%252e%252e", "not-a-uuid", "%252e%252e%252fusers", "x%20y"));
    for (String id : bad) {
      String path = "/tenants/" + tenant + "/users/" + id;
      problemNaming(Api.as(admin).urlEncodingEnabled(false).get(path), "userId");
      problemNaming(
          Api.as(admin)
              .urlEncodingEnabled(false)
              .body(Map.of("role", "reader"))
              .put(path + "/role"),
          "userId");
      problemNaming(Api.as(admin).urlEncodingEnabled(false).delete(path), "userId");
    }
    long group = Platform.createGroup(admin, tenant, "ids");
    Platform.createAssessment(admin, tenant, group, "ids", "gdpr");
    Object actionId = Platform.actions(admin, tenant).get(0).get("id");
    problemNaming(
        Platform.change(admin, tenant, actionId, Map.of("assigneeId", "..")), "assigneeId");
    problemNaming(Platform.change(admin, tenant, actionId, Map.of("testerId", "../x")), "testerId");
    problemNaming(
        Api.as(admin)
            .body(Map.of("actionIds", List.of(actionId), "userId", ".."))
            .post("/tenants/" + tenant + "/actions/assign"),
        "userId");
    problemNaming(
        Api.as(admin)
            .body(Map.of("from", "..", "to", KeycloakClient.userId("alice")))
            .post("/tenants/" + tenant + "/actions/reassign"),
        "from");
  }

  private static void problemNaming(io.restassured.response.Response response, String field) {
    // refused as an id before anything is looked up: not "no such member" after asking Keycloak
    assertThat(response.statusCode()).as(response.asString()).isEqualTo(422);
    assertThat(response.contentType()).startsWith(Api.PROBLEM);
    assertThat(response.jsonPath().getString("detail")).contains(field, "UUID");
    assertThat(response.jsonPath().getList("errors.field", String.class))
        .as(response.asString())
        .contains(field);
  }
}

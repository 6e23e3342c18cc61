package io.regulus.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.path.json.JsonPath;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The actions list and the scores a node keeps between requests are never served stale: a change
 * made by another node (written here straight to the database) shows at once; this node's own
 * change moving its kept list on does not hide one made elsewhere at the same time; the actions
 * that follow a changed parent show its statuses; and evidence that has expired marks its action at
 * once.
 */
class CachedReadsIT {

  private static String tenant;
  private static String schema;
  private static String admin;
  private static String assessor;
  private static Map<String, Long> instances;

  @BeforeAll
  static void build() {
    tenant = Platform.tenant("cache", null);
    schema = "tenant_" + tenant.replace('-', '_');
    admin = KeycloakClient.token(KeycloakClient.createMember(tenant, "admin"));
    assessor = KeycloakClient.token(KeycloakClient.createMember(tenant, "assessor"));
    long group = Platform.createGroup(admin, tenant, "FY2027");
    Platform.createAssessment(admin, tenant, group, "GDPR portal", "gdpr");
    instances =
        Platform.actions(admin, tenant).stream()
            .collect(
                Collectors.toMap(
                    a -> (String) a.get("key"),
                    a -> ((Number) a.get("id")).longValue(),
                    (a, b) -> a));
  }

  @Test
  void aChangeMadeByAnotherNodeShowsAtOnce() {
    long id = instances.get("data-retention-schedule");
    double before = overallAchieved();
    Map<String, Object> listed = item(id);
    assertThat(listed.get("testStatus")).isEqualTo("NONE");

    passedElsewhere(id);

    assertThat(item(id))
        .containsEntry("implementationStatus", "IMPLEMENTED")
        .containsEntry("testStatus", "PASSED");
    assertThat(overallAchieved()).isEqualTo(before + ((Number) listed.get("points")).doubleValue());
  }

  @Test
  void thisNodesOwnChangeDoesNotHideOneMadeElsewhereMeanwhile() {
    long elsewhere = instances.get("dsr-intake");
    long here = instances.get("privacy-notice");
    double before = overallAchieved();
    double points = ((Number) item(elsewhere).get("points")).doubleValue();
    item(here);

    // another node's change lands between this node's read and its own write
    passedElsewhere(elsewhere);
    Platform.change(admin, tenant, here, Map.of("notes", "reviewed by legal"))
        .then()
        .statusCode(200);

    assertThat(item(here)).containsEntry("notes", "reviewed by legal");
    assertThat(item(elsewhere)).containsEntry("testStatus", "PASSED");
    assertThat(overallAchieved()).isEqualTo(before + points);
  }

  @Test
  void theActionsFollowingAChangedParentShowItsStatuses() {
    long parent = instances.get("mfa-for-all-users");
    long child = instances.get("mfa-for-remote-access");
    assertThat(item(child)).containsEntry("implementationStatus", "NOT_IMPLEMENTED");
    double before = overallAchieved();
    double points =
        ((Number) item(parent).get("points")).doubleValue()
            + ((Number) item(child).get("points")).doubleValue();

    Platform.change(admin, tenant, parent, Map.of("implementationStatus", "IMPLEMENTED"))
        .then()
        .statusCode(200);
    Platform.change(
            assessor,
            tenant,
            parent,
            Map.of(
                "testStatus",
                "PASSED",
                "testOverrideReason",
                "the identity provider's report shows MFA for every user"))
        .then()
        .statusCode(200);

    assertThat(item(child))
        .containsEntry("implementationStatus", "IMPLEMENTED")
        .containsEntry("testStatus", "PASSED")
        .containsEntry("parentActionId", (int) parent);
    assertThat(overallAchieved())
        .as("the parent and its follower both count")
        .isEqualTo(before + points);
  }

  @Test
  void evidenceThatHasExpiredMarksItsActionAtOnce() {
    long id = instances.get("dpia-procedure");
    assertThat(item(id)).containsEntry("needsRetest", false);
    Api.as(admin)
        .body(
            Map.of(
                "url",
                "https://example.com/dpia",
                "validFrom",
                "2020-01-01",
                "validUntil",
                "2020-12-31"))
        .post("/tenants/" + tenant + "/actions/" + id + "/evidence/links")
        .then()
        .statusCode(201);
    assertThat(item(id)).containsEntry("needsRetest", true);
  }

  /** One action as the actions list shows it (passed ones included). */
  private static Map<String, Object> item(long id) {
    JsonPath page =
        Api.as(admin)
            .queryParam("includePassed", true)
            .queryParam("size", 500)
            .get("/tenants/" + tenant + "/actions")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    List<Map<String, Object>> items = page.getList("items");
    return items.stream()
        .filter(i -> ((Number) i.get("id")).longValue() == id)
        .findFirst()
        .orElseThrow();
  }

  private static double overallAchieved() {
    return Api.as(admin)
        .get("/tenants/" + tenant + "/dashboard")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getDouble("overall.achieved");
  }

  /**
   * What another node writing a pass for the instance leaves in the database: its statuses, a
   * version later.
   */
  private static void passedElsewhere(long id) {
    try (Connection connection =
            DriverManager.getConnection(TestDatabase.URL, "postgres", "postgres");
        PreparedStatement update =
            connection.prepareStatement(
                "UPDATE "
                    + schema
                    + ".action_instance SET"
                    + " implementation_status = 'IMPLEMENTED', implementation_date = current_date, test_status = 'PASSED',"
                    + " version = version + 1 WHERE id = ?")) {
      update.setLong(1, id);
      assertThat(update.executeUpdate()).isEqualTo(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}

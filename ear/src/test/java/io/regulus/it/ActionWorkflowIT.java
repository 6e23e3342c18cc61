package io.regulus.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 6, acceptance 1 and 3: one action's life from assignment to a pass that raises the tenant
 * score, each role within its part; ETags that refuse a stale write and let exactly one of twenty
 * simultaneous writers win; bulk assignment and reassignment.
 */
class ActionWorkflowIT {

  private static final byte[] PDF =
      ("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n" + "%%EOF\n")
          .getBytes(java.nio.charset.StandardCharsets.US_ASCII);

  private static String tenant;
  private static String admin;
  private static String contributor;
  private static String contributorId;
  private static String assessor;
  private static String reader;
  private static String adminId;

  @BeforeAll
  static void build() {
    tenant = Platform.tenant("flow", null);
    String adminName = KeycloakClient.createMember(tenant, "admin");
    admin = KeycloakClient.token(adminName);
    adminId = KeycloakClient.userId(adminName);
    String contributorName = KeycloakClient.createMember(tenant, "contributor");
    contributor = KeycloakClient.token(contributorName);
    contributorId = KeycloakClient.userId(contributorName);
    assessor = KeycloakClient.token(KeycloakClient.createMember(tenant, "assessor"));
    reader = KeycloakClient.token(KeycloakClient.createMember(tenant, "reader"));
    long group = Platform.createGroup(admin, tenant, "FY2027");
    Api.as(admin)
        .body(
            Map.of(
                "key",
                "flow",
                "title",
                "Flow rules",
                "regulation",
                "Flow rules",
                "actions",
                List.of(
                    action("tenant:flow-a", 10),
                    action("tenant:flow-b", 5),
                    action("tenant:flow-c", 5),
                    action("tenant:flow-d", 5)),
                "controls",
                List.of(
                    Map.of(
                        "id",
                        "F-1",
                        "family",
                        "Flow",
                        "title",
                        "Flow",
                        "description",
                        "Flow",
                        "mandatory",
                        true,
                        "nature",
                        "preventative",
                        "actions",
                        List.of(
                            "tenant:flow-a", "tenant:flow-b", "tenant:flow-c", "tenant:flow-d")))))
        .post("/tenants/" + tenant + "/templates")
        .then()
        .statusCode(201);
    Platform.createAssessment(admin, tenant, group, "Flow", "flow");
  }

  private static Map<String, Object> action(String key, int points) {
    return Map.of(
        "key",
        key,
        "title",
        "Do " + key,
        "description",
        "Why " + key,
        "type",
        "TECHNICAL",
        "points",
        points,
        "category",
        "Manage compliance");
  }

  @Test
  void anActionGoesFromAssignmentToAPassThatRaisesTheScore() {
    long id = id("tenant:flow-a");
    double before = score();

    Platform.change(
            admin,
            tenant,
            id,
            Map.of("assigneeId", contributorId, "dueDate", "2027-01-31", "priority", "HIGH"))
        .then()
        .statusCode(200);
    assertThat(
            Api.as(contributor)
                .queryParam("assignee", "me")
                .get("/tenants/" + tenant + "/actions")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.key"))
        .containsExactly("tenant:flow-a");

    long evidence =
        Api.as(contributor)
            .contentType("multipart/form-data")
            .multiPart("file", "mfa-policy.pdf", PDF, "application/pdf")
            .multiPart("title", "MFA policy")
            .post("/tenants/" + tenant + "/actions/" + id + "/evidence")
            .then()
            .statusCode(201)
            .extract()
            .<Integer>path("id")
            .longValue();
    Platform.change(
            contributor,
            tenant,
            id,
            Map.of(
                "implementationStatus",
                "IMPLEMENTED",
                "notes",
                "MFA enforced in the identity provider"))
        .then()
        .statusCode(200);
    problem(
        Platform.change(contributor, tenant, id, Map.of("testStatus", "PASSED")),
        403,
        "assessor or admin");
    problem(Platform.change(reader, tenant, id, Map.of("notes", "looks fine")), 403, null);
    assertThat(score()).isEqualTo(before);

    JsonPath passed =
        Platform.change(assessor, tenant, id, Map.of("testStatus", "PASSED"))
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(passed.getString("assigneeId")).isEqualTo(contributorId);
    assertThat(passed.getString("priority")).isEqualTo("HIGH");
    assertThat(score())
        .as("the tenant score rises by the action's 10 points")
        .isEqualTo(before + 10);
    problem(
        Api.as(contributor)
            .delete("/tenants/" + tenant + "/actions/" + id + "/evidence/" + evidence),
        409,
        "PASSED");
    Api.as(reader)
        .get("/tenants/" + tenant + "/actions/" + id + "/evidence/" + evidence + "/content")
        .then()
        .statusCode(200)
        .contentType("application/pdf");

    List<String> fields =
        Api.as(reader)
            .get("/tenants/" + tenant + "/actions/" + id + "/history")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("field");
    assertThat(fields)
        .contains(
            "assignee",
            "dueDate",
            "priority",
            "evidence",
            "implementationStatus",
            "implementationDate",
            "notes",
            "testStatus");
    assertThat(
            Api.as(reader)
                .get("/tenants/" + tenant + "/activity?limit=5")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getString("[0].field"))
        .isEqualTo("testStatus");
    String csv =
        Api.as(reader)
            .queryParam("format", "csv")
            .get("/tenants/" + tenant + "/actions/" + id + "/history")
            .then()
            .statusCode(200)
            .contentType("text/csv")
            .header("Content-Disposition", containsString(".csv"))
            .extract()
            .asString();
    assertThat(csv)
        .contains("Field,Old value,New value,Changed by,Changed at", "testStatus,NONE,PASSED");
    Api.as(reader)
        .queryParam("format", "xlsx")
        .get("/tenants/" + tenant + "/activity")
        .then()
        .statusCode(200)
        .contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  }

  @Test
  void aWriteNeedsTheCurrentEtag() {
    long id = id("tenant:flow-b");
    problem(
        Api.as(admin)
            .body(Map.of("notes", "no etag"))
            .patch("/tenants/" + tenant + "/actions/" + id),
        428,
        "If-Match");
    String etag =
        Api.as(admin).get("/tenants/" + tenant + "/actions/" + id).then().extract().header("ETag");
    Api.as(admin)
        .header("If-Match", etag)
        .body(Map.of("notes", "first"))
        .patch("/tenants/" + tenant + "/actions/" + id)
        .then()
        .statusCode(200);
    JsonPath stale =
        Api.as(admin)
            .header("If-Match", etag)
            .body(Map.of("notes", "second"))
            .patch("/tenants/" + tenant + "/actions/" + id)
            .then()
            .statusCode(412)
            .contentType(Api.PROBLEM)
            .extract()
            .jsonPath();
    assertThat(stale.getString("current.notes")).isEqualTo("first");
    assertThat(stale.getString("detail")).contains("changed since you read it");
  }

  @Test
  void ofTwentySimultaneousWritersWithOneEtagExactlyOneWins() throws Exception {
    long id = id("tenant:flow-c");
    String etag =
        Api.as(admin).get("/tenants/" + tenant + "/actions/" + id).then().extract().header("ETag");
    ExecutorService pool = Executors.newFixedThreadPool(20);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Integer>> results = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      String notes = "writer " + i;
      results.add(
          pool.submit(
              () -> {
                start.await();
                return Api.as(admin)
                    .header("If-Match", etag)
                    .body(Map.of("notes", notes))
                    .patch("/tenants/" + tenant + "/actions/" + id)
                    .statusCode();
              }));
    }
    start.countDown();
    List<Integer> statuses = new ArrayList<>();
    for (Future<Integer> result : results) {
      statuses.add(result.get());
    }
    pool.shutdown();
    assertThat(statuses).containsOnly(200, 412);
    assertThat(statuses).filteredOn(status -> status == 200).hasSize(1);
    List<Map<String, Object>> history =
        Api.as(admin)
            .get("/tenants/" + tenant + "/actions/" + id + "/history")
            .then()
            .extract()
            .jsonPath()
            .getList("findAll { it.field == 'notes' }");
    assertThat(history).hasSize(1);
    assertThat(
            Api.as(admin)
                .get("/tenants/" + tenant + "/actions/" + id)
                .then()
                .extract()
                .<String>path("notes"))
        .isEqualTo(history.get(0).get("newValue"));
  }

  @Test
  void actionsAreAssignedInBulkAndReassigned() {
    List<Long> ids = List.of(id("tenant:flow-b"), id("tenant:flow-c"), id("tenant:flow-d"));
    Api.as(admin)
        .body(Map.of("actionIds", ids, "userId", contributorId))
        .post("/tenants/" + tenant + "/actions/assign")
        .then()
        .statusCode(200);
    problem(
        Api.as(admin)
            .body(Map.of("actionIds", ids, "userId", contributorId, "for", "testing"))
            .post("/tenants/" + tenant + "/actions/assign"),
        422,
        "may be assigned testing");
    problem(
        Api.as(admin)
            .body(Map.of("actionIds", List.of(ids.get(0), 999_999), "userId", adminId))
            .post("/tenants/" + tenant + "/actions/assign"),
        422,
        "no action 999999");
    int moved =
        Api.as(admin)
            .body(Map.of("from", contributorId, "to", adminId))
            .post("/tenants/" + tenant + "/actions/reassign")
            .then()
            .statusCode(200)
            .extract()
            .path("reassigned");
    assertThat(moved).isGreaterThanOrEqualTo(3);
    assertThat(
            Api.as(contributor)
                .queryParam("assignee", "me")
                .get("/tenants/" + tenant + "/actions")
                .then()
                .extract()
                .jsonPath()
                .getList("items"))
        .isEmpty();
    Api.as(contributor)
        .body(Map.of("actionIds", ids, "userId", contributorId))
        .post("/tenants/" + tenant + "/actions/assign")
        .then()
        .statusCode(403);
  }

  @Test
  void theListFiltersAndCountsByTestingSourceAndRefusesAnUnknownOne() {
    JsonPath manual =
        Api.as(reader)
            .queryParam("testingSource", "manual")
            .queryParam("includePassed", true)
            .queryParam("groupBy", "testingSource")
            .get("/tenants/" + tenant + "/actions")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(manual.getList("items.testingSource", String.class))
        .hasSize(4)
        .containsOnly("MANUAL");
    assertThat(manual.getList("items.origin", String.class)).containsOnly("TENANT");
    assertThat(manual.getMap("counts")).containsOnlyKeys("MANUAL");
    assertThat(
            Api.as(reader)
                .queryParam("testingSource", "AUTOMATIC")
                .queryParam("includePassed", true)
                .get("/tenants/" + tenant + "/actions")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items"))
        .isEmpty();
    Api.as(reader)
        .queryParam("testingSource", "sometimes")
        .get("/tenants/" + tenant + "/actions")
        .then()
        .statusCode(422)
        .contentType(Api.PROBLEM)
        .body("errors[0].field", equalTo("testingSource"));
  }

  private static long id(String key) {
    return Platform.actions(admin, tenant).stream()
        .filter(action -> key.equals(action.get("key")))
        .map(action -> ((Number) action.get("id")).longValue())
        .findFirst()
        .orElseThrow();
  }

  private static double score() {
    return Api.as(reader)
        .get("/tenants/" + tenant + "/dashboard")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getDouble("overall.achieved");
  }

  private static void problem(Response response, int status, String detail) {
    var then = response.then().statusCode(status).contentType(Api.PROBLEM);
    if (detail != null) {
      then.body("detail", org.hamcrest.Matchers.containsString(detail));
    }
  }
}

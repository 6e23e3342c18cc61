package io.regulus.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 18, acceptance 5 (the alerts' half): alert policies fire on each kind of event (assignment,
 * implementation status, test status, evidence change, evidence expiring, score change), each alert
 * posting a notice to its recipients in {@code platform.notice}; a disabled or out-of-scope policy
 * does not fire; the default policies are on a new tenant; an alert moves along its statuses only;
 * a bad policy is refused naming its fault; another tenant's token and ids reach nothing.
 */
class AlertsIT {

  private static String tenant;
  private static String admin;
  private static String adminId;
  private static String contributor;
  private static String contributorId;
  private static String assessor;
  private static String assessorId;
  private static long assessment;
  private static Map<String, Object> watched;
  private static Map<String, Object> other;
  private static Map<String, Object> scored;
  private static String quietCategory;

  private static String otherTenant;
  private static String otherAdmin;
  private static long otherAssessment;

  @BeforeAll
  static void twoTenantsWithPeople() {
    Platform.awaitReady();
    tenant = Platform.tenant("alerts", null);
    String adminName = KeycloakClient.createMember(tenant, "admin");
    String contributorName = KeycloakClient.createMember(tenant, "contributor");
    String assessorName = KeycloakClient.createMember(tenant, "assessor");
    admin = KeycloakClient.token(adminName);
    contributor = KeycloakClient.token(contributorName);
    assessor = KeycloakClient.token(assessorName);
    adminId = KeycloakClient.userId(adminName);
    contributorId = KeycloakClient.userId(contributorName);
    assessorId = KeycloakClient.userId(assessorName);
    long group = Platform.createGroup(admin, tenant, "FY2027");
    assessment = Platform.createAssessment(admin, tenant, group, "GDPR portal", "gdpr");
    List<Map<String, Object>> manual =
        Platform.actions(admin, tenant).stream()
            .filter(a -> "MANUAL".equals(a.get("testingSource")))
            .filter(a -> ((Number) a.get("points")).intValue() >= 5)
            .filter(a -> "CUSTOMER".equals(a.get("managedBy")))
            .toList();
    watched = manual.get(0);
    other = manual.get(1);
    scored = manual.get(2);
    quietCategory =
        Platform.actions(admin, tenant).stream()
            .map(a -> (String) a.get("category"))
            .filter(c -> !c.equals(scored.get("category")))
            .findFirst()
            .orElseThrow();

    otherTenant = Platform.tenant("alerts-other", null);
    otherAdmin = KeycloakClient.token(KeycloakClient.createMember(otherTenant, "admin"));
    long otherGroup = Platform.createGroup(otherAdmin, otherTenant, "FY2027");
    Platform.createAssessment(otherAdmin, otherTenant, otherGroup, "GDPR other", "gdpr");
    // ids count per tenant: the other tenant's second assessment has an id this tenant has not
    otherAssessment =
        Platform.createAssessment(
            otherAdmin, otherTenant, otherGroup, "HIPAA other", "hipaa-security");
  }

  @Test
  void aNewTenantHasTheDefaultPolicies() {
    List<Map<String, Object>> policies = policies(otherAdmin, otherTenant);
    assertThat(policies)
        .extracting(p -> p.get("kind"))
        .containsExactlyInAnyOrder(
            "SCORE_CHANGE",
            "ASSIGNMENT_CHANGE",
            "IMPLEMENTATION_STATUS_CHANGE",
            "TEST_STATUS_CHANGE",
            "EVIDENCE_CHANGE",
            "EVIDENCE_EXPIRING");
    Map<String, Object> score = byKind(policies, "SCORE_CHANGE");
    assertThat(score.get("severity")).isEqualTo("HIGH");
    assertThat(((Number) score.get("threshold")).doubleValue()).isEqualTo(5.0);
    assertThat(score.get("unit")).isEqualTo("POINTS");
    assertThat(score.get("direction")).isEqualTo("DROP");
    @SuppressWarnings("unchecked")
    List<String> failed = (List<String>) byKind(policies, "TEST_STATUS_CHANGE").get("toValues");
    assertThat(failed)
        .containsExactlyInAnyOrder("FAILED_LOW_RISK", "FAILED_MEDIUM_RISK", "FAILED_HIGH_RISK");
    assertThat(((Number) byKind(policies, "EVIDENCE_EXPIRING").get("threshold")).doubleValue())
        .isEqualTo(14.0);
    assertThat(policies).allSatisfy(p -> assertThat(p.get("enabled")).isEqualTo(true));
    // readers of the tenant read them too; the other tenant's admin does not
    Api.as(contributor).get("/tenants/" + tenant + "/alert-policies").then().statusCode(200);
    Api.as(otherAdmin).get("/tenants/" + tenant + "/alert-policies").then().statusCode(403);
  }

  @Test
  void eachKindOfEventRaisesItsPoliciesAndTellsTheirRecipients() {
    long id = id(watched);
    long otherId = id(other);
    // beside the defaults: one policy on this action (telling assessors), one disabled, one on
    // another action
    long inScope =
        createPolicy(
            Map.of(
                "name", "Watched action implemented",
                "kind", "IMPLEMENTATION_STATUS_CHANGE",
                "severity", "HIGH",
                "scope", "ACTION",
                "actionId", id,
                "recipientRoles", List.of("assessor")));
    long disabled =
        createPolicy(
            Map.of(
                "name", "Switched off",
                "kind", "IMPLEMENTATION_STATUS_CHANGE",
                "severity", "LOW",
                "enabled", false,
                "recipientRoles", List.of("admin")));
    long outOfScope =
        createPolicy(
            Map.of(
                "name", "Another action implemented",
                "kind", "IMPLEMENTATION_STATUS_CHANGE",
                "severity", "LOW",
                "scope", "ACTION",
                "actionId", otherId,
                "recipientRoles", List.of("admin")));
    // and for every kind, a policy on another action, category or disabled, which must stay quiet
    List<String> quiet =
        List.of(
            "Another action assigned",
            "Another action tested",
            "Another action's evidence",
            "Evidence expiring, switched off",
            "Any score move, switched off",
            "Another category's score");
    createPolicy(quietOn(quiet.get(0), "ASSIGNMENT_CHANGE", otherId));
    createPolicy(quietOn(quiet.get(1), "TEST_STATUS_CHANGE", otherId));
    createPolicy(quietOn(quiet.get(2), "EVIDENCE_CHANGE", otherId));
    createPolicy(
        Map.of(
            "name",
            quiet.get(3),
            "kind",
            "EVIDENCE_EXPIRING",
            "severity",
            "LOW",
            "threshold",
            30,
            "enabled",
            false,
            "recipientRoles",
            List.of("admin")));
    createPolicy(
        Map.of(
            "name",
            quiet.get(4),
            "kind",
            "SCORE_CHANGE",
            "severity",
            "LOW",
            "threshold",
            0.01,
            "unit",
            "POINTS",
            "direction",
            "EITHER",
            "enabled",
            false,
            "recipientRoles",
            List.of("admin")));
    createPolicy(scoreOfCategory(quiet.get(5), quietCategory));
    createPolicy(scoreOfCategory("Scored action's category", (String) scored.get("category")));

    // assignment: the assignee and tester are told, not the admin who assigned
    change(admin, watched, Map.of("assigneeId", contributorId, "testerId", assessorId));
    List<Map<String, Object>> assigned = alertsOf("ASSIGNMENT_CHANGE", id);
    assertThat(assigned).hasSize(2);
    assertThat(assigned).extracting(a -> a.get("policyName")).containsOnly("Action assigned");
    assertThat(assigned).extracting(a -> a.get("raisedBy")).containsOnly(adminId);
    assertThat(notices(contributorId, "assignee changed")).isEqualTo(1);
    assertThat(notices(assessorId, "tester changed")).isEqualTo(1);
    assertThat(notices(adminId, "assignee changed")).isZero();

    // implementation status, by the contributor: the admins by default, the assessors by the
    // action's own policy; neither the disabled policy nor the other action's
    change(contributor, watched, Map.of("implementationStatus", "IMPLEMENTED"));
    List<Map<String, Object>> implemented = alertsOf("IMPLEMENTATION_STATUS_CHANGE", id);
    assertThat(implemented)
        .extracting(a -> a.get("policyName"))
        .containsExactlyInAnyOrder("Implementation status changed", "Watched action implemented");
    assertThat(implemented)
        .extracting(a -> ((Number) a.get("policyId")).longValue())
        .doesNotContain(disabled, outOfScope)
        .contains(inScope);
    Map<String, Object> one = implemented.get(0);
    assertThat(one.get("oldValue")).isEqualTo("NOT_IMPLEMENTED");
    assertThat(one.get("newValue")).isEqualTo("IMPLEMENTED");
    assertThat(one.get("status")).isEqualTo("ACTIVE");
    assertThat((String) one.get("summary"))
        .contains((String) watched.get("key"))
        .contains("implementation status changed from NOT_IMPLEMENTED to IMPLEMENTED");
    assertThat(notices(adminId, "implementation status changed")).isEqualTo(1);
    assertThat(notices(assessorId, "implementation status changed")).isEqualTo(1);
    assertThat(notices(contributorId, "implementation status changed")).isZero();

    // evidence added: its tester is told
    long today = LocalDate.now(ZoneOffset.UTC).toEpochDay();
    Api.as(contributor)
        .body(
            Map.of(
                "url",
                "https://intranet.example.com/alerts/" + Api.unique("e"),
                "title",
                "Access review",
                "validUntil",
                LocalDate.ofEpochDay(today + 10).toString()))
        .post("/tenants/" + tenant + "/actions/" + id + "/evidence/links")
        .then()
        .statusCode(201);
    assertThat(alertsOf("EVIDENCE_CHANGE", id)).hasSize(1);
    assertThat(notices(assessorId, "evidence added")).isEqualTo(1);

    // a failed test: the admins and the assignee; a pass raises nothing
    change(assessor, watched, Map.of("testStatus", "FAILED_HIGH_RISK"));
    List<Map<String, Object>> failed = alertsOf("TEST_STATUS_CHANGE", id);
    assertThat(failed).hasSize(1);
    assertThat(failed.get(0).get("severity")).isEqualTo("MEDIUM");
    assertThat(notices(adminId, "FAILED_HIGH_RISK")).isEqualTo(1);
    assertThat(notices(contributorId, "FAILED_HIGH_RISK")).isEqualTo(1);
    change(assessor, watched, Map.of("testStatus", "PASSED"));
    assertThat(alertsOf("TEST_STATUS_CHANGE", id)).hasSize(1);

    // the day's snapshot: the score against the day before's, and evidence expiring (once)
    LocalDate day = LocalDate.now(ZoneOffset.UTC);
    change(admin, scored, Map.of("implementationStatus", "IMPLEMENTED"));
    change(admin, scored, Map.of("testStatus", "PASSED"));
    ScoreRecomputes.run(day.minusDays(1));
    assertThat(alerts(admin, Map.of()).stream().filter(a -> "SCORE_CHANGE".equals(a.get("kind"))))
        .isEmpty();
    change(admin, scored, Map.of("implementationStatus", "NOT_IMPLEMENTED"));
    ScoreRecomputes.run(day);
    ScoreRecomputes.run(day);
    List<Map<String, Object>> score =
        alerts(admin, Map.of("severity", "HIGH")).stream()
            .filter(a -> "SCORE_CHANGE".equals(a.get("kind")))
            .toList();
    assertThat(score).hasSize(1);
    assertThat(score.get(0).get("scopeLabel")).isEqualTo("tenant");
    assertThat((String) score.get(0).get("summary")).contains("dropped by");
    assertThat(score.get(0).get("raisedBy")).isEqualTo("job:recompute");
    assertThat(notices(adminId, "Score of the tenant dropped")).isEqualTo(1);
    assertThat(alerts(admin, Map.of("severity", "MEDIUM")))
        .filteredOn(a -> "SCORE_CHANGE".equals(a.get("kind")))
        .singleElement()
        .satisfies(a -> assertThat(a.get("policyName")).isEqualTo("Scored action's category"))
        .satisfies(a -> assertThat(a.get("scopeLabel")).isEqualTo(scored.get("category")));
    assertThat(alerts(admin, Map.of()))
        .extracting(a -> (String) a.get("policyName"))
        .doesNotContainAnyElementsOf(quiet);
    List<Map<String, Object>> expiring = alertsOf("EVIDENCE_EXPIRING", id);
    assertThat(expiring).hasSize(1);
    assertThat((String) expiring.get(0).get("summary")).contains("Access review");
    assertThat(notices(adminId, "expires on")).isEqualTo(1);
    assertThat(notices(contributorId, "expires on")).isEqualTo(1);

    // every notice is of kind ALERT, in this tenant, linking to the alerts page
    assertThat(
            TestDatabase.count(
                "SELECT count(*) FROM platform.notice WHERE tenant_slug = ? AND kind = 'ALERT'"
                    + " AND link = ?",
                tenant,
                "/app/alerts.xhtml?tenant=" + tenant))
        .isGreaterThanOrEqualTo(9);
    // and nothing of it reached the other tenant
    assertThat(
            TestDatabase.count(
                "SELECT count(*) FROM " + schema(otherTenant) + ".alert WHERE action_key = ?",
                watched.get("key")))
        .isZero();
  }

  @Test
  void anAlertMovesAlongItsStatusesOnlyAndKeepsEachChange() {
    Map<String, Object> action = other;
    change(admin, action, Map.of("assigneeId", contributorId));
    long alert = ((Number) alertsOf("ASSIGNMENT_CHANGE", id(action)).get(0).get("id")).longValue();
    String path = "/tenants/" + tenant + "/alerts/" + alert;

    Api.as(contributor)
        .body(Map.of("status", "RESOLVED"))
        .post(path + "/status")
        .then()
        .statusCode(403);
    Api.as(assessor)
        .body(Map.of("status", "INVESTIGATING", "comment", "Looking at it"))
        .post(path + "/status")
        .then()
        .statusCode(200);
    JsonPath resolved =
        Api.as(admin)
            .body(Map.of("status", "RESOLVED", "comment", "Expected: new owner"))
            .post(path + "/status")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(resolved.getString("status")).isEqualTo("RESOLVED");
    assertThat(resolved.getString("statusChangedBy")).isEqualTo(adminId);
    assertThat(resolved.getString("statusComment")).isEqualTo("Expected: new owner");

    Response wrong = Api.as(admin).body(Map.of("status", "DISMISSED")).post(path + "/status");
    wrong.then().statusCode(409).contentType(Api.PROBLEM);
    assertThat(wrong.<String>path("detail"))
        .contains("is RESOLVED")
        .contains("cannot move to DISMISSED")
        .contains("moves to ACTIVE");
    Response unknown = Api.as(admin).body(Map.of("status", "CLOSED")).post(path + "/status");
    unknown.then().statusCode(400).contentType(Api.PROBLEM);
    assertThat(unknown.<String>path("detail")).contains("status").contains("'CLOSED'");

    JsonPath read = Api.as(contributor).get(path).then().statusCode(200).extract().jsonPath();
    assertThat(read.getList("history.to", String.class))
        .containsExactly("INVESTIGATING", "RESOLVED");
    assertThat(read.getList("history.from", String.class))
        .containsExactly("ACTIVE", "INVESTIGATING");
    assertThat(read.getString("history[0].comment")).isEqualTo("Looking at it");
    assertThat(read.getString("history[0].changedBy")).isEqualTo(assessorId);

    assertThat(alerts(admin, Map.of("status", "RESOLVED")))
        .extracting(a -> ((Number) a.get("id")).longValue())
        .contains(alert);
    assertThat(alerts(admin, Map.of("status", "ACTIVE")))
        .extracting(a -> ((Number) a.get("id")).longValue())
        .doesNotContain(alert);
    Response page = Api.as(admin).queryParam("size", 1).get("/tenants/" + tenant + "/alerts");
    page.then().statusCode(200);
    assertThat(page.jsonPath().getList("$")).hasSize(1);
    assertThat(Long.parseLong(page.header("X-Total-Count"))).isPositive();
  }

  @Test
  void aPolicyIsCheckedWholeAndManagedByAdminsOnly() {
    Response bad =
        Api.as(admin)
            .body(
                Map.of(
                    "name", "Bad",
                    "kind", "SCORE_JUMP",
                    "severity", "HIGH",
                    "recipientRoles", List.of("admin")))
            .post("/tenants/" + tenant + "/alert-policies");
    bad.then().statusCode(422).contentType(Api.PROBLEM);
    assertThat(bad.jsonPath().getList("errors.field", String.class)).containsExactly("kind");
    assertThat(bad.<String>path("detail")).contains("SCORE_JUMP").contains("EVIDENCE_EXPIRING");

    Response range =
        Api.as(admin)
            .body(
                Map.of(
                    "name", "Too much",
                    "kind", "SCORE_CHANGE",
                    "severity", "HIGH",
                    "threshold", 500,
                    "unit", "PERCENT",
                    "recipientRoles", List.of("admin")))
            .post("/tenants/" + tenant + "/alert-policies");
    range.then().statusCode(422);
    assertThat(range.jsonPath().getList("errors.field", String.class)).containsExactly("threshold");

    Map<String, Object> good =
        Map.of(
            "name", "Assessment score",
            "kind", "SCORE_CHANGE",
            "severity", "MEDIUM",
            "threshold", 10,
            "unit", "PERCENT",
            "scope", "ASSESSMENT",
            "assessmentId", assessment,
            "recipientRoles", List.of("admin", "assessor"));
    Api.as(contributor)
        .body(good)
        .post("/tenants/" + tenant + "/alert-policies")
        .then()
        .statusCode(403);
    long count = TestDatabase.count("SELECT count(*) FROM " + schema(tenant) + ".alert_policy");
    // the other tenant's assessment is not found here: nothing kept
    assertThat(
            TestDatabase.count(
                "SELECT count(*) FROM " + schema(tenant) + ".assessment WHERE id = ?",
                otherAssessment))
        .isZero();
    Map<String, Object> foreign = new HashMap<>(good);
    foreign.put("assessmentId", otherAssessment);
    Response notHere = Api.as(admin).body(foreign).post("/tenants/" + tenant + "/alert-policies");
    notHere.then().statusCode(404).contentType(Api.PROBLEM);
    assertThat(TestDatabase.count("SELECT count(*) FROM " + schema(tenant) + ".alert_policy"))
        .isEqualTo(count);

    long id = createPolicy(good);
    Map<String, Object> off = new HashMap<>(good);
    off.put("enabled", false);
    JsonPath changed =
        Api.as(admin)
            .body(off)
            .put("/tenants/" + tenant + "/alert-policies/" + id)
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(changed.getBoolean("enabled")).isFalse();
    assertThat(changed.getString("scope")).isEqualTo("ASSESSMENT");
    assertThat(changed.getLong("assessmentId")).isEqualTo(assessment);
    assertThat(changed.getList("recipientRoles", String.class))
        .containsExactly("admin", "assessor");
    Api.as(admin).delete("/tenants/" + tenant + "/alert-policies/" + id).then().statusCode(204);
    Api.as(admin).get("/tenants/" + tenant + "/alert-policies/" + id).then().statusCode(404);
  }

  @Test
  void anotherTenantsTokenAndIdsReachNoneOfATenantsAlertsAndPolicies() {
    change(admin, scored, Map.of("assigneeId", contributorId));
    long alert = ((Number) alertsOf("ASSIGNMENT_CHANGE", id(scored)).get(0).get("id")).longValue();
    long policy = ((Number) policies(admin, tenant).get(0).get("id")).longValue();
    String mine = "/tenants/" + tenant;
    String theirs = "/tenants/" + otherTenant;

    Api.as(otherAdmin).get(mine + "/alerts").then().statusCode(403);
    Api.as(otherAdmin).get(mine + "/alerts/" + alert).then().statusCode(403);
    Api.as(otherAdmin)
        .body(Map.of("status", "DISMISSED"))
        .post(mine + "/alerts/" + alert + "/status")
        .then()
        .statusCode(403);
    Api.as(otherAdmin).delete(mine + "/alert-policies/" + policy).then().statusCode(403);
    // A's ids under B's own tenant: found only if B has such a row, never A's
    String summary =
        Api.as(admin)
            .get(mine + "/alerts/" + alert)
            .then()
            .statusCode(200)
            .extract()
            .path("summary");
    Response asB = Api.as(otherAdmin).get(theirs + "/alerts/" + alert);
    if (asB.statusCode() == 200) {
      assertThat(asB.<String>path("summary")).isNotEqualTo(summary);
    } else {
      asB.then().statusCode(404);
    }
    Map<String, Object> scopedToA =
        Map.of(
            "name", "A's action",
            "kind", "EVIDENCE_CHANGE",
            "severity", "LOW",
            "scope", "ACTION",
            "actionId", id(scored),
            "recipientRoles", List.of("admin"));
    long actionInB =
        TestDatabase.count(
            "SELECT count(*) FROM " + schema(otherTenant) + ".action_instance WHERE id = ?",
            id(scored));
    if (actionInB == 0) {
      Api.as(otherAdmin).body(scopedToA).post(theirs + "/alert-policies").then().statusCode(404);
    }
    // A's alert stays as it was
    assertThat(
            Api.as(admin)
                .get(mine + "/alerts/" + alert)
                .then()
                .statusCode(200)
                .extract()
                .<String>path("status"))
        .isEqualTo("ACTIVE");
  }

  /** A policy of {@code kind} on one action, telling the admins. */
  private static Map<String, Object> quietOn(String name, String kind, long action) {
    return Map.of(
        "name",
        name,
        "kind",
        kind,
        "severity",
        "LOW",
        "scope",
        "ACTION",
        "actionId",
        action,
        "recipientRoles",
        List.of("admin"));
  }

  /** A policy on a category's score: a drop of 1 point or more, MEDIUM, telling the admins. */
  private static Map<String, Object> scoreOfCategory(String name, String category) {
    return Map.of(
        "name",
        name,
        "kind",
        "SCORE_CHANGE",
        "severity",
        "MEDIUM",
        "threshold",
        1,
        "unit",
        "POINTS",
        "scope",
        "CATEGORY",
        "category",
        category,
        "recipientRoles",
        List.of("admin"));
  }

  private static long createPolicy(Map<String, Object> body) {
    Response created = Api.as(admin).body(body).post("/tenants/" + tenant + "/alert-policies");
    assertThat(created.statusCode()).as(created.body().asString()).isEqualTo(201);
    assertThat(created.header("Location"))
        .endsWith("/tenants/" + tenant + "/alert-policies/" + created.path("id"));
    return created.<Integer>path("id").longValue();
  }

  private static void change(String token, Map<String, Object> action, Map<String, ?> body) {
    Response changed = Platform.change(token, tenant, action.get("id"), body);
    assertThat(changed.statusCode()).as(changed.body().asString()).isEqualTo(200);
  }

  private static List<Map<String, Object>> policies(String token, String slug) {
    return Api.as(token)
        .get("/tenants/" + slug + "/alert-policies")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("$");
  }

  private static List<Map<String, Object>> alerts(String token, Map<String, ?> filter) {
    return Api.as(token)
        .queryParams(filter)
        .queryParam("size", 500)
        .get("/tenants/" + tenant + "/alerts")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("$");
  }

  /** The tenant's alerts of a kind about one action. */
  private static List<Map<String, Object>> alertsOf(String kind, long action) {
    return alerts(admin, Map.of()).stream()
        .filter(a -> kind.equals(a.get("kind")))
        .filter(
            a -> a.get("actionId") != null && ((Number) a.get("actionId")).longValue() == action)
        .toList();
  }

  private static long notices(String userId, String subjectHolds) {
    return TestDatabase.count(
        "SELECT count(*) FROM platform.notice WHERE user_id = ? AND tenant_slug = ? AND kind = 'ALERT'"
            + " AND subject LIKE ?",
        userId,
        tenant,
        "%" + subjectHolds + "%");
  }

  private static Map<String, Object> byKind(List<Map<String, Object>> policies, String kind) {
    return policies.stream().filter(p -> kind.equals(p.get("kind"))).findFirst().orElseThrow();
  }

  private static long id(Map<String, Object> action) {
    return ((Number) action.get("id")).longValue();
  }

  private static String schema(String slug) {
    return "tenant_" + slug.replace('-', '_');
  }
}

package io.regulus.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.restassured.path.json.JsonPath;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 5, acceptance 2 and 3: GDPR and HIPAA assessments in two groups of one tenant, plus a small
 * private template whose score is computed by hand; action statuses driven through the API; the
 * tenant score, each assessment's score and the category breakdown checked against sums the test
 * makes itself from the action list; the explanation sums to the score; a second tenant with the
 * same templates is untouched.
 */
class ScoringIT {

  private static final double EPSILON = 0.005;

  private static String tenant;
  private static String admin;
  private static long fy;
  private static long eu;
  private static final Map<String, Long> ASSESSMENTS = new HashMap<>();
  private static String other;
  private static String otherAdmin;
  private static String otherDashboardBefore;

  @BeforeAll
  static void build() {
    tenant = Platform.tenant("score", null);
    admin = KeycloakClient.token(KeycloakClient.createMember(tenant, "admin"));
    fy = Platform.createGroup(admin, tenant, "FY2027");
    eu = Platform.createGroup(admin, tenant, "EU subsidiaries");

    other = Platform.tenant("score-other", null);
    otherAdmin = KeycloakClient.token(KeycloakClient.createMember(other, "admin"));
    long otherGroup = Platform.createGroup(otherAdmin, other, "FY2027");
    Platform.createAssessment(otherAdmin, other, otherGroup, "GDPR portal", "gdpr");
    Platform.createAssessment(otherAdmin, other, otherGroup, "HIPAA claims", "hipaa-security");
    otherDashboardBefore = dashboard(otherAdmin, other).prettify();

    // a private template, small enough to score by hand: a 10-point technical, 4-point
    // documentation and
    // 6-point operational action
    Api.as(admin)
        .body(
            Map.of(
                "key",
                "vendor-rules",
                "title",
                "Vendor rules",
                "regulation",
                "Acme vendor rules",
                "actions",
                List.of(
                    action("tenant:vendor-portal-sso", "TECHNICAL", 10),
                    action("tenant:vendor-register", "DOCUMENTATION", 4),
                    action("tenant:vendor-review", "OPERATIONAL", 6)),
                "controls",
                List.of(
                    control("VR-1", List.of("tenant:vendor-portal-sso", "tenant:vendor-register")),
                    control("VR-2", List.of("tenant:vendor-review", "tenant:vendor-register")))))
        .post("/tenants/" + tenant + "/templates")
        .then()
        .statusCode(201);

    ASSESSMENTS.put("gdpr-fy", Platform.createAssessment(admin, tenant, fy, "GDPR portal", "gdpr"));
    ASSESSMENTS.put(
        "hipaa-fy", Platform.createAssessment(admin, tenant, fy, "HIPAA claims", "hipaa-security"));
    ASSESSMENTS.put(
        "gdpr-eu", Platform.createAssessment(admin, tenant, eu, "GDPR web shop", "gdpr"));
    ASSESSMENTS.put(
        "vendor-fy", Platform.createAssessment(admin, tenant, fy, "Vendors FY", "vendor-rules"));
    ASSESSMENTS.put(
        "vendor-eu", Platform.createAssessment(admin, tenant, eu, "Vendors EU", "vendor-rules"));
  }

  private static Map<String, Object> action(String key, String type, int points) {
    return Map.of(
        "key",
        key,
        "title",
        "Do " + key,
        "description",
        "What " + key + " means",
        "type",
        type,
        "points",
        points,
        "category",
        "Manage compliance",
        "solution",
        "Vendor management");
  }

  private static Map<String, Object> control(String id, List<String> actions) {
    return Map.of(
        "id",
        id,
        "family",
        "Vendors",
        "title",
        "Control " + id,
        "description",
        "Requirement " + id,
        "mandatory",
        true,
        "nature",
        "preventative",
        "actions",
        actions);
  }

  @Test
  void scoresFollowTheContractAcrossGroupsAndRegulations() {
    List<Map<String, Object>> instances = actions();
    // one instance per technical or provider-managed action, one per group for the others
    Map<String, Map<String, Object>> byInstance = new HashMap<>();
    for (Map<String, Object> instance : instances) {
      assertThat(byInstance.put(key(instance), instance)).as("instance " + key(instance)).isNull();
      if ("TECHNICAL".equals(instance.get("type"))) {
        assertThat(instance.get("group")).as(instance.get("key") + " is tenant-wide").isNull();
      }
    }
    assertThat(byInstance)
        .containsKeys(
            "tenant:vendor-portal-sso@",
            "tenant:vendor-register@FY2027",
            "tenant:vendor-register@EU subsidiaries",
            "tenant:vendor-review@FY2027",
            "tenant:vendor-review@EU subsidiaries");

    // drive statuses: a technical action GDPR and HIPAA share, a documentation action passed in one
    // group only,
    // a partial test, an out-of-scope action, a failed one, and the private template's
    pass(byInstance.get("mfa-for-administrators@"));
    pass(byInstance.get("information-security-policy@FY2027"));
    change(byInstance.get("encrypt-data-at-rest@"), Map.of("implementationStatus", "IMPLEMENTED"));
    change(
        byInstance.get("encrypt-data-at-rest@"),
        Map.of("testStatus", "PARTIALLY_TESTED", "passedFraction", 0.5));
    change(
        byInstance.get("security-awareness-training@EU subsidiaries"),
        Map.of("implementationStatus", "OUT_OF_SCOPE"));
    change(byInstance.get("network-firewall@"), Map.of("implementationStatus", "IMPLEMENTED"));
    change(byInstance.get("network-firewall@"), Map.of("testStatus", "FAILED_HIGH_RISK"));
    pass(byInstance.get("tenant:vendor-portal-sso@"));
    pass(byInstance.get("tenant:vendor-register@FY2027"));

    instances = actions();
    Map<String, double[]> expectedByInstance = new HashMap<>();
    Set<String> providerKeys = providerManaged();
    for (Map<String, Object> instance : instances) {
      expectedByInstance.put(key(instance), contribution(instance, providerKeys));
    }

    // the tenant score: every instance once
    double[] tenantExpected = sum(expectedByInstance.values());
    JsonPath dashboard = dashboard(admin, tenant);
    assertThat(dashboard.getDouble("overall.achieved"))
        .isCloseTo(tenantExpected[0], within(EPSILON));
    assertThat(dashboard.getDouble("overall.possible"))
        .isCloseTo(tenantExpected[1], within(EPSILON));
    assertThat(dashboard.getDouble("providerPoints.possible")).isGreaterThan(0);
    assertThat(
            dashboard.getDouble("yourPoints.possible")
                + dashboard.getDouble("providerPoints.possible"))
        .isCloseTo(tenantExpected[1], within(EPSILON));

    // the private template's score, by hand: possible 10 + 2 x 4 + 2 x 6 = 30; achieved 10 + 4 = 14
    JsonPath vendor =
        Api.as(admin)
            .queryParam("regulation", "Acme vendor rules")
            .get("/tenants/" + tenant + "/scores")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(vendor.getDouble("score.achieved")).isEqualTo(14.0);
    assertThat(vendor.getDouble("score.possible")).isEqualTo(30.0);
    assertThat(vendor.getDouble("score.percent")).isEqualTo(46.7);
    JsonPath vendorFy = assessment("vendor-fy");
    assertThat(vendorFy.getDouble("assessment.score.achieved")).isEqualTo(14.0);
    assertThat(vendorFy.getDouble("assessment.score.possible")).isEqualTo(20.0);
    assertThat(vendorFy.getString("assessment.status")).isEqualTo("IN_PROGRESS");
    assertThat(vendorFy.getDouble("assessment.progress")).isEqualTo(0.5);
    // VR-1: both actions passed; VR-2: one passed, one untested
    assertThat(vendorFy.getList("controls.status")).containsExactly("PASSED", "IN_PROGRESS");
    JsonPath vendorEu = assessment("vendor-eu");
    assertThat(vendorEu.getDouble("assessment.score.achieved")).isEqualTo(10.0);
    assertThat(vendorEu.getDouble("assessment.score.possible")).isEqualTo(20.0);

    // each assessment: its distinct actions, in its group
    for (Map.Entry<String, Long> entry : ASSESSMENTS.entrySet()) {
      JsonPath detail = assessment(entry.getKey());
      String group = detail.getString("assessment.group");
      Set<String> keys = new HashSet<>();
      detail.getList("controls.actions", List.class).forEach(keys::addAll);
      double[] expected = new double[2];
      for (String key : keys) {
        double[] unit =
            expectedByInstance.containsKey(key + "@")
                ? expectedByInstance.get(key + "@")
                : expectedByInstance.get(key + "@" + group);
        assertThat(unit).as(key + " in " + group).isNotNull();
        expected[0] += unit[0];
        expected[1] += unit[1];
      }
      assertThat(detail.getDouble("assessment.score.achieved"))
          .as(entry.getKey())
          .isCloseTo(expected[0], within(EPSILON));
      assertThat(detail.getDouble("assessment.score.possible"))
          .as(entry.getKey())
          .isCloseTo(expected[1], within(EPSILON));
    }
    JsonPath gdprFy = assessment("gdpr-fy");
    assertThat(gdprFy.getString("assessment.status"))
        .as("a failed action fails its controls")
        .isEqualTo("INCOMPLETE");
    assertThat(gdprFy.getList("controls.status")).contains("FAILED", "NONE");

    // the category breakdown
    Map<String, double[]> categories = new TreeMap<>();
    for (Map<String, Object> instance : instances) {
      double[] unit = expectedByInstance.get(key(instance));
      categories.merge(
          (String) instance.get("category"),
          unit.clone(),
          (a, b) -> new double[] {a[0] + b[0], a[1] + b[1]});
    }
    List<Map<String, Object>> lines = dashboard.getList("byCategory");
    assertThat(lines)
        .extracting(line -> line.get("name"))
        .containsExactlyElementsOf(categories.keySet());
    for (Map<String, Object> line : lines) {
      @SuppressWarnings("unchecked")
      Map<String, Number> score = (Map<String, Number>) line.get("score");
      double[] expected = categories.get((String) line.get("name"));
      assertThat(score.get("achieved").doubleValue())
          .as(line.get("name") + " achieved")
          .isCloseTo(expected[0], within(EPSILON));
      assertThat(score.get("possible").doubleValue())
          .as(line.get("name") + " possible")
          .isCloseTo(expected[1], within(EPSILON));
    }

    // the explanation of the tenant score sums to it
    JsonPath explanation =
        Api.as(admin)
            .get("/tenants/" + tenant + "/scores")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    List<Float> achieved = explanation.getList("actions.achieved", Float.class);
    List<Float> possible = explanation.getList("actions.possible", Float.class);
    assertThat(achieved.stream().mapToDouble(Float::doubleValue).sum())
        .isCloseTo(tenantExpected[0], within(0.01));
    assertThat(possible.stream().mapToDouble(Float::doubleValue).sum())
        .isCloseTo(tenantExpected[1], within(0.01));
    assertThat(explanation.getList("actions")).hasSize(instances.size());

    // the what-if: the first key action is an open one, and the gain is what its open points add
    Map<String, Object> first = dashboard.getMap("keyActions[0]");
    double open = ((Number) first.get("openPoints")).doubleValue();
    double after = 100 * (tenantExpected[0] + open) / tenantExpected[1];
    assertThat(((Number) first.get("percentAfter")).doubleValue()).isCloseTo(after, within(0.01));

    // acceptance 3: the other tenant, with the same templates, saw none of this
    assertThat(dashboard(otherAdmin, other).prettify()).isEqualTo(otherDashboardBefore);
    assertThat(Platform.actions(otherAdmin, other))
        .extracting(action -> action.get("implementationStatus"))
        .containsOnly("NOT_IMPLEMENTED");
    Api.as(otherAdmin).get("/tenants/" + tenant + "/dashboard").then().statusCode(403);
    Api.as(otherAdmin)
        .body(Map.of("implementationStatus", "IMPLEMENTED"))
        .patch(
            "/tenants/"
                + tenant
                + "/actions/"
                + byInstance.get("tenant:vendor-review@FY2027").get("id"))
        .then()
        .statusCode(403);
  }

  @Test
  void instancesComeWithTheFirstAssessmentAndGoWithTheLastKeepingTheirHistory() {
    long group = Platform.createGroup(admin, tenant, Api.unique("solo"));
    String groupName =
        Api.as(admin)
            .get("/tenants/" + tenant + "/assessment-groups/" + group)
            .then()
            .extract()
            .path("name");
    long first = Platform.createAssessment(admin, tenant, group, "Vendors A", "vendor-rules");
    Map<String, Object> review =
        actions().stream()
            .filter(
                instance ->
                    "tenant:vendor-review".equals(instance.get("key"))
                        && groupName.equals(instance.get("group")))
            .findFirst()
            .orElseThrow();
    change(review, Map.of("implementationStatus", "PLANNED"));
    Api.as(admin)
        .body(
            Map.of(
                "name",
                "Vendors B",
                "template",
                "vendor-rules",
                "scope",
                "SYSTEM",
                "scopeName",
                "B"))
        .post("/tenants/" + tenant + "/assessment-groups/" + group + "/assessments")
        .then()
        .statusCode(201);
    long second =
        ((Number)
                Api.as(admin)
                    .get("/tenants/" + tenant + "/assessment-groups/" + group + "/assessments")
                    .then()
                    .extract()
                    .path("find { it.name == 'Vendors B' }.id"))
            .longValue();

    Api.as(admin).delete("/tenants/" + tenant + "/assessments/" + first).then().statusCode(204);
    assertThat(
            Api.as(admin)
                .get("/tenants/" + tenant + "/actions/" + review.get("id"))
                .then()
                .extract()
                .<String>path("implementationStatus"))
        .as("still needed by the second assessment")
        .isEqualTo("PLANNED");

    Api.as(admin).delete("/tenants/" + tenant + "/assessments/" + second).then().statusCode(204);
    Api.as(admin).get("/tenants/" + tenant + "/actions/" + review.get("id")).then().statusCode(404);
    assertThat(
            TestDatabase.rows(
                "SELECT field || ':' || coalesce(old_value, '') || '>' || new_value FROM "
                    + "tenant_"
                    + tenant.replace('-', '_')
                    + ".action_history WHERE instance_id = "
                    + review.get("id")
                    + " ORDER BY id"))
        .containsExactly(
            "instance:>created",
            "implementationStatus:NOT_IMPLEMENTED>PLANNED",
            "instance:PLANNED / NONE>removed");
  }

  private static double[] contribution(Map<String, Object> instance, Set<String> providerKeys) {
    double points = ((Number) instance.get("points")).doubleValue();
    if (providerKeys.contains((String) instance.get("key"))) {
      return new double[] {points, points};
    }
    String implementation = (String) instance.get("implementationStatus");
    String test = (String) instance.get("testStatus");
    if ("OUT_OF_SCOPE".equals(implementation) || "OUT_OF_SCOPE".equals(test)) {
      return new double[] {0, 0};
    }
    boolean done =
        "IMPLEMENTED".equals(implementation) || "ALTERNATIVE_IMPLEMENTATION".equals(implementation);
    double share =
        !done
            ? 0
            : switch (test) {
              case "PASSED" -> 1;
              case "PARTIALLY_TESTED" -> ((Number) instance.get("passedFraction")).doubleValue();
              default -> 0;
            };
    return new double[] {points * share, points};
  }

  /** The keys of provider-managed actions, read from the explanation's managedBy. */
  private static Set<String> providerManaged() {
    return new HashSet<>(
        Api.as(admin)
            .queryParam("managedBy", "PROVIDER")
            .get("/tenants/" + tenant + "/scores")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("actions.key", String.class));
  }

  private static double[] sum(java.util.Collection<double[]> units) {
    double[] total = new double[2];
    units.forEach(
        unit -> {
          total[0] += unit[0];
          total[1] += unit[1];
        });
    return total;
  }

  private static String key(Map<String, Object> instance) {
    return instance.get("key") + "@" + (instance.get("group") == null ? "" : instance.get("group"));
  }

  private static List<Map<String, Object>> actions() {
    return Platform.actions(admin, tenant);
  }

  private static JsonPath assessment(String name) {
    return Api.as(admin)
        .get("/tenants/" + tenant + "/assessments/" + ASSESSMENTS.get(name))
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  private static JsonPath dashboard(String token, String slug) {
    return Api.as(token)
        .get("/tenants/" + slug + "/dashboard")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  private static void pass(Map<String, Object> instance) {
    change(instance, Map.of("implementationStatus", "IMPLEMENTED"));
    change(instance, Map.of("testStatus", "PASSED"));
  }

  /**
   * Changes an instance as the admin; a test result by hand on an automatically tested action gives
   * a reason.
   */
  private static void change(Map<String, Object> instance, Map<String, Object> body) {
    assertThat(instance).isNotNull();
    Map<String, Object> sent = new HashMap<>(body);
    if (body.containsKey("testStatus") && "AUTOMATIC".equals(instance.get("testingSource"))) {
      sent.put("testOverrideReason", "checked by hand in ScoringIT");
    }
    Platform.change(admin, tenant, instance.get("id"), sent).then().statusCode(200);
  }
}

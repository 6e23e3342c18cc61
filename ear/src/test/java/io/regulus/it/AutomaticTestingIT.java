package io.regulus.it;

import static io.regulus.it.AutomaticTests.await;
import static io.regulus.it.AutomaticTests.giveRule;
import static io.regulus.it.AutomaticTests.post;
import static io.regulus.it.AutomaticTests.rule;
import static io.regulus.it.AutomaticTests.signal;
import static io.regulus.it.AutomaticTests.sweep;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The test sweep end to end (docs/signals.md, "The sweep and overrides"): signals of a tenant and
 * rules on its automatic actions give each one's test status, passed fraction and score; the action
 * explains its status with the signals used; stale signals could not be detected; an override
 * survives the next sweep and is shown, and its withdrawal hands the status back; tenant A's
 * signals never reach tenant B, through the API or in the database.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AutomaticTestingIT {

  private static final Instant NOW = Instant.now();

  private static String tenant;
  private static String schema;
  private static String admin;
  private static String adminName;
  private static String other;
  private static String otherSchema;
  private static String otherAdmin;

  /** The automatic customer actions used, by role in the test: id and points. */
  private static final Map<String, Map<String, Object>> ACTIONS = new HashMap<>();

  private static double achievedBefore;
  private static long firstSweep;

  @BeforeAll
  static void tenantsWithRulesAndSignals() {
    Platform.awaitReady();
    tenant = Platform.tenant("sweep", null);
    schema = AutomaticTests.schema(tenant);
    adminName = KeycloakClient.createMember(tenant, "admin");
    admin = KeycloakClient.token(adminName);
    long group = Platform.createGroup(admin, tenant, "FY2027");
    Platform.createAssessment(admin, tenant, group, "GDPR", "gdpr");
    List<Map<String, Object>> automatic =
        Platform.actions(admin, tenant).stream()
            .filter(action -> "AUTOMATIC".equals(action.get("testingSource")))
            .filter(action -> "CUSTOMER".equals(action.get("managedBy")))
            .filter(action -> "TECHNICAL".equals(action.get("type")))
            .sorted(java.util.Comparator.comparing(action -> (String) action.get("key")))
            .limit(6)
            .toList();
    assertThat(automatic).hasSize(6);
    String[] roles = {"passed", "partial", "failed", "stale", "unseen", "unimplemented"};
    for (int i = 0; i < roles.length; i++) {
      ACTIONS.put(roles[i], automatic.get(i));
    }
    for (String role : List.of("passed", "partial", "failed", "stale", "unseen")) {
      Platform.change(admin, tenant, id(role), Map.of("implementationStatus", "IMPLEMENTED"))
          .then()
          .statusCode(200);
    }
    // before any rule: a sweep of every tenant (another test's) changes nothing here until then
    achievedBefore = dashboard().getDouble("overall.achieved");
    giveRule(tenant, key("passed"), rule("it.mfa.enforced", "value == true", 1.0, "P7D", "HIGH"));
    giveRule(
        tenant,
        key("partial"),
        rule("it.storage.encrypted", "value == true", 0.9, "P7D", "MEDIUM"));
    giveRule(tenant, key("failed"), rule("it.backup.enabled", "value", 1.0, "P7D", "LOW"));
    giveRule(
        tenant, key("stale"), rule("it.log.retention_days", "value >= 90.0", 1.0, "P1D", "MEDIUM"));
    giveRule(tenant, key("unseen"), rule("it.never.reported", "value == true", 1.0, "P7D", "HIGH"));
    giveRule(
        tenant, key("unimplemented"), rule("it.mfa.enforced", "value == true", 1.0, "P7D", "HIGH"));

    post(
        tenant,
        signal("it.mfa.enforced", "admin-a", "true", NOW.minusSeconds(3600)),
        signal("it.mfa.enforced", "admin-b", "false", NOW.minus(Duration.ofDays(2))),
        signal("it.mfa.enforced", "admin-b", "true", NOW.minusSeconds(600)),
        signal("it.storage.encrypted", "bucket-a", "true", NOW.minusSeconds(60)),
        signal("it.storage.encrypted", "bucket-b", "true", NOW.minusSeconds(60)),
        signal("it.storage.encrypted", "bucket-c", "false", NOW.minusSeconds(60)),
        signal("it.backup.enabled", "db-1", "false", NOW.minusSeconds(60)),
        signal("it.log.retention_days", "siem", "365", NOW.minus(Duration.ofDays(3))));

    // tenant B: the same action with the same rule, implemented, and no signal of its own
    other = Platform.tenant("sweep-b", null);
    otherSchema = AutomaticTests.schema(other);
    otherAdmin = KeycloakClient.token(KeycloakClient.createMember(other, "admin"));
    long otherGroup = Platform.createGroup(otherAdmin, other, "FY2027");
    Platform.createAssessment(otherAdmin, other, otherGroup, "GDPR", "gdpr");
    Platform.change(
            otherAdmin,
            other,
            otherId(key("passed")),
            Map.of("implementationStatus", "IMPLEMENTED"))
        .then()
        .statusCode(200);
    giveRule(other, key("passed"), rule("it.mfa.enforced", "value == true", 1.0, "P7D", "HIGH"));
  }

  @Test
  @Order(1)
  void theSweepSetsEachAutomaticActionsStatusFractionAndScore() {
    firstSweep = sweep(admin, tenant);

    assertThat(status("passed")).isEqualTo("PASSED");
    assertThat(status("partial")).isEqualTo("PARTIALLY_TESTED");
    assertThat(action("partial").getDouble("passedFraction")).isCloseTo(0.6667, within(0.0001));
    assertThat(status("failed")).isEqualTo("FAILED_LOW_RISK");
    assertThat(status("stale")).isEqualTo("COULD_NOT_BE_DETECTED");
    assertThat(status("unseen")).isEqualTo("TO_BE_DETECTED");
    // a test status needs the action implemented: the sweep only says what it would set
    assertThat(status("unimplemented")).isEqualTo("NONE");
    JsonPath unimplemented = action("unimplemented");
    assertThat(unimplemented.getString("automaticTest.outcome")).isEqualTo("PASSED");
    assertThat(unimplemented.getBoolean("automaticTest.applied")).isFalse();

    // the score moves by the passed action's points and the partial one's share of its points
    double expected = achievedBefore + points("passed") + points("partial") * 0.6667;
    assertThat(dashboard().getDouble("overall.achieved")).isCloseTo(expected, within(0.01));

    // the change is in the history under the sweep's name
    assertThat(
            TestDatabase.rows(
                "SELECT field || ':' || old_value || '>' || new_value || ':' || changed_by FROM "
                    + schema
                    + ".action_history WHERE field = 'testStatus' AND instance_id = "
                    + id("passed")))
        .containsExactly("testStatus:NONE>PASSED:job:test-sweep");
  }

  @Test
  @Order(2)
  void theActionExplainsItsStatusNamingTheSignalsUsed() {
    JsonPath partial = action("partial");
    assertThat(partial.getString("automaticTest.rule.signal")).isEqualTo("it.storage.encrypted");
    assertThat(partial.getString("automaticTest.explanation"))
        .contains("2 of 3 fresh resources of it.storage.encrypted", "90 % needed", "bucket-c");
    assertThat(partial.getList("automaticTest.signals.resource", String.class))
        .containsExactlyInAnyOrder("bucket-a", "bucket-b", "bucket-c");
    List<Long> ids =
        TestDatabase.rows(
                "SELECT id FROM "
                    + schema
                    + ".signal WHERE key = 'it.storage.encrypted' ORDER BY id")
            .stream()
            .map(Long::valueOf)
            .toList();
    assertThat(partial.getList("automaticTest.signals.id", Long.class))
        .containsExactlyInAnyOrderElementsOf(ids);

    // only the latest signal of each resource decides: admin-b's older false is not used
    JsonPath passed = action("passed");
    assertThat(passed.getDouble("automaticTest.passedFraction")).isEqualTo(1.0);
    assertThat(passed.getList("automaticTest.signals.value", Boolean.class)).containsOnly(true);
    Response signals =
        Api.as(admin)
            .queryParam("size", 1)
            .get("/tenants/" + tenant + "/actions/" + id("passed") + "/signals");
    signals.then().statusCode(200).header("X-Total-Count", "2");
    assertThat(signals.jsonPath().getList("key", String.class)).containsExactly("it.mfa.enforced");
  }

  @Test
  @Order(3)
  void staleSignalsCouldNotBeDetected() {
    JsonPath stale = action("stale");
    assertThat(stale.getString("testStatus")).isEqualTo("COULD_NOT_BE_DETECTED");
    assertThat(stale.getString("automaticTest.explanation")).contains("older than 1 day", "siem");
    assertThat(stale.getList("automaticTest.signals.resource")).containsExactly("siem");
  }

  @Test
  @Order(4)
  void anOverrideSurvivesTheNextSweepAndIsShownAndItsWithdrawalHandsTheStatusBack() {
    Platform.change(
            admin,
            tenant,
            id("failed"),
            Map.of("testStatus", "PASSED", "testOverrideReason", "Backups run on the old system"))
        .then()
        .statusCode(200);
    sweep(admin, tenant);
    JsonPath overridden = action("failed");
    assertThat(overridden.getString("testStatus")).isEqualTo("PASSED");
    assertThat(overridden.getBoolean("automaticTest.overridden")).isTrue();
    assertThat(overridden.getString("automaticTest.overrideReason"))
        .isEqualTo("Backups run on the old system");
    assertThat(overridden.getString("automaticTest.overriddenBy")).isEqualTo(adminName);
    assertThat(overridden.getString("automaticTest.outcome")).isEqualTo("FAILED_LOW_RISK");
    assertThat(overridden.getBoolean("automaticTest.applied")).isFalse();

    JsonPath withdrawn =
        Api.as(admin)
            .delete("/tenants/" + tenant + "/actions/" + id("failed") + "/test-override")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(withdrawn.getString("testStatus")).isEqualTo("FAILED_LOW_RISK");
    assertThat(withdrawn.getString("testOverrideReason")).isNull();
    assertThat(
            TestDatabase.rows(
                "SELECT field || ':' || coalesce(old_value, '') || '>' || coalesce(new_value, '')"
                    + " FROM "
                    + schema
                    + ".action_history WHERE instance_id = "
                    + id("failed")
                    + " AND field IN ('testStatus', 'testOverrideReason') ORDER BY id"))
        .containsSubsequence(
            "testOverrideReason:>Backups run on the old system",
            "testStatus:PASSED>FAILED_LOW_RISK",
            "testOverrideReason:Backups run on the old system>");
    // nothing left to withdraw
    Api.as(admin)
        .delete("/tenants/" + tenant + "/actions/" + id("failed") + "/test-override")
        .then()
        .statusCode(409)
        .contentType(Api.PROBLEM);

    // the next sweep sets it as any other: the backups now report true
    post(tenant, signal("it.backup.enabled", "db-1", "true", Instant.now()));
    sweep(admin, tenant);
    assertThat(status("failed")).isEqualTo("PASSED");
    assertThat(action("failed").getBoolean("automaticTest.applied")).isTrue();
  }

  @Test
  @Order(5)
  void signalsOfOneTenantNeverAffectAnother() {
    long otherSweep = sweep(otherAdmin, other);
    String versions = "SELECT coalesce(sum(version), 0) FROM " + otherSchema + ".action_instance";
    String decisions =
        "SELECT instance_id || ':' || status || ':' || CAST(signal_ids AS text) FROM "
            + otherSchema
            + ".test_decision ORDER BY instance_id";
    long versionsBefore = TestDatabase.count(versions);
    List<String> decisionsBefore = TestDatabase.rows(decisions);
    post(tenant, signal("it.mfa.enforced", "admin-c", "true", Instant.now()));
    sweep(admin, tenant);
    // tenant A's sweep, with a new signal of A's, changed none of B's rows
    assertThat(TestDatabase.count(versions)).isEqualTo(versionsBefore);
    assertThat(TestDatabase.rows(decisions)).isEqualTo(decisionsBefore);

    long instance = otherId(key("passed"));
    JsonPath view =
        Api.as(otherAdmin)
            .get("/tenants/" + other + "/actions/" + instance)
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    // A's it.mfa.enforced signals pass A's action; B has none of its own
    assertThat(view.getString("testStatus")).isEqualTo("TO_BE_DETECTED");
    assertThat(view.getList("automaticTest.signals")).isEmpty();
    assertThat(TestDatabase.count("SELECT count(*) FROM " + otherSchema + ".signal")).isZero();
    assertThat(
            TestDatabase.rows(
                "SELECT status || ':' || cardinality(signal_ids) FROM "
                    + otherSchema
                    + ".test_decision WHERE instance_id = "
                    + instance))
        .containsExactly("TO_BE_DETECTED:0");

    // each admin sees their own tenant's sweeps only
    Api.as(otherAdmin)
        .get("/tenants/" + other + "/test-sweeps/" + firstSweep)
        .then()
        .statusCode(404)
        .contentType(Api.PROBLEM);
    Api.as(otherAdmin)
        .get("/tenants/" + tenant + "/test-sweeps/" + firstSweep)
        .then()
        .statusCode(403);
    Api.as(admin).get("/tenants/" + other + "/test-sweeps/" + otherSweep).then().statusCode(403);
    Api.as(admin)
        .get("/tenants/" + other + "/actions/" + instance + "/signals")
        .then()
        .statusCode(403);
  }

  @Test
  @Order(6)
  void anOperatorSweepsEveryTenant() {
    Response started = Api.as(Platform.operator()).post("/platform/test-sweeps");
    assertThat(started.statusCode()).as(started.asString()).isEqualTo(202);
    JsonPath done = await(Platform.operator(), started.header("Location"));
    assertThat(done.getString("tenant")).isNull();
    assertThat(status("passed")).isEqualTo("PASSED");
  }

  // ---- helpers

  private static long id(String role) {
    return ((Number) ACTIONS.get(role).get("id")).longValue();
  }

  private static String key(String role) {
    return (String) ACTIONS.get(role).get("key");
  }

  private static double points(String role) {
    return ((Number) ACTIONS.get(role).get("points")).doubleValue();
  }

  private static long otherId(String key) {
    return Platform.actions(otherAdmin, other).stream()
        .filter(action -> key.equals(action.get("key")))
        .map(action -> ((Number) action.get("id")).longValue())
        .findFirst()
        .orElseThrow();
  }

  private static JsonPath action(String role) {
    return Api.as(admin)
        .get("/tenants/" + tenant + "/actions/" + id(role))
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  private static String status(String role) {
    return action(role).getString("testStatus");
  }

  private static JsonPath dashboard() {
    return Api.as(admin)
        .get("/tenants/" + tenant + "/dashboard")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }
}

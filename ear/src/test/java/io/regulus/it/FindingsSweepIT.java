package io.regulus.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Acceptance item 2 end to end: the committed Prowler sample, imported into a tenant with GDPR and
 * ISO/IEC 27001 assessments, drives the automatic test status of at least ten of the library's
 * actions through the test sweep. The sample's scan time is moved to a minute ago (everything else
 * as committed) so its signals are fresh for every rule.
 *
 * <p>The expected outcome of each action is computed here from the sample and the action's own rule
 * ({@code action.test_rule}, read from the tenant's table), by the decided rule semantics for the
 * rules the library gives boolean signals ({@code value == true}): every fresh resource of the key
 * counts, an undetermined (MANUAL) one never passes; all undetermined gives COULD_NOT_BE_DETECTED;
 * a passed fraction of at least {@code atLeast} PASSED; none passed FAILED_{risk}_RISK; otherwise
 * PARTIALLY_TESTED with the fraction.
 *
 * <p>The sweep sets the test of implemented actions only, so the actions the rules cover are
 * implemented first, through the API.
 */
class FindingsSweepIT {

  private static final long SCANNED = 1796030142L;
  private static final String SCANNED_DT = "2026-11-30T09:15:42.518233";

  private static String tenant;
  private static String admin;

  @BeforeAll
  static void build() {
    Platform.awaitReady();
    tenant = Platform.tenant("ocsf-sweep", null);
    admin = KeycloakClient.token(KeycloakClient.createMember(tenant, "admin"));
    long group = Platform.createGroup(admin, tenant, "FY2027");
    Platform.createAssessment(admin, tenant, group, "GDPR cloud", "gdpr");
    Platform.createAssessment(admin, tenant, group, "ISO cloud", "iso-27001");
  }

  /** The committed sample, its scan a minute ago. */
  private static String freshSample() {
    Instant scanned = Instant.now().minusSeconds(60);
    String dt =
        DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS")
            .withZone(ZoneOffset.UTC)
            .format(scanned);
    return new String(FindingsIT.sample(), StandardCharsets.UTF_8)
        .replace(Long.toString(SCANNED), Long.toString(scanned.getEpochSecond()))
        .replace(SCANNED_DT, dt);
  }

  /**
   * Per signal key of the sample, the value of each resource (true, false, or null for MANUAL),
   * findings of one key on one resource merged as the import merges them.
   */
  private static Map<String, Map<String, Boolean>> expectedValues(String document) {
    Map<String, String> table = new HashMap<>();
    JsonPath mapping =
        JsonPath.from(
            FindingsSweepIT.class
                .getClassLoader()
                .getResourceAsStream("library/signals/prowler.json"));
    List<Map<String, String>> checks = mapping.getList("checks");
    checks.forEach(c -> table.put(c.get("check"), c.get("signal")));
    Map<String, Map<String, String>> statuses = new LinkedHashMap<>();
    List<Map<String, Object>> findings = JsonPath.from(document).getList("");
    for (Map<String, Object> finding : findings) {
      String check = (String) ((Map<?, ?>) finding.get("metadata")).get("event_code");
      String key = table.get(check);
      if (key == null) {
        continue;
      }
      String status = (String) finding.get("status_code");
      for (Object resource : (List<?>) finding.get("resources")) {
        statuses
            .computeIfAbsent(key, k -> new LinkedHashMap<>())
            .merge(
                (String) ((Map<?, ?>) resource).get("uid"),
                status,
                (a, b) ->
                    a.equals("FAIL") || b.equals("FAIL")
                        ? "FAIL"
                        : a.equals("MANUAL") || b.equals("MANUAL") ? "MANUAL" : "PASS");
      }
    }
    Map<String, Map<String, Boolean>> values = new LinkedHashMap<>();
    statuses.forEach(
        (key, byResource) -> {
          Map<String, Boolean> v = new LinkedHashMap<>();
          byResource.forEach(
              (r, s) -> v.put(r, s.equals("MANUAL") ? null : Boolean.valueOf(s.equals("PASS"))));
          values.put(key, v);
        });
    return values;
  }

  /** An outcome by the decided semantics, for a rule {@code value == true}. */
  record Outcome(String status, BigDecimal fraction) {}

  private static Outcome expected(Map<String, Object> rule, Map<String, Boolean> values) {
    String expect = ((String) rule.get("expect")).replace(" ", "");
    assertThat(expect)
        .as("the oracle knows rules of boolean signals that pass on true: " + rule)
        .isIn("value==true", "value", "true==value");
    double atLeast =
        rule.get("atLeast") == null ? 1.0 : ((Number) rule.get("atLeast")).doubleValue();
    String risk = rule.get("risk") == null ? "HIGH" : (String) rule.get("risk");
    long passed = values.values().stream().filter(Boolean.TRUE::equals).count();
    boolean allUndetermined = values.values().stream().allMatch(v -> v == null);
    if (allUndetermined) {
      return new Outcome("COULD_NOT_BE_DETECTED", null);
    }
    double fraction = (double) passed / values.size();
    if (fraction >= atLeast) {
      return new Outcome("PASSED", BigDecimal.valueOf(fraction));
    }
    if (passed == 0) {
      return new Outcome("FAILED_" + risk + "_RISK", null);
    }
    return new Outcome("PARTIALLY_TESTED", BigDecimal.valueOf(fraction));
  }

  /** Each action of the tenant with a rule: its key and its rule. */
  private static Map<String, Map<String, Object>> rules() {
    Map<String, Map<String, Object>> rules = new LinkedHashMap<>();
    for (String row :
        TestDatabase.rows(
            "SELECT action_key || ' ' || test_rule::text FROM tenant_"
                + tenant.replace('-', '_')
                + ".action WHERE test_rule IS NOT NULL AND testing_source = 'AUTOMATIC'"
                + " ORDER BY action_key")) {
      int space = row.indexOf(' ');
      rules.put(row.substring(0, space), JsonPath.from(row.substring(space + 1)).getMap(""));
    }
    return rules;
  }

  /** Runs the tenant's sweep to its end (at most three minutes), as its admin. */
  private static void sweep() {
    Response started = Api.as(admin).post("/tenants/" + tenant + "/test-sweeps");
    assertThat(started.statusCode()).as(started.body().asString()).isEqualTo(202);
    String location = started.header("Location");
    long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    JsonPath state = Api.as(admin).get(location).then().statusCode(200).extract().jsonPath();
    while (!"COMPLETED".equals(state.getString("status"))) {
      assertThat(state.getString("status")).isNotIn("FAILED", "STOPPED", "ABANDONED");
      assertThat(System.nanoTime()).as(state.prettify()).isLessThan(deadline);
      TemplateImports.sleep(200);
      state = Api.as(admin).get(location).then().statusCode(200).extract().jsonPath();
    }
  }

  @Test
  void theSampleDrivesAtLeastTenAutomaticActionsThroughTheSweep() {
    String document = freshSample();
    Map<String, Map<String, Boolean>> values = expectedValues(document);
    FindingsIT.post(admin, tenant, document.getBytes(StandardCharsets.UTF_8))
        .then()
        .statusCode(200);
    // the sweep sets the test of implemented actions only (docs/signals.md): implement every
    // action a rule reads
    Map<String, Map<String, Object>> ruled = rules();
    for (Map<String, Object> action : Platform.actions(admin, tenant)) {
      if (ruled.containsKey((String) action.get("key"))) {
        Platform.change(
                admin, tenant, action.get("id"), Map.of("implementationStatus", "IMPLEMENTED"))
            .then()
            .statusCode(200);
      }
    }

    sweep();

    Map<String, Map<String, Object>> rules = rules();
    Map<String, Map<String, Object>> views = new HashMap<>();
    for (Map<String, Object> action : Platform.actions(admin, tenant)) {
      views.put((String) action.get("key"), action);
    }
    List<String> driven = new ArrayList<>();
    rules.forEach(
        (key, rule) -> {
          Map<String, Object> view = views.get(key);
          Map<String, Boolean> resources = values.get((String) rule.get("signal"));
          if (view == null || resources == null) {
            return;
          }
          Outcome outcome = expected(rule, resources);
          assertThat(view.get("testStatus")).as(key + " " + rule).isEqualTo(outcome.status());
          if (outcome.status().equals("PARTIALLY_TESTED")) {
            assertThat(new BigDecimal(String.valueOf(view.get("passedFraction"))))
                .as(key + " passed fraction")
                .isCloseTo(
                    outcome.fraction(),
                    org.assertj.core.data.Offset.offset(new BigDecimal("0.01")));
          }
          driven.add(key + " " + outcome.status());
        });

    assertThat(driven).as("actions the sample's signals decided").hasSizeGreaterThanOrEqualTo(10);
    assertThat(driven)
        .as("the sample passes, fails, partly passes and leaves undetermined")
        .anyMatch(d -> d.endsWith(" PASSED"))
        .anyMatch(d -> d.contains(" FAILED_"))
        .anyMatch(d -> d.endsWith(" PARTIALLY_TESTED"))
        .anyMatch(d -> d.endsWith(" COULD_NOT_BE_DETECTED"));
  }
}

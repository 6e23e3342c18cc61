package io.regulus.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItems;

import io.restassured.path.json.JsonPath;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 18, test rules: the library's rules reach the platform's library and every tenant's copy of
 * its actions, and the action view shows them; a custom template's automatic action takes a rule of
 * the same shape, a rule on another action or with faults is refused whole naming each field, and a
 * changed rule reaches the tenant as a template update like a changed text.
 */
class ActionTestRulesIT {

  private static String tenant;
  private static String schema;
  private static String admin;
  private static String other;
  private static String otherAdmin;

  @BeforeAll
  static void build() {
    Platform.awaitReady();
    tenant = Platform.tenant("rules", null);
    schema = "tenant_" + tenant.replace('-', '_');
    admin = KeycloakClient.token(KeycloakClient.createMember(tenant, "admin"));
    other = Platform.tenant("rules-other", null);
    otherAdmin = KeycloakClient.token(KeycloakClient.createMember(other, "admin"));
  }

  @Test
  void theLibrarysRulesReachThePlatformAndATenantsActions() {
    // every automatic library action but the three a machine cannot observe has its rule
    assertThat(
            TestDatabase.count(
                "SELECT count(*) FROM platform.library_action WHERE testing_source = 'AUTOMATIC'"
                    + " AND test_rule IS NOT NULL AND action_key NOT LIKE '%:%'"))
        .isEqualTo(36);
    assertThat(
            TestDatabase.count(
                "SELECT count(*) FROM platform.library_action WHERE test_rule IS NOT NULL"
                    + " AND testing_source <> 'AUTOMATIC'"))
        .isZero();
    assertThat(
            TestDatabase.rows(
                "SELECT CAST(test_rule AS text) FROM platform.library_action"
                    + " WHERE action_key = 'encrypt-data-at-rest'"))
        .containsExactly(
            "{\"risk\": \"HIGH\", \"expect\": \"value == true\", \"signal\": \"storage.encrypted\","
                + " \"atLeast\": 0.9, \"freshness\": \"P7D\"}");

    long group = Platform.createGroup(admin, tenant, "FY2030");
    Platform.createAssessment(admin, tenant, group, "GDPR", "gdpr");
    // the tenant's copies carry the library's rules, every one of them
    assertThat(
            TestDatabase.count(
                "SELECT count(*) FROM "
                    + schema
                    + ".action a JOIN platform.library_action la ON la.action_key = a.action_key"
                    + " WHERE la.test_rule IS NOT NULL"))
        .isGreaterThan(20);
    assertThat(
            TestDatabase.count(
                "SELECT count(*) FROM "
                    + schema
                    + ".action a JOIN platform.library_action la ON la.action_key = a.action_key"
                    + " WHERE a.test_rule IS DISTINCT FROM la.test_rule"))
        .isZero();

    Map<String, Object> mfa = instance(admin, tenant, "mfa-for-administrators");
    JsonPath view =
        Api.as(admin)
            .get("/tenants/" + tenant + "/actions/" + mfa.get("id"))
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(view.getString("testingSource")).isEqualTo("AUTOMATIC");
    assertThat(view.getString("test.signal")).isEqualTo("mfa.admins.enforced");
    assertThat(view.getString("test.expect")).isEqualTo("value == true");
    assertThat(view.getDouble("test.atLeast")).isEqualTo(1.0);
    assertThat(view.getString("test.freshness")).isEqualTo("P7D");
    assertThat(view.getString("test.risk")).isEqualTo("HIGH");
    Map<String, Object> manual = instance(admin, tenant, "records-of-processing-controller");
    assertThat(manual.get("test")).as("a manual action has no rule").isNull();

    // another tenant's token reads none of it, nor this tenant's action by its id
    Api.as(otherAdmin)
        .get("/tenants/" + tenant + "/actions/" + mfa.get("id"))
        .then()
        .statusCode(403);
    Api.as(otherAdmin)
        .get("/tenants/" + other + "/actions/" + mfa.get("id"))
        .then()
        .statusCode(404);
  }

  @Test
  void aCustomTemplatesAutomaticActionTakesARuleAndAChangedRuleIsAnUpdate() {
    String key = Api.unique("backup-rules");
    String own = "tenant:" + Api.unique("backups-verified");
    Map<String, Object> rule =
        Map.of(
            "signal",
            "acme.backups.verified",
            "expect",
            "value == true",
            "atLeast",
            0.8,
            "risk",
            "medium");
    Api.as(admin)
        .body(template(key, action(own, "automatic", rule)))
        .post("/tenants/" + tenant + "/templates")
        .then()
        .statusCode(201);
    long group = Platform.createGroup(admin, tenant, "FY2031");
    Platform.createAssessment(admin, tenant, group, "Backups", key);
    Map<String, Object> created = instance(admin, tenant, own);
    assertThat(created.get("testingSource")).isEqualTo("AUTOMATIC");
    @SuppressWarnings("unchecked")
    Map<String, Object> test = (Map<String, Object>) created.get("test");
    assertThat(test)
        .containsEntry("signal", "acme.backups.verified")
        .containsEntry("expect", "value == true")
        .containsEntry("freshness", "P7D")
        .containsEntry("risk", "MEDIUM");
    assertThat(((Number) test.get("atLeast")).floatValue()).isEqualTo(0.8f);

    // version 2 writes the action again with a stricter rule: a pending update naming the change
    Map<String, Object> stricter = new HashMap<>(rule);
    stricter.put("atLeast", 0.95);
    stricter.put("freshness", "P1D");
    Api.as(admin)
        .body(
            Map.of(
                "actions",
                List.of(action(own, null, stricter)),
                "controls",
                List.of(control("B-1", own))))
        .post("/tenants/" + tenant + "/templates/" + key + "/versions")
        .then()
        .statusCode(201);
    assertThat(
            ((Number) ((Map<?, ?>) instance(admin, tenant, own).get("test")).get("atLeast"))
                .floatValue())
        .isEqualTo(0.8f);
    JsonPath preview =
        Api.as(admin)
            .get("/tenants/" + tenant + "/template-updates/" + group + "/" + key)
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(preview.getList("diffs[0].diff.actions.key", String.class)).containsExactly(own);
    assertThat(preview.getList("diffs[0].diff.actions[0].fields", String.class))
        .containsExactly("test");
    Api.as(admin)
        .body(Map.of("toVersion", "2"))
        .post("/tenants/" + tenant + "/template-updates/" + group + "/" + key + "/accept")
        .then()
        .statusCode(200);
    Map<?, ?> accepted = (Map<?, ?>) instance(admin, tenant, own).get("test");
    assertThat(((Number) accepted.get("atLeast")).floatValue()).isEqualTo(0.95f);
    assertThat(accepted.get("freshness")).isEqualTo("P1D");
    assertThat(
            TestDatabase.rows(
                "SELECT field FROM "
                    + schema
                    + ".action_history WHERE action_key = '"
                    + own
                    + "' AND field LIKE 'action.%'"))
        .containsExactly("action.test");

    // another tenant cannot publish to this tenant's template, by its key or through its path
    Api.as(otherAdmin)
        .body(Map.of("actions", List.of(), "controls", List.of(control("B-1", own))))
        .post("/tenants/" + other + "/templates/" + key + "/versions")
        .then()
        .statusCode(404);
    Api.as(otherAdmin)
        .body(Map.of("actions", List.of(), "controls", List.of(control("B-1", own))))
        .post("/tenants/" + tenant + "/templates/" + key + "/versions")
        .then()
        .statusCode(403);
  }

  @Test
  void aRuleOnAManualActionOrWithFaultsIsRefusedWholeNamingEachField() {
    String key = Api.unique("bad-rules");
    Map<String, Object> faulty = new HashMap<>();
    faulty.put("signal", "Not A Key");
    faulty.put("expect", "x".repeat(1001));
    faulty.put("atLeast", 1.5);
    faulty.put("freshness", "P365D");
    faulty.put("risk", "severe");
    Api.as(admin)
        .body(
            Map.of(
                "key",
                key,
                "title",
                "Bad rules",
                "regulation",
                "Bad rules",
                "actions",
                List.of(
                    action(
                        "tenant:manual-one",
                        "manual",
                        Map.of("signal", "a.b", "expect", "true", "risk", "low")),
                    action("tenant:auto-one", "automatic", faulty)),
                "controls",
                List.of(control("B-1", "tenant:manual-one", "tenant:auto-one"))))
        .post("/tenants/" + tenant + "/templates")
        .then()
        .statusCode(422)
        .contentType(Api.PROBLEM)
        .body(
            "errors.field",
            hasItems(
                "actions[0].test",
                "actions[1].test.signal",
                "actions[1].test.expect",
                "actions[1].test.atLeast",
                "actions[1].test.freshness",
                "actions[1].test.risk"));
    Api.as(admin).get("/tenants/" + tenant + "/templates/" + key).then().statusCode(404);
    assertThat(
            TestDatabase.count(
                "SELECT count(*) FROM "
                    + schema
                    + ".action WHERE action_key IN ('tenant:manual-one', 'tenant:auto-one')"))
        .isZero();
  }

  private static Map<String, Object> instance(String token, String slug, String key) {
    return Platform.actions(token, slug).stream()
        .filter(action -> key.equals(action.get("key")))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no instance of " + key));
  }

  private static Map<String, Object> template(String key, Map<String, Object> action) {
    return Map.of(
        "key",
        key,
        "title",
        "Backup rules " + key,
        "regulation",
        "Backup rules",
        "actions",
        List.of(action),
        "controls",
        List.of(control("B-1", (String) action.get("key"))));
  }

  private static Map<String, Object> action(
      String key, String testingSource, Map<String, Object> test) {
    Map<String, Object> action = new HashMap<>();
    action.put("key", key);
    action.put("title", "Check " + key);
    action.put("description", "Why " + key);
    action.put("type", "TECHNICAL");
    action.put("points", 9);
    action.put("category", "Infrastructure cloud");
    if (testingSource != null) {
      action.put("testingSource", testingSource);
    }
    action.put("test", test);
    return action;
  }

  private static Map<String, Object> control(String id, String... actions) {
    return Map.of(
        "id",
        id,
        "family",
        "Backups",
        "title",
        "Backups verified",
        "description",
        "About " + id,
        "mandatory",
        true,
        "nature",
        "PREVENTATIVE",
        "actions",
        List.of(actions));
  }
}

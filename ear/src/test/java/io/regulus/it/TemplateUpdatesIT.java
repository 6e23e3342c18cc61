package io.regulus.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 15, acceptance 5: two groups with an assessment of one private template, with statuses,
 * notes and evidence; a new version adds, removes and changes actions. The diff and its score
 * effect are shown before; one group accepts and keeps the statuses and evidence of the actions it
 * keeps, the other defers and is untouched; removed actions keep their history.
 */
class TemplateUpdatesIT {

  private static String tenant;
  private static String schema;
  private static String admin;
  private static String assessor;
  private static long accepting;
  private static long deferring;
  private static long acceptingAssessment;
  private static long deferringAssessment;

  @BeforeAll
  static void build() {
    Platform.awaitReady();
    tenant = Platform.tenant("tupd", null);
    schema = "tenant_" + tenant.replace('-', '_');
    admin = KeycloakClient.token(KeycloakClient.createMember(tenant, "admin"));
    assessor = KeycloakClient.token(KeycloakClient.createMember(tenant, "assessor"));
    accepting = Platform.createGroup(admin, tenant, "FY2027");
    deferring = Platform.createGroup(admin, tenant, "FY2028");
    Map<String, Object> template = new HashMap<>();
    template.put("key", "upd-policy");
    template.put("title", "Vendor policy");
    template.put("regulation", "Acme vendor rules");
    template.put(
        "actions",
        List.of(
            action("tenant:keep-a", "Keep a register", 10),
            action("tenant:change-b", "Review vendors", 4),
            action("tenant:drop-c", "Fax the auditor", 6)));
    template.put(
        "controls",
        List.of(
            control("P-1", "Register", "tenant:keep-a"),
            control("P-2", "Reviews", "tenant:change-b"),
            control("P-3", "Faxes", "tenant:drop-c")));
    Api.as(admin).body(template).post(templates()).then().statusCode(201);
    acceptingAssessment =
        Platform.createAssessment(admin, tenant, accepting, "Vendors 2027", "upd-policy");
    deferringAssessment =
        Platform.createAssessment(admin, tenant, deferring, "Vendors 2028", "upd-policy");

    // the accepting group: keep-a and change-b implemented and passed, with notes and evidence;
    // drop-c implemented; the deferring group: keep-a implemented and passed
    pass("tenant:keep-a", "FY2027", "Register kept in the wiki");
    pass("tenant:change-b", "FY2027", "Reviewed every vendor");
    Platform.change(
            admin,
            tenant,
            id("tenant:drop-c", "FY2027"),
            Map.of("implementationStatus", "IMPLEMENTED", "notes", "Fax machine bought"))
        .then()
        .statusCode(200);
    pass("tenant:keep-a", "FY2028", "Register for 2028");
    Api.as(admin)
        .body(Map.of("url", "https://intranet.example.com/vendors", "title", "Vendor register"))
        .post(
            "/tenants/" + tenant + "/actions/" + id("tenant:keep-a", "FY2027") + "/evidence/links")
        .then()
        .statusCode(201);
  }

  @Test
  void aNewVersionIsShownWithItsDiffAndScoreEffectThenAcceptedInOneGroupAndDeferredInTheOther() {
    Map<String, Long> before = instanceIds();
    String keptState = state(before.get("tenant:keep-a/FY2027"));
    String deferredStates =
        state(before.get("tenant:keep-a/FY2028"))
            + state(before.get("tenant:change-b/FY2028"))
            + state(before.get("tenant:drop-c/FY2028"));

    // version 2: P-1 retitled, change-b written again (new title, 4 -> 8 points), drop-c and its
    // control gone, new-d added under a new control
    Api.as(admin)
        .body(
            Map.of(
                "actions",
                List.of(
                    action("tenant:change-b", "Review vendors yearly", 8),
                    action("tenant:new-d", "Rate vendors", 5)),
                "controls",
                List.of(
                    control("P-1", "Register of vendors", "tenant:keep-a"),
                    control("P-2", "Reviews", "tenant:change-b"),
                    control("P-4", "Ratings", "tenant:new-d"))))
        .post(templates() + "/upd-policy/versions")
        .then()
        .statusCode(201);
    // written again, not yet taken: the catalogue keeps what every assessment scores with today
    assertThat(
            TestDatabase.count(
                "SELECT points FROM " + schema + ".action WHERE action_key = 'tenant:change-b'"))
        .isEqualTo(4);

    JsonPath list = Api.as(admin).get(updates()).then().statusCode(200).extract().jsonPath();
    assertThat(list.getList("groupId", Long.class)).containsExactly(accepting, deferring);
    assertThat(list.getList("from", String.class)).containsOnly("1");
    assertThat(list.getList("to", String.class)).containsOnly("2");
    assertThat(list.getList("pending", Boolean.class)).containsOnly(true);

    double tenantBefore = dashboard();
    JsonPath preview =
        Api.as(assessor)
            .get(updates() + "/" + accepting + "/upd-policy")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(preview.getList("diffs[0].diff.controls.id", String.class))
        .containsExactly("P-1", "P-4", "P-3");
    assertThat(preview.getList("diffs[0].diff.controls.change", String.class))
        .containsExactly("CHANGED", "ADDED", "REMOVED");
    assertThat(preview.getList("diffs[0].diff.actions.key", String.class))
        .containsExactly("tenant:change-b", "tenant:drop-c", "tenant:new-d");
    assertThat(preview.getList("diffs[0].diff.actions.change", String.class))
        .containsExactly("CHANGED", "REMOVED", "ADDED");
    assertThat(preview.getList("diffs[0].diff.actions[0].fields", String.class))
        .containsExactly("title", "points");
    // before: keep-a 10 + change-b 4 passed of 20 in FY2027; keep-a 10 of 20 in FY2028
    assertThat(preview.getDouble("effect.tenantBefore.achieved")).isEqualTo(24.0);
    assertThat(preview.getDouble("effect.tenantBefore.possible")).isEqualTo(40.0);
    assertThat(preview.getDouble("effect.tenantBefore.achieved")).isEqualTo(tenantBefore);
    // after: FY2027 keep-a 10 + change-b 8 passed, new-d 5 open; FY2028's change-b is worth 8 too
    assertThat(preview.getDouble("effect.tenantAfter.achieved")).isEqualTo(28.0);
    assertThat(preview.getDouble("effect.tenantAfter.possible")).isEqualTo(47.0);
    assertThat(preview.getList("effect.assessments.id", Long.class))
        .containsExactly(acceptingAssessment, deferringAssessment);
    assertThat(preview.getDouble("effect.assessments[0].after.possible")).isEqualTo(23.0);
    assertThat(preview.getDouble("effect.assessments[0].progressBefore"))
        .isCloseTo(2 / 3.0, within(0.0001));
    assertThat(preview.getDouble("effect.assessments[0].progressAfter"))
        .isCloseTo(2 / 3.0, within(0.0001));
    assertThat(preview.getDouble("effect.assessments[1].after.possible")).isEqualTo(24.0);
    // the preview wrote nothing
    assertThat(instanceIds()).isEqualTo(before);

    // a reader may look, only an admin decides; the version decided about is the one reviewed
    Api.as(assessor)
        .body(Map.of("toVersion", "2"))
        .post(updates() + "/" + accepting + "/upd-policy/accept")
        .then()
        .statusCode(403);
    Api.as(admin)
        .body(Map.of("toVersion", "1"))
        .post(updates() + "/" + accepting + "/upd-policy/accept")
        .then()
        .statusCode(409)
        .contentType(Api.PROBLEM);

    JsonPath accepted =
        Api.as(admin)
            .body(Map.of("toVersion", "2"))
            .post(updates() + "/" + accepting + "/upd-policy/accept")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(accepted.getInt("instancesAdded")).isEqualTo(1);
    assertThat(accepted.getInt("instancesRemoved")).isEqualTo(1);
    assertThat(accepted.getList("actionsRevised", String.class)).containsExactly("tenant:change-b");
    Api.as(admin)
        .body(Map.of("toVersion", "2"))
        .post(updates() + "/" + deferring + "/upd-policy/defer")
        .then()
        .statusCode(200);

    // the accepting group moved: its snapshot is version 2's
    assertThat(
            TestDatabase.rows(
                "SELECT template_version || ':' || name FROM "
                    + schema
                    + ".assessment ORDER BY id"))
        .containsExactly("2:Vendors 2027", "1:Vendors 2028");
    assertThat(
            TestDatabase.rows(
                "SELECT control_id || ':' || title FROM "
                    + schema
                    + ".assessment_control WHERE assessment_id = "
                    + acceptingAssessment
                    + " ORDER BY position"))
        .containsExactly("P-1:Register of vendors", "P-2:Reviews", "P-4:Ratings");
    Map<String, Long> after = instanceIds();
    // unchanged and changed actions keep their instance, statuses, notes and evidence
    assertThat(after.get("tenant:keep-a/FY2027")).isEqualTo(before.get("tenant:keep-a/FY2027"));
    assertThat(state(after.get("tenant:keep-a/FY2027"))).isEqualTo(keptState);
    assertThat(
            TestDatabase.count(
                "SELECT count(*) FROM " + schema + ".evidence WHERE instance_id = ?",
                after.get("tenant:keep-a/FY2027")))
        .isEqualTo(1);
    assertThat(after.get("tenant:change-b/FY2027")).isEqualTo(before.get("tenant:change-b/FY2027"));
    assertThat(state(after.get("tenant:change-b/FY2027")))
        .isEqualTo("IMPLEMENTED/PASSED/Reviewed every vendor;");
    // the removed action's instance went, its history stayed
    assertThat(after).doesNotContainKey("tenant:drop-c/FY2027");
    assertThat(
            TestDatabase.rows(
                "SELECT field || ':' || coalesce(new_value, '') FROM "
                    + schema
                    + ".action_history WHERE instance_id = "
                    + before.get("tenant:drop-c/FY2027")
                    + " ORDER BY id"))
        .contains("implementationStatus:IMPLEMENTED", "instance:removed");
    assertThat(state(after.get("tenant:new-d/FY2027"))).isEqualTo("NOT_IMPLEMENTED/NONE/;");
    // the changed action's new content is the tenant's, with a line in each instance's history
    assertThat(
            TestDatabase.rows(
                "SELECT title || ':' || points FROM "
                    + schema
                    + ".action WHERE action_key = 'tenant:change-b'"))
        .containsExactly("Review vendors yearly:8");
    assertThat(
            TestDatabase.rows(
                "SELECT old_value || '>' || new_value FROM "
                    + schema
                    + ".action_history WHERE field = 'action.points' ORDER BY instance_id"))
        .containsExactly("4>8", "4>8");

    // the deferring group is untouched: its snapshot, its instances and their states
    assertThat(
            TestDatabase.rows(
                "SELECT control_id || ':' || title FROM "
                    + schema
                    + ".assessment_control WHERE assessment_id = "
                    + deferringAssessment
                    + " ORDER BY position"))
        .containsExactly("P-1:Register", "P-2:Reviews", "P-3:Faxes");
    assertThat(
            state(after.get("tenant:keep-a/FY2028"))
                + state(after.get("tenant:change-b/FY2028"))
                + state(after.get("tenant:drop-c/FY2028")))
        .isEqualTo(deferredStates);
    assertThat(after.get("tenant:drop-c/FY2028")).isEqualTo(before.get("tenant:drop-c/FY2028"));

    // the scores are the ones shown before accepting
    assertThat(dashboard()).isEqualTo(28.0);

    // nothing pending now: the deferral is listed with who and when, and can be taken up later
    JsonPath now = Api.as(admin).get(updates()).then().statusCode(200).extract().jsonPath();
    assertThat(now.getList("groupId", Long.class)).containsExactly(deferring);
    assertThat(now.getBoolean("[0].pending")).isFalse();
    assertThat(now.getString("[0].deferral.by")).isNotBlank();
    assertThat(now.getString("[0].deferral.at")).isNotBlank();
    assertThat(
            TestDatabase.rows(
                "SELECT decision || ':' || to_version FROM "
                    + schema
                    + ".template_update_decision ORDER BY id"))
        .containsExactly("ACCEPTED:2", "DEFERRED:2");

    // a newer version makes it pending again; a decision about the older one is refused
    Api.as(admin)
        .body(
            Map.of(
                "actions",
                List.of(),
                "controls",
                List.of(
                    control("P-1", "Register of vendors", "tenant:keep-a"),
                    control("P-2", "Reviews", "tenant:change-b"),
                    control("P-4", "Ratings", "tenant:new-d"))))
        .post(templates() + "/upd-policy/versions")
        .then()
        .statusCode(201);
    JsonPath again = Api.as(admin).get(updates()).then().statusCode(200).extract().jsonPath();
    assertThat(again.getList("groupId", Long.class)).containsExactly(accepting, deferring);
    assertThat(again.getList("pending", Boolean.class)).containsOnly(true);
    assertThat(again.getList("from", String.class)).containsExactly("2", "1");
    Response stale =
        Api.as(admin)
            .body(Map.of("toVersion", "2"))
            .post(updates() + "/" + deferring + "/upd-policy/accept");
    stale.then().statusCode(409).contentType(Api.PROBLEM);
    assertThat(stale.<String>path("detail")).contains("is 3, not 2");
  }

  @Test
  void anotherTenantsGroupAndAnUnknownTemplateAreNotFound() {
    String other = Platform.tenant("tupdx", null);
    String otherAdmin = KeycloakClient.token(KeycloakClient.createMember(other, "admin"));
    Api.as(otherAdmin)
        .get("/tenants/" + other + "/template-updates/" + accepting + "/upd-policy")
        .then()
        .statusCode(404)
        .contentType(Api.PROBLEM);
    Api.as(otherAdmin)
        .body(Map.of("toVersion", "2"))
        .post("/tenants/" + other + "/template-updates/" + accepting + "/upd-policy/accept")
        .then()
        .statusCode(404)
        .contentType(Api.PROBLEM);
    Api.as(otherAdmin).get(updates()).then().statusCode(403);
    Api.as(admin)
        .get(updates() + "/" + accepting + "/gdpr")
        .then()
        .statusCode(404)
        .contentType(Api.PROBLEM);
  }

  @Test
  void aGlobalTemplatesNewVersionAndTheExtensionsOwnAreUpdatesOfAnExtensionsAssessment() {
    String slug = Platform.tenant("tupdg", null);
    String owner = KeycloakClient.token(KeycloakClient.createMember(slug, "admin"));
    long group = Platform.createGroup(owner, slug, "FY2029");
    String global = Api.unique("upd-global");
    long templateId =
        TestDatabase.count(
            "INSERT INTO platform.template (template_key, title, regulation) VALUES (?, 'Global rules',"
                + " 'Global rules of the test') RETURNING id",
            global);
    globalVersion(
        templateId, "1", Map.of("G-1", "unique-user-ids", "G-2", "role-based-access-control"));
    Map<String, Object> extension = new HashMap<>();
    extension.put("key", global + "-ext");
    extension.put("title", "Our additions");
    extension.put("regulation", "Global rules of the test");
    extension.put("extends", global);
    extension.put("actions", List.of(action("tenant:ext-own", "Our own step", 7)));
    extension.put("controls", List.of(control("E-1", "Ours", "tenant:ext-own")));
    Api.as(owner).body(extension).post("/tenants/" + slug + "/templates").then().statusCode(201);
    long assessment = Platform.createAssessment(owner, slug, group, "Global 2029", global + "-ext");
    String updates = "/tenants/" + slug + "/template-updates";
    assertThat(Api.as(owner).get(updates).then().statusCode(200).extract().jsonPath().getList("$"))
        .isEmpty();

    // the platform publishes version 2 of the global template: G-2 goes, G-3 comes
    globalVersion(
        templateId, "2", Map.of("G-1", "unique-user-ids", "G-3", "least-privilege-access"));
    JsonPath list = Api.as(owner).get(updates).then().statusCode(200).extract().jsonPath();
    assertThat(list.getString("[0].template")).isEqualTo(global + "-ext");
    assertThat(list.getString("[0].from")).isEqualTo("1 + extension 1");
    assertThat(list.getString("[0].to")).isEqualTo("2 + extension 1");
    JsonPath preview =
        Api.as(owner)
            .get(updates + "/" + group + "/" + global + "-ext")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(preview.getList("diffs[0].diff.controls.id", String.class))
        .containsExactly("G-3", "G-2");
    assertThat(preview.getList("diffs[0].diff.actions.key", String.class))
        .containsExactly("least-privilege-access", "role-based-access-control");
    Api.as(owner)
        .body(Map.of("toVersion", "2"))
        .post(updates + "/" + group + "/" + global + "-ext/accept")
        .then()
        .statusCode(409);
    Api.as(owner)
        .body(Map.of("toVersion", "2", "toExtensionVersion", 1))
        .post(updates + "/" + group + "/" + global + "-ext/accept")
        .then()
        .statusCode(200);
    String tenantSchema = "tenant_" + slug.replace('-', '_');
    assertThat(
            TestDatabase.rows(
                "SELECT control_id FROM "
                    + tenantSchema
                    + ".assessment_control WHERE assessment_id = "
                    + assessment
                    + " ORDER BY position"))
        .containsExactly("G-1", "G-3", "E-1");
    assertThat(
            TestDatabase.count(
                "SELECT count(*) FROM "
                    + tenantSchema
                    + ".action WHERE action_key ="
                    + " 'least-privilege-access'"))
        .isEqualTo(1);

    // the extension's own new version is the next update
    Api.as(owner)
        .body(
            Map.of(
                "actions",
                List.of(),
                "controls",
                List.of(
                    control("E-1", "Ours", "tenant:ext-own"),
                    control("E-2", "Ours too", "unique-user-ids"))))
        .post("/tenants/" + slug + "/templates/" + global + "-ext/versions")
        .then()
        .statusCode(201);
    assertThat(
            Api.as(owner)
                .get(updates)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getString("[0].to"))
        .isEqualTo("2 + extension 2");
  }

  /**
   * Publishes a global version as the platform does: controls mapped to one library action each.
   */
  private static void globalVersion(long templateId, String version, Map<String, String> controls) {
    long versionId =
        TestDatabase.count(
            "INSERT INTO platform.template_version (template_id, version, published_at, content_sha256)"
                + " VALUES (?, ?, clock_timestamp(), repeat('0', 64)) RETURNING id",
            templateId,
            version);
    int position = 0;
    for (Map.Entry<String, String> control : new java.util.TreeMap<>(controls).entrySet()) {
      long controlId =
          TestDatabase.count(
              "INSERT INTO platform.template_control (version_id, control_id, family, title, description,"
                  + " mandatory, nature, position) VALUES (?, ?, 'Global', ?, 'About it', true,"
                  + " 'PREVENTATIVE', ?) RETURNING id",
              versionId,
              control.getKey(),
              "Control " + control.getKey(),
              position++);
      TestDatabase.update(
          "INSERT INTO platform.template_control_action (control_id, action_id)"
              + " SELECT ?, id FROM platform.library_action WHERE action_key = ?",
          controlId,
          control.getValue());
    }
  }

  private static void pass(String key, String group, String notes) {
    long id = id(key, group);
    Platform.change(
            admin, tenant, id, Map.of("implementationStatus", "IMPLEMENTED", "notes", notes))
        .then()
        .statusCode(200);
    Platform.change(assessor, tenant, id, Map.of("testStatus", "PASSED")).then().statusCode(200);
  }

  /** Each instance's id by "key/group". */
  private static Map<String, Long> instanceIds() {
    Map<String, Long> ids = new HashMap<>();
    for (Map<String, Object> action : Platform.actions(admin, tenant)) {
      ids.put(
          action.get("key") + "/" + action.get("group"), ((Number) action.get("id")).longValue());
    }
    return ids;
  }

  private static long id(String key, String group) {
    Long id = instanceIds().get(key + "/" + group);
    assertThat(id).as(key + " in " + group).isNotNull();
    return id;
  }

  /** An instance's statuses and notes, read in the database. */
  private static String state(long instanceId) {
    return String.join(
        "",
        TestDatabase.rows(
            "SELECT implementation_status || '/' || test_status || '/'"
                + " || coalesce(notes, '') || ';' FROM "
                + schema
                + ".action_instance WHERE id = "
                + instanceId));
  }

  private static double dashboard() {
    return Api.as(admin)
        .get("/tenants/" + tenant + "/dashboard")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getDouble("overall.achieved");
  }

  private static String templates() {
    return "/tenants/" + tenant + "/templates";
  }

  private static String updates() {
    return "/tenants/" + tenant + "/template-updates";
  }

  private static Map<String, Object> action(String key, String title, int points) {
    return Map.of(
        "key",
        key,
        "title",
        title,
        "description",
        "Why " + key,
        "type",
        "OPERATIONAL",
        "points",
        points,
        "category",
        "Manage compliance");
  }

  private static Map<String, Object> control(String id, String title, String... actions) {
    return Map.of(
        "id",
        id,
        "family",
        "Vendors",
        "title",
        title,
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

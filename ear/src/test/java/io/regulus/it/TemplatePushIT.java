package io.regulus.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A firm pushes its template to 50 clients (acceptance 6 of issue 15): the clients that have it on
 * an older version get the new one (their assessments stay on theirs, with an update pending), the
 * others get the template; a tenant of another firm is refused by name and gets nothing; a client
 * suspended before the push fails alone, and the retry delivers to it without running the others
 * again.
 */
class TemplatePushIT {

  private static final int CLIENTS = 50;
  private static final int EXISTING = 10;

  private static String firm;
  private static String admin;
  private static String consultant;
  private static String stranger;
  private static final List<String> clients = new ArrayList<>();

  @BeforeAll
  static void aFirmWithFiftyClients() throws Exception {
    Platform.awaitReady();
    firm = Platform.firm("push");
    String otherFirm = Platform.firm("push-other");
    stranger = Platform.tenant("push-stranger", otherFirm);
    // one operator token for all of them: Keycloak's brute-force protection refuses concurrent
    // sign-ins of one user
    String operator = Platform.operator();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<String>> created = new ArrayList<>();
      for (int i = 0; i < CLIENTS; i++) {
        created.add(pool.submit(() -> client(operator)));
      }
      for (Future<String> client : created) {
        clients.add(client.get());
      }
    } finally {
      pool.shutdown();
    }
    admin = KeycloakClient.token(KeycloakClient.createUser("pushadm", "/firms/" + firm + "/admin"));
    consultant =
        KeycloakClient.token(
            KeycloakClient.createUser("pushcons", "/firms/" + firm + "/consultant"));
  }

  private static String client(String operator) {
    String slug = Api.unique("push-client");
    Api.as(operator)
        .body(Map.of("slug", slug, "firm", firm))
        .post("/platform/tenants")
        .then()
        .statusCode(201);
    return slug;
  }

  @Test
  void aPushToFiftyClientsGivesEachTheTemplateOrAPendingUpdateAndARetryRunsTheFailedOneAlone() {
    String key = Api.unique("playbook");
    Api.as(admin)
        .body(template(key))
        .post("/firms/" + firm + "/templates")
        .then()
        .statusCode(201)
        .body("kind", org.hamcrest.Matchers.equalTo("FIRM"))
        .body("versions", org.hamcrest.Matchers.contains("1"));
    // a firm template is no one's until pushed
    assertThat(keys(clients.get(0))).doesNotContain(key);

    // the first ten get version 1 and build an assessment on it
    List<String> existing = clients.subList(0, EXISTING);
    long first = push(key, existing);
    assertThat(awaitEnd(first).getString("status")).isEqualTo("DONE");
    Map<String, Long> assessments = new java.util.HashMap<>();
    for (String client : existing) {
      long group = Platform.createGroup(admin, client, "FY2027");
      assessments.put(client, Platform.createAssessment(admin, client, group, "Playbook", key));
    }

    Api.as(admin)
        .body(nextVersion(key))
        .post("/firms/" + firm + "/templates/" + key + "/versions")
        .then()
        .statusCode(201)
        .body("versions", org.hamcrest.Matchers.contains("1", "2"));

    // a tenant of another firm is refused by name, and nothing is written for anyone
    long pushesBefore = TestDatabase.count("SELECT count(*) FROM platform.template_push");
    List<String> withStranger = new ArrayList<>(clients);
    withStranger.add(stranger);
    for (String path : List.of("/preview", "")) {
      Api.as(admin)
          .body(Map.of("template", key, "clients", withStranger))
          .post("/firms/" + firm + "/template-pushes" + path)
          .then()
          .statusCode(422)
          .contentType(Api.PROBLEM)
          .body("detail", org.hamcrest.Matchers.containsString("'" + stranger + "'"));
    }
    assertThat(TestDatabase.count("SELECT count(*) FROM platform.template_push"))
        .isEqualTo(pushesBefore);
    // a consultant of the firm reads the pushes but neither previews nor pushes
    Api.as(consultant).get("/firms/" + firm + "/template-pushes").then().statusCode(200);
    Api.as(consultant)
        .body(Map.of("template", key))
        .post("/firms/" + firm + "/template-pushes/preview")
        .then()
        .statusCode(403);

    // the preview: ten updates with their score effect, forty new clients
    JsonPath preview =
        Api.as(admin)
            .body(Map.of("template", key))
            .post("/firms/" + firm + "/template-pushes/preview")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(preview.getString("version")).isEqualTo("2");
    List<Map<String, Object>> previewed = preview.getList("clients");
    assertThat(previewed).hasSize(CLIENTS);
    assertThat(previewed).extracting(c -> c.get("tenant")).doesNotContain(stranger);
    for (Map<String, Object> client : previewed) {
      if (existing.contains(client.get("tenant"))) {
        assertThat(client.get("kind")).isEqualTo("UPDATE");
        assertThat(client.get("currentVersion")).isEqualTo("1");
        assertThat(client.get("assessments")).isEqualTo(1);
        assertThat(client.get("newActions")).isEqualTo(1);
        assertThat(client.get("newPoints")).isEqualTo(7);
        Map<?, ?> before = (Map<?, ?>) client.get("scoreBefore");
        Map<?, ?> after = (Map<?, ?>) client.get("scoreAfter");
        assertThat(((Number) after.get("possible")).doubleValue())
            .isEqualTo(((Number) before.get("possible")).doubleValue() + 7);
      } else {
        assertThat(client.get("kind")).isEqualTo("NEW");
        assertThat(client.get("newActions")).isEqualTo(2);
        assertThat(client.get("scoreAfter")).isNull();
      }
    }

    // one client is suspended by the operator before the push
    String suspended = clients.get(EXISTING + 5);
    Platform.suspend(suspended);
    io.restassured.response.Response started =
        Api.as(admin).body(Map.of("template", key)).post("/firms/" + firm + "/template-pushes");
    started.then().statusCode(202);
    long pushId = started.jsonPath().getLong("id");
    assertThat(started.header("Location"))
        .endsWith("/firms/" + firm + "/template-pushes/" + pushId);
    JsonPath ended = awaitEnd(pushId);
    assertThat(ended.getString("status")).isEqualTo("FAILED");
    assertThat(ended.getInt("done")).isEqualTo(CLIENTS - 1);
    assertThat(ended.getInt("failed")).isEqualTo(1);
    Map<String, Object> failed = outcome(ended, suspended);
    assertThat(failed.get("outcome")).isEqualTo("FAILED");
    assertThat((String) failed.get("reason")).contains("suspended");

    // in the database: the 49 at version 2, the suspended one and the stranger with nothing
    assertThat(
            TestDatabase.count(
                "SELECT count(*) FROM platform.template_grant g JOIN platform.template t ON"
                    + " t.id = g.template_id JOIN platform.template_version v ON v.id = g.version_id"
                    + " WHERE t.template_key = ? AND v.version = '2'",
                key))
        .isEqualTo(CLIENTS - 1);
    assertThat(grants(key, suspended)).isZero();
    assertThat(grants(key, stranger)).isZero();

    // each new client sees the template and builds an assessment on version 2
    for (String client : clients) {
      if (client.equals(suspended)) {
        continue;
      }
      assertThat(latest(client, key)).as(client).isEqualTo("2");
    }
    String fresh = clients.get(EXISTING);
    long group = Platform.createGroup(admin, fresh, "FY2027");
    long built = Platform.createAssessment(admin, fresh, group, "Playbook", key);
    assertThat(assessmentVersion(fresh, built)).isEqualTo("2");
    // each existing client keeps its assessment on version 1, now one version behind
    for (String client : existing) {
      assertThat(assessmentVersion(client, assessments.get(client))).isEqualTo("1");
    }
    // the other firm's tenant sees nothing of it
    String strangerAdmin = KeycloakClient.token(KeycloakClient.createMember(stranger, "admin"));
    Api.as(strangerAdmin).get("/tenants/" + stranger + "/templates/" + key).then().statusCode(404);

    // the operator resumes the client; the retry delivers to it alone
    List<String> finishedBefore = finishedAt(pushId, suspended);
    long firstRun = executionOf(pushId);
    assertThat(partitionsRun(firstRun)).isEqualTo(CLIENTS);
    Api.as(Platform.operator())
        .post("/platform/tenants/" + suspended + "/resume")
        .then()
        .statusCode(200);
    Api.as(admin)
        .post("/firms/" + firm + "/template-pushes/" + pushId + "/retry")
        .then()
        .statusCode(200);
    JsonPath retried = awaitEnd(pushId);
    assertThat(retried.getString("status")).isEqualTo("DONE");
    assertThat(retried.getInt("done")).isEqualTo(CLIENTS);
    assertThat(outcome(retried, suspended).get("outcome")).isEqualTo("DONE");
    assertThat(finishedAt(pushId, suspended)).isEqualTo(finishedBefore);
    // Jakarta Batch's own record: the retry's execution ran one partition, the failed client's
    long retryRun = executionOf(pushId);
    assertThat(retryRun).isNotEqualTo(firstRun);
    assertThat(partitionsRun(retryRun)).isEqualTo(1);
    assertThat(grants(key, suspended)).isEqualTo(1);
    assertThat(latest(suspended, key)).isEqualTo("2");
    // a retry of a finished push is refused
    Api.as(admin)
        .post("/firms/" + firm + "/template-pushes/" + pushId + "/retry")
        .then()
        .statusCode(409);
  }

  private static long push(String key, List<String> to) {
    return Api.as(admin)
        .body(Map.of("template", key, "clients", to))
        .post("/firms/" + firm + "/template-pushes")
        .then()
        .statusCode(202)
        .extract()
        .jsonPath()
        .getLong("id");
  }

  @Test
  void aFirmExtensionIsFlattenedOntoTheGlobalTemplatesLatestControls() {
    String key = Api.unique("gdpr-firm");
    String globalControl =
        TestDatabase.rows(
                "SELECT c.control_id FROM platform.template_control c WHERE c.version_id = ("
                    + "SELECT v.id FROM platform.template_version v JOIN platform.template t"
                    + " ON t.id = v.template_id WHERE t.template_key = 'gdpr'"
                    + " ORDER BY v.published_at DESC, v.id DESC LIMIT 1) ORDER BY c.position LIMIT 1")
            .get(0);
    long globalControls =
        TestDatabase.count(
            "SELECT count(*) FROM platform.template_control c WHERE c.version_id = ("
                + "SELECT v.id FROM platform.template_version v JOIN platform.template t"
                + " ON t.id = v.template_id WHERE t.template_key = 'gdpr'"
                + " ORDER BY v.published_at DESC, v.id DESC LIMIT 1)");
    Map<String, Object> reusing = new java.util.HashMap<>(template(key));
    reusing.put("extends", "gdpr");
    reusing.put("controls", List.of(control(globalControl, key + "-register")));
    // the global template's control ids are its own
    Api.as(admin)
        .body(reusing)
        .post("/firms/" + firm + "/templates")
        .then()
        .statusCode(422)
        .contentType(Api.PROBLEM)
        .body("errors.field", org.hamcrest.Matchers.hasItem("controls[0].id"));
    assertThat(
            TestDatabase.count(
                "SELECT count(*) FROM platform.template WHERE template_key = ?", key))
        .isZero();

    Map<String, Object> extension = new java.util.HashMap<>(template(key));
    extension.put("extends", "gdpr");
    Api.as(admin)
        .body(extension)
        .post("/firms/" + firm + "/templates")
        .then()
        .statusCode(201)
        .body("extendsKey", org.hamcrest.Matchers.equalTo("gdpr"));
    String client = clients.get(CLIENTS - 1);
    assertThat(awaitEnd(push(key, List.of(client))).getString("status")).isEqualTo("DONE");
    long group = Platform.createGroup(admin, client, Api.unique("ext"));
    long built = Platform.createAssessment(admin, client, group, "GDPR the firm's way", key);
    List<String> ids =
        Api.as(admin)
            .get("/tenants/" + client + "/assessments/" + built)
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("controls.id");
    // one self-contained version: the global template's latest controls, then the firm's
    assertThat(ids).hasSize((int) globalControls + 1);
    assertThat(ids.get(0)).isEqualTo(globalControl);
    assertThat(ids.get(ids.size() - 1)).isEqualTo("P-1");
  }

  @Test
  void anotherFirmsAdminReachesNeitherTheTemplatesNorThePushes() {
    String key = Api.unique("private-playbook");
    Api.as(admin).body(template(key)).post("/firms/" + firm + "/templates").then().statusCode(201);
    long pushId = push(key, List.of(clients.get(1)));
    String otherFirm = Platform.firm("push-rival");
    String rival =
        KeycloakClient.token(
            KeycloakClient.createUser("pushrival", "/firms/" + otherFirm + "/admin"));
    for (String path :
        List.of(
            "/templates", "/templates/" + key, "/template-pushes", "/template-pushes/" + pushId)) {
      Api.as(rival).get("/firms/" + firm + path).then().statusCode(403);
    }
    // under its own firm, the other firm's template and push are not found
    Api.as(rival).get("/firms/" + otherFirm + "/templates/" + key).then().statusCode(404);
    Api.as(rival).get("/firms/" + otherFirm + "/template-pushes/" + pushId).then().statusCode(404);
    Api.as(rival)
        .body(Map.of("template", key))
        .post("/firms/" + otherFirm + "/template-pushes")
        .then()
        .statusCode(404);
    // nor can it push its own template to this firm's client
    String own = Api.unique("rival-playbook");
    Api.as(rival)
        .body(template(own))
        .post("/firms/" + otherFirm + "/templates")
        .then()
        .statusCode(201);
    Api.as(rival)
        .body(Map.of("template", own, "clients", List.of(clients.get(1))))
        .post("/firms/" + otherFirm + "/template-pushes")
        .then()
        .statusCode(422)
        .body("detail", org.hamcrest.Matchers.containsString("'" + clients.get(1) + "'"));
    assertThat(grants(own, clients.get(1))).isZero();
  }

  private static JsonPath awaitEnd(long push) {
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(3);
    while (true) {
      JsonPath state =
          Api.as(admin)
              .get("/firms/" + firm + "/template-pushes/" + push)
              .then()
              .statusCode(200)
              .extract()
              .jsonPath();
      if (!state.getString("status").equals("RUNNING")) {
        return state;
      }
      assertThat(System.nanoTime()).as("push %d still running", push).isLessThan(deadline);
      try {
        Thread.sleep(500);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  private static Map<String, Object> outcome(JsonPath push, String tenant) {
    List<Map<String, Object>> outcomes = push.getList("clients");
    return outcomes.stream().filter(c -> c.get("tenant").equals(tenant)).findFirst().orElseThrow();
  }

  /** The finish times of every client of the push but one, from the database. */
  private static List<String> finishedAt(long push, String except) {
    return TestDatabase.rows(
        "SELECT t.slug || ' ' || c.finished_at FROM platform.template_push_client c"
            + " JOIN platform.tenant t ON t.id = c.tenant_id WHERE c.push_id = "
            + push
            + " AND t.slug <> '"
            + except
            + "' ORDER BY t.slug");
  }

  private static long executionOf(long push) {
    return TestDatabase.count("SELECT execution_id FROM platform.template_push WHERE id = ?", push);
  }

  /** The partitions a job execution ran, from Liberty's job repository. */
  private static long partitionsRun(long execution) {
    return TestDatabase.count(
        "SELECT count(*) FROM platform.batch_stepthreadexecution"
            + " WHERE fk_jobexecid = ? AND stepname = 'deliver' AND partnum >= 0",
        execution);
  }

  private static long grants(String key, String tenant) {
    return TestDatabase.count(
        "SELECT count(*) FROM platform.template_grant g"
            + " JOIN platform.template t ON t.id = g.template_id"
            + " JOIN platform.tenant n ON n.id = g.tenant_id WHERE t.template_key = ? AND n.slug = ?",
        key,
        tenant);
  }

  private static List<String> keys(String tenant) {
    return Api.as(admin)
        .queryParam("size", 500)
        .get("/tenants/" + tenant + "/templates")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("key");
  }

  private static String latest(String tenant, String key) {
    List<String> versions =
        Api.as(admin)
            .get("/tenants/" + tenant + "/templates/" + key)
            .then()
            .statusCode(200)
            .body("kind", org.hamcrest.Matchers.equalTo("FIRM"))
            .extract()
            .jsonPath()
            .getList("versions");
    return versions.get(versions.size() - 1);
  }

  private static String assessmentVersion(String tenant, long assessment) {
    return Api.as(admin)
        .get("/tenants/" + tenant + "/assessments/" + assessment)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getString("assessment.version");
  }

  private static Map<String, Object> template(String key) {
    return Map.of(
        "key",
        key,
        "title",
        "Playbook " + key,
        "regulation",
        "Northwind privacy playbook",
        "actions",
        List.of(action(key + "-register", "Keep a register of processing", 5)),
        "controls",
        List.of(control("P-1", key + "-register")));
  }

  /** Version 2: control P-1 as before, and P-2 with a new action worth 7 points. */
  private static Map<String, Object> nextVersion(String key) {
    return Map.of(
        "actions",
        List.of(action(key + "-dpia", "Assess the impact of new processing", 7)),
        "controls",
        List.of(control("P-1", key + "-register"), control("P-2", key + "-dpia")));
  }

  private static Map<String, Object> action(String key, String title, int points) {
    return Map.of(
        "key",
        key,
        "title",
        title,
        "description",
        title + ", and keep it current.",
        "type",
        "documentation",
        "points",
        points,
        "category",
        "Privacy management");
  }

  private static Map<String, Object> control(String id, String actionKey) {
    return Map.of(
        "id",
        id,
        "family",
        "Privacy",
        "title",
        "Control " + id,
        "description",
        "Requirement " + id,
        "mandatory",
        true,
        "nature",
        "preventative",
        "actions",
        List.of(actionKey));
  }
}

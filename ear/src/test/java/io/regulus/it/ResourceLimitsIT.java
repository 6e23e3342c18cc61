package io.regulus.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Resource limits of the API (OWASP API4): a caller sending faster than the rate limit gets 429
 * problems with Retry-After while others are still served, and is served again after waiting; every
 * list answers one page of at most 500 items and refuses a larger page naming the limit; an action
 * holds at most 100 pieces of evidence (the server's defaults: 600 requests per 60 s per caller,
 * REGULUS_EVIDENCE_MAX_PER_ACTION 100).
 */
class ResourceLimitsIT {

  private static final int EVIDENCE_MAX = 100;

  private static String tenant;
  private static String admin;
  private static ExecutorService pool;

  @BeforeAll
  static void build() {
    tenant = Platform.tenant("limits", null);
    admin = KeycloakClient.token(KeycloakClient.createMember(tenant, "admin"));
    pool = Executors.newFixedThreadPool(8);
  }

  @AfterAll
  static void stopPool() {
    pool.shutdownNow();
  }

  @Test
  void aCallerOverTheRateLimitGets429WithRetryAfterAndOthersAreStillServed() throws Exception {
    String hasty = KeycloakClient.token(KeycloakClient.createUser("hasty"));
    String patient = KeycloakClient.token(KeycloakClient.createUser("patient"));
    AtomicReference<Response> refused = new AtomicReference<>();
    Instant start = Instant.now();
    Instant deadline = start.plus(Duration.ofSeconds(120));
    List<Future<Integer>> senders = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      senders.add(
          pool.submit(
              () -> {
                int sent = 0;
                // bounded: 8 x 500 requests at most, and two minutes
                while (refused.get() == null && sent < 500 && Instant.now().isBefore(deadline)) {
                  Response response = Api.as(hasty).get("/me");
                  sent++;
                  if (response.statusCode() == 429) {
                    refused.compareAndSet(null, response);
                  } else {
                    assertThat(response.statusCode()).isEqualTo(200);
                  }
                }
                return sent;
              }));
    }
    int sent = 0;
    for (Future<Integer> sender : senders) {
      sent += sender.get();
    }
    System.out.printf(
        "rate limit: one caller refused after %d requests in %d ms from 8 threads%n",
        sent, Duration.between(start, Instant.now()).toMillis());

    Response tooMany = refused.get();
    assertThat(tooMany).as("a 429 among " + sent + " requests of one caller").isNotNull();
    tooMany.then().contentType(Api.PROBLEM);
    assertThat(tooMany.<String>path("type")).isEqualTo("urn:regulus:problem:too-many-requests");
    assertThat(tooMany.<String>path("detail")).contains("600 requests in 60 s", "Retry-After");
    long retryAfter = Long.parseLong(tooMany.header("Retry-After"));
    assertThat(retryAfter).isBetween(1L, 60L);

    // the limit is the caller's own: another caller goes on
    Api.as(patient).get("/me").then().statusCode(200);
    // and the hasty caller is served again once it waited as told
    Thread.sleep(Duration.ofSeconds(retryAfter).toMillis() + 200);
    Api.as(hasty).get("/me").then().statusCode(200);
  }

  @Test
  void everyListAnswersOnePageAndRefusesAPageOverTheLimit() {
    String operator = Platform.operator();
    List<String> lists =
        List.of(
            "/platform/tenants",
            "/platform/firms",
            "/platform/audit-events",
            "/platform/tenants/" + tenant + "/exports",
            "/tenants/" + tenant + "/users",
            "/tenants/" + tenant + "/assignees",
            "/tenants/" + tenant + "/assessment-groups",
            "/tenants/" + tenant + "/templates",
            "/tenants/" + tenant + "/actions");
    for (String list : lists) {
      String token = list.startsWith("/platform") ? operator : admin;
      Response tooLarge = Api.as(token).queryParam("size", 501).get(list);
      tooLarge.then().statusCode(400).contentType(Api.PROBLEM);
      assertThat(tooLarge.<String>path("detail")).as(list).contains("size", "500");
      assertThat(tooLarge.jsonPath().getList("errors.field")).as(list).containsExactly("size");
      Api.as(token).queryParam("size", 500).get(list).then().statusCode(200);
    }
    for (String list : List.of("/platform/tenants", "/platform/audit-events")) {
      Response first = Api.as(operator).queryParam("size", 1).get(list);
      first.then().statusCode(200);
      assertThat(first.jsonPath().getList("$")).as(list).hasSize(1);
      long total = Long.parseLong(first.header("X-Total-Count"));
      assertThat(total).as(list).isGreaterThan(1);
      assertThat(first.headers().getValues("Link"))
          .as(list)
          .anyMatch(link -> link.contains("rel=\"next\"") && link.contains("page=1"));
      Response second = Api.as(operator).queryParam("size", 1).queryParam("page", 1).get(list);
      assertThat(second.jsonPath().getList("$"))
          .as(list)
          .hasSize(1)
          .isNotEqualTo(first.jsonPath().getList("$"));
    }
  }

  @Test
  void anActionHoldsAtMostItsEvidenceLimitAndItsListIsPaged() {
    long group = Platform.createGroup(admin, tenant, "Limits");
    Platform.createAssessment(admin, tenant, group, "GDPR limits", "gdpr");
    Object action =
        Platform.actions(admin, tenant).stream()
            .filter(a -> !"PARENT".equals(a.get("testingSource")))
            .findFirst()
            .orElseThrow()
            .get("id");
    String evidence = "/tenants/" + tenant + "/actions/" + action + "/evidence";
    for (int i = 0; i < EVIDENCE_MAX; i++) {
      Api.as(admin)
          .body(Map.of("url", "https://intranet.example.com/proof/" + i))
          .post(evidence + "/links")
          .then()
          .statusCode(201);
    }

    Response refused =
        Api.as(admin)
            .body(Map.of("url", "https://intranet.example.com/proof/one-too-many"))
            .post(evidence + "/links");
    refused.then().statusCode(409).contentType(Api.PROBLEM);
    assertThat(refused.<String>path("detail")).contains("100 pieces of evidence");
    assertThat(
            TestDatabase.count(
                "SELECT count(*) FROM tenant_"
                    + tenant.replace('-', '_')
                    + ".evidence WHERE url LIKE ?",
                "%one-too-many"))
        .isZero();

    Response page = Api.as(admin).get(evidence);
    page.then().statusCode(200);
    assertThat(page.jsonPath().getList("$")).hasSize(50);
    assertThat(page.header("X-Total-Count")).isEqualTo("100");
    Api.as(admin).queryParam("size", 501).get(evidence).then().statusCode(400);
  }
}

package io.regulus.it;

import io.restassured.response.Response;
import java.util.HashMap;
import java.util.Map;

/** Platform operator steps the tests build their worlds with (as olivia, the demo operator). */
public final class Platform {

  private Platform() {}

  /**
   * Waits until the application answers as ready: a test class run alone may start before the
   * application has (the server reports ready first).
   */
  public static void awaitReady() {
    awaitReady(Api.BASE_URL);
  }

  /** Waits until the server at {@code baseUrl} answers as ready (a second server of a test). */
  static void awaitReady(String baseUrl) {
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(5);
    while (!ready(baseUrl)) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(baseUrl + "/health/ready is not 200 after 5 minutes");
      }
      try {
        Thread.sleep(500);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  private static boolean ready(String baseUrl) {
    try {
      return io.restassured.RestAssured.given().baseUri(baseUrl).get("/health/ready").statusCode()
          == 200;
    } catch (Exception e) { // not listening yet
      return false;
    }
  }

  public static String operator() {
    return KeycloakClient.token("olivia");
  }

  public static String firm(String prefix) {
    String slug = Api.unique(prefix);
    Api.as(operator())
        .body(Map.of("slug", slug, "displayName", "Firm " + slug))
        .post("/platform/firms")
        .then()
        .statusCode(201);
    return slug;
  }

  /** A new active tenant, a client of {@code firm} when not null. */
  public static String tenant(String prefix, String firm) {
    String slug = Api.unique(prefix);
    Map<String, Object> body = new HashMap<>(Map.of("slug", slug));
    if (firm != null) {
      body.put("firm", firm);
    }
    Api.as(operator()).body(body).post("/platform/tenants").then().statusCode(201);
    return slug;
  }

  public static void suspend(String slug) {
    Api.as(operator()).post("/platform/tenants/" + slug + "/suspend").then().statusCode(200);
  }

  public static long export(String slug) {
    return Api.as(operator())
        .post("/platform/tenants/" + slug + "/exports")
        .then()
        .statusCode(201)
        .extract()
        .<Integer>path("id")
        .longValue();
  }

  static byte[] archive(String slug, long exportId) {
    Response response =
        Api.as(operator()).get("/platform/tenants/" + slug + "/exports/" + exportId);
    response.then().statusCode(200).contentType("application/zip");
    return response.asByteArray();
  }

  public static long createGroup(String token, String tenant, String name) {
    return Api.as(token)
        .body(Map.of("name", name))
        .post("/tenants/" + tenant + "/assessment-groups")
        .then()
        .statusCode(201)
        .extract()
        .<Integer>path("id")
        .longValue();
  }

  /** A new assessment of {@code template}'s latest version for a product scope; its id. */
  public static long createAssessment(
      String token, String tenant, long groupId, String name, String template) {
    return Api.as(token)
        .body(Map.of("name", name, "template", template, "scope", "PRODUCT", "scopeName", name))
        .post("/tenants/" + tenant + "/assessment-groups/" + groupId + "/assessments")
        .then()
        .statusCode(201)
        .extract()
        .<Integer>path("assessment.id")
        .longValue();
  }

  /** Every action instance of a tenant, passed ones included (one page of up to 500). */
  public static java.util.List<Map<String, Object>> actions(String token, String tenant) {
    return actions(token, tenant, Map.of());
  }

  /**
   * The action instances of a tenant that the list's {@code filter} (query parameters) selects,
   * passed ones included (one page of up to 500).
   */
  public static java.util.List<Map<String, Object>> actions(
      String token, String tenant, Map<String, ?> filter) {
    return Api.as(token)
        .queryParams(filter)
        .queryParam("includePassed", true)
        .queryParam("size", 500)
        .get("/tenants/" + tenant + "/actions")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("items");
  }

  /**
   * Changes an action as read just before (its ETag in If-Match); the response, for the caller to
   * check.
   */
  public static io.restassured.response.Response change(
      String token, String tenant, Object actionId, Map<String, ?> body) {
    String etag =
        Api.as(token)
            .get("/tenants/" + tenant + "/actions/" + actionId)
            .then()
            .statusCode(200)
            .extract()
            .header("ETag");
    return Api.as(token)
        .header("If-Match", etag)
        .body(body)
        .patch("/tenants/" + tenant + "/actions/" + actionId);
  }
}

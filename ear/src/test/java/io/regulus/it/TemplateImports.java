package io.regulus.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.path.json.JsonPath;
import java.io.InputStream;
import java.time.Duration;
import java.util.function.Predicate;

/** Template imports as a test drives them: start one, wait until it reaches a state. */
final class TemplateImports {

  private TemplateImports() {}

  /** Starts an import of {@code file} into {@code tenant}'s templates; the import's id. */
  static long start(String token, String tenant, String key, String format, InputStream file) {
    return Api.as(token)
        .contentType("application/octet-stream")
        .queryParam("key", key)
        .queryParam("format", format)
        .body(file)
        .post("/tenants/{tenant}/template-imports", tenant)
        .then()
        .statusCode(202)
        .extract()
        .jsonPath()
        .getLong("id");
  }

  static JsonPath get(String token, String tenant, long id) {
    return Api.as(token)
        .get("/tenants/{tenant}/template-imports/{id}", tenant, id)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  /** Waits (at most {@code limit}) until the import satisfies {@code reached}; its last state. */
  static JsonPath await(
      String token, String tenant, long id, Predicate<JsonPath> reached, Duration limit) {
    long deadline = System.nanoTime() + limit.toNanos();
    JsonPath state = get(token, tenant, id);
    while (!reached.test(state)) {
      assertThat(System.nanoTime()).as("import %d: %s", id, state.prettify()).isLessThan(deadline);
      sleep(200);
      state = get(token, tenant, id);
    }
    return state;
  }

  /** Waits until the import is finished one way or another (or failed). */
  static JsonPath finished(String token, String tenant, long id) {
    return await(
        token,
        tenant,
        id,
        state ->
            java.util.Set.of("INVALID", "PUBLISHED", "FAILED", "STOPPED", "ABANDONED")
                .contains(state.getString("status")),
        Duration.ofMinutes(4));
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}

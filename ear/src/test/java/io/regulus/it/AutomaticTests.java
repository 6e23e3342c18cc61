package io.regulus.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Automatic tests set up for the tests that need them: a test rule on a tenant's action, signals in
 * a tenant, and a sweep run through the API and waited for.
 */
public final class AutomaticTests {

  private AutomaticTests() {}

  /** A signal to store: its key, resource, value as JSON text, and when it was observed. */
  public record Sent(String key, String resource, String value, Instant observedAt) {}

  public static Sent signal(String key, String resource, String value, Instant observedAt) {
    return new Sent(key, resource, value, observedAt);
  }

  /** A test rule's JSON. */
  public static String rule(
      String signal, String expect, double atLeast, String freshness, String risk) {
    return "{\"signal\":\""
        + signal
        + "\",\"expect\":\""
        + expect
        + "\",\"atLeast\":"
        + atLeast
        + ",\"freshness\":\""
        + freshness
        + "\",\"risk\":\""
        + risk
        + "\"}";
  }

  /**
   * Gives an action of the tenant a test rule. The library's rules come from the library itself;
   * these tests write their own, straight into the tenant's action.
   */
  public static void giveRule(String tenant, String actionKey, String ruleJson) {
    assertThat(
            TestDatabase.update(
                "UPDATE "
                    + schema(tenant)
                    + ".action SET test_rule = CAST(? AS jsonb) WHERE action_key = ?",
                ruleJson,
                actionKey))
        .isEqualTo(1);
  }

  /** Each tenant's machine client's token, made when the tenant's first signals are posted. */
  private static final Map<String, String> MACHINES = new ConcurrentHashMap<>();

  /**
   * Posts signals to the tenant as its machine client does: {@code POST /tenants/{t}/signals} with
   * a token of a machine client its admin made.
   */
  public static void post(String tenant, Sent... signals) {
    String machine =
        MACHINES.computeIfAbsent(
            tenant,
            slug ->
                MachineClients.token(
                    MachineClients.make(
                        slug, KeycloakClient.token(KeycloakClient.createMember(slug, "admin")))));
    List<Map<String, Object>> entries = new ArrayList<>();
    for (Sent sent : signals) {
      entries.add(
          Map.of(
              "key", sent.key(),
              "value", JsonPath.from("{\"v\":" + sent.value() + "}").get("v"),
              "resource", sent.resource(),
              "observedAt", sent.observedAt().toString(),
              "source", "it-scanner"));
    }
    Response posted =
        Api.as(machine).body(Map.of("signals", entries)).post("/tenants/" + tenant + "/signals");
    assertThat(posted.statusCode()).as(posted.asString()).isEqualTo(201);
  }

  /**
   * Stores an undetermined observation (a JSON null value) as the scanner findings' import keeps a
   * MANUAL finding: machine clients cannot send one.
   */
  public static void storeUndetermined(String tenant, String key, String resource, Instant at) {
    TestDatabase.update(
        "INSERT INTO "
            + schema(tenant)
            + ".signal (key, resource, value, observed_at, received_at, source, batch_id)"
            + " VALUES (?, ?, 'null'::jsonb, ?, now(), 'it-scanner', gen_random_uuid())",
        key,
        resource,
        Timestamp.from(at));
  }

  /** Starts a sweep of the tenant as its admin and waits until it completes; its execution id. */
  public static long sweep(String token, String tenant) {
    Response started = Api.as(token).post("/tenants/" + tenant + "/test-sweeps");
    assertThat(started.statusCode()).as(started.asString()).isEqualTo(202);
    String location = started.header("Location");
    assertThat(location)
        .endsWith("/tenants/" + tenant + "/test-sweeps/" + started.path("executionId"));
    JsonPath done = await(token, location);
    assertThat(done.getString("tenant")).isEqualTo(tenant);
    return done.getLong("executionId");
  }

  /** Waits until the sweep at {@code location} completes; its state. */
  public static JsonPath await(String token, String location) {
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    JsonPath state = Api.as(token).get(location).then().statusCode(200).extract().jsonPath();
    while (!"COMPLETED".equals(state.getString("status"))) {
      assertThat(state.getString("status")).as(state.prettify()).isNotIn("FAILED", "STOPPED");
      assertThat(System.nanoTime()).as(state.prettify()).isLessThan(deadline);
      TemplateImports.sleep(200);
      state = Api.as(token).get(location).then().statusCode(200).extract().jsonPath();
    }
    return state;
  }

  /** The tenant's schema. */
  public static String schema(String tenant) {
    return "tenant_" + tenant.replace('-', '_');
  }
}

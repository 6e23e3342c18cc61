package io.regulus.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Signals end to end: a tenant admin makes a machine client, the machine gets a token by the
 * client-credentials grant and writes its tenant's signals and nothing else; a batch with any bad
 * entry, or past the size limit, is refused whole and nothing of it is stored (checked in the
 * database); members read the signals; the retention pass deletes the old ones.
 */
class SignalIngestionIT {

  private static String tenantA;
  private static String tenantB;
  private static String adminA;
  private static String adminB;
  private static String readerA;

  @BeforeAll
  static void tenants() {
    Platform.awaitReady();
    tenantA = Platform.tenant("sig-a", null);
    tenantB = Platform.tenant("sig-b", null);
    adminA = KeycloakClient.token(KeycloakClient.createMember(tenantA, "admin"));
    adminB = KeycloakClient.token(KeycloakClient.createMember(tenantB, "admin"));
    readerA = KeycloakClient.token(KeycloakClient.createMember(tenantA, "reader"));
  }

  private static Map<String, Object> signal(String key, Object value, String resource, String at) {
    return Map.of("key", key, "value", value, "resource", resource, "observedAt", at);
  }

  private static long stored(String tenant, String resourcePrefix) {
    return TestDatabase.count(
        "SELECT count(*) FROM tenant_" + tenant.replace('-', '_') + ".signal WHERE resource LIKE ?",
        resourcePrefix + "%");
  }

  @Test
  void aMachineClientWritesItsTenantsSignalsWithSourceAndTimeAndNothingElse() {
    String[] client = MachineClients.make(tenantA, adminA);
    String machine = MachineClients.token(client);
    String at = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();

    Response written =
        Api.as(machine)
            .body(
                Map.of(
                    "signals",
                    List.of(
                        signal("mfa.admins.enforced", true, "good/alice", at),
                        Map.of(
                            "key", "tls.min_version",
                            "value", "1.2",
                            "resource", "good/web",
                            "observedAt", at,
                            "source", "tls-probe"))))
            .post("/tenants/" + tenantA + "/signals");
    assertThat(written.statusCode()).as(written.asString()).isEqualTo(201);
    assertThat(written.<Integer>path("count")).isEqualTo(2);
    String batch = written.path("batchId");
    assertThat(written.header("Location")).endsWith("/signals?batch=" + batch);

    String schema = "tenant_" + tenantA.replace('-', '_');
    assertThat(
            TestDatabase.rows(
                "SELECT key || '|' || value::text || '|' || source || '|' || (observed_at = '"
                    + at
                    + "'::timestamptz) || '|' || batch_id FROM "
                    + schema
                    + ".signal WHERE resource LIKE 'good/%' ORDER BY key"))
        .containsExactly(
            "mfa.admins.enforced|true|" + client[0] + "|true|" + batch,
            "tls.min_version|\"1.2\"|tls-probe|true|" + batch);

    // members read them, the latest first, filtered; the latest of each resource of a key
    Response read = Api.as(readerA).get("/tenants/" + tenantA + "/signals?key=mfa.admins.enforced");
    assertThat(read.statusCode()).as(read.asString()).isEqualTo(200);
    assertThat(read.<List<String>>path("resource")).containsExactly("good/alice");
    assertThat(read.<List<String>>path("source")).containsExactly(client[0]);
    assertThat(
            Api.as(readerA)
                .get("/tenants/" + tenantA + "/signals/latest?key=tls.min_version")
                .then()
                .statusCode(200)
                .extract()
                .<List<String>>path("value"))
        .containsExactly("1.2");

    // its own tenant only, and only writing
    String other = "/tenants/" + tenantB;
    assertThat(
            Api.as(machine)
                .body(Map.of("signals", List.of(signal("mfa.admins.enforced", true, "x", at))))
                .post(other + "/signals")
                .statusCode())
        .isEqualTo(403);
    assertThat(stored(tenantB, "x")).isZero();
    String own = "/tenants/" + tenantA;
    for (String path :
        List.of(
            own + "/signals",
            own + "/signals/latest?key=mfa.admins.enforced",
            own + "/actions",
            own + "/dashboard",
            own + "/machine-clients",
            own + "/users",
            other + "/signals")) {
      assertThat(Api.as(machine).get(path).statusCode()).as(path).isEqualTo(403);
    }
    assertThat(
            Api.as(machine).body(Map.of("name", "g")).post(own + "/assessment-groups").statusCode())
        .isEqualTo(403);
    // another tenant's admin and members neither read nor write them, nor see the client
    assertThat(Api.as(adminB).get(own + "/signals").statusCode()).isEqualTo(403);
    assertThat(
            Api.as(adminB)
                .get(other + "/machine-clients")
                .then()
                .extract()
                .<List<String>>path("clientId"))
        .doesNotContain(client[0]);
    assertThat(Api.as(adminB).delete(other + "/machine-clients/" + client[0]).statusCode())
        .isEqualTo(404);
    assertThat(Api.as(readerA).get(own + "/machine-clients").statusCode()).isEqualTo(403);
  }

  @Test
  void machineClientsAreListedWithoutSecretRotatedAndDeleted() {
    String[] client = MachineClients.make(tenantA, adminA);
    Response list = Api.as(adminA).get("/tenants/" + tenantA + "/machine-clients");
    assertThat(list.statusCode()).isEqualTo(200);
    assertThat(list.<List<String>>path("clientId")).contains(client[0]);
    assertThat(list.asString()).doesNotContain(client[1]);

    Response rotated =
        Api.as(adminA).post("/tenants/" + tenantA + "/machine-clients/" + client[0] + "/secret");
    assertThat(rotated.statusCode()).as(rotated.asString()).isEqualTo(200);
    String secret = rotated.path("clientSecret");
    assertThat(secret).isNotEqualTo(client[1]);
    assertThat(MachineClients.tokenResponse(client[0], client[1]).statusCode()).isEqualTo(401);
    assertThat(MachineClients.tokenResponse(client[0], secret).statusCode()).isEqualTo(200);

    assertThat(
            Api.as(adminA)
                .delete("/tenants/" + tenantA + "/machine-clients/" + client[0])
                .statusCode())
        .isEqualTo(204);
    assertThat(MachineClients.tokenResponse(client[0], secret).statusCode()).isIn(400, 401);
    assertThat(
            Api.as(adminA)
                .get("/tenants/" + tenantA + "/machine-clients")
                .then()
                .extract()
                .<List<String>>path("clientId"))
        .doesNotContain(client[0]);
  }

  @Test
  void aBatchWithBadEntriesIsRefusedNamingEachAndNothingOfItIsStored() {
    String machine = MachineClients.token(MachineClients.make(tenantA, adminA));
    String past = Instant.now().minus(1, ChronoUnit.HOURS).toString();
    String future = Instant.now().plus(1, ChronoUnit.HOURS).toString();
    Response refused =
        Api.as(machine)
            .body(
                Map.of(
                    "signals",
                    List.of(
                        signal("storage.encrypted", true, "bad/ok", past),
                        signal("Storage-Encrypted", true, "bad/key", past),
                        signal("storage.encrypted", "yes", "bad/type", past),
                        signal("storage.encrypted", Map.of("on", true), "bad/object", past),
                        signal("storage.encrypted", true, "bad/future", future),
                        Map.of(
                            "key", "storage.encrypted", "value", true, "resource", "bad/no-time"))))
            .post("/tenants/" + tenantA + "/signals");
    assertThat(refused.statusCode()).as(refused.asString()).isEqualTo(400);
    assertThat(refused.contentType()).startsWith(Api.PROBLEM);
    assertThat(refused.<String>path("detail")).contains("nothing of it stored", "5 of its 6");
    assertThat(refused.<List<String>>path("errors.field"))
        .containsExactly(
            "signals[1].key",
            "signals[2].value",
            "signals[3].value",
            "signals[4].observedAt",
            "signals[5].observedAt");
    assertThat(refused.<List<String>>path("errors.message").get(1))
        .contains("storage.encrypted holds a boolean");
    assertThat(refused.<List<String>>path("errors.message").get(3)).contains("in the future");
    assertThat(stored(tenantA, "bad/")).isZero();
  }

  @Test
  void aTenMegabyteBodyIsRefusedWith413AsAProblemAndNothingIsStored() {
    String machine = MachineClients.token(MachineClients.make(tenantA, adminA));
    String at = Instant.now().minus(1, ChronoUnit.HOURS).toString();
    StringBuilder body = new StringBuilder("{\"signals\":[");
    String entry =
        "{\"key\":\"storage.encrypted\",\"value\":true,\"resource\":\"huge/%07d\",\"observedAt\":\""
            + at
            + "\"}";
    for (int i = 0; body.length() < 10 * 1024 * 1024; i++) {
      body.append(i == 0 ? "" : ",").append(String.format(entry, i));
    }
    byte[] bytes = body.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    assertThat(bytes.length).isGreaterThan(10 * 1024 * 1024);
    // declared on its Content-Length (refused before a byte of it is read: only its start is sent),
    // and sent whole, chunked (refused at the first byte past the limit)
    List<RawHttp.Body> sent =
        List.of(
            new RawHttp.Body(
                "application/json",
                java.util.Arrays.copyOf(bytes, 64 * 1024),
                RawHttp.Body.Framing.PROMISED,
                bytes.length),
            new RawHttp.Body("application/json", bytes, RawHttp.Body.Framing.CHUNKED, 0));
    for (RawHttp.Body framed : sent) {
      RawHttp.Answer answer =
          RawHttp.send(
              "POST",
              "/api/v1/tenants/" + tenantA + "/signals",
              Map.of("Authorization", "Bearer " + machine),
              framed,
              60_000);
      assertThat(answer.status()).as(framed.framing() + " " + answer.body()).isEqualTo(413);
      assertThat(answer.header("Content-Type")).startsWith(Api.PROBLEM);
      assertThat(answer.body()).contains("REGULUS_SIGNAL_MAX_BYTES", "Split it");
    }
    assertThat(stored(tenantA, "huge/")).isZero();
  }

  @Test
  void theRetentionPassDeletesSignalsObservedBeforeTheWindowOnly() {
    String schema = "tenant_" + tenantB.replace('-', '_');
    for (int days : new int[] {91, 200, 89, 1}) {
      TestDatabase.update(
          "INSERT INTO "
              + schema
              + ".signal (key, resource, value, observed_at, received_at, source, batch_id)"
              + " VALUES ('storage.encrypted', ?, 'true', now() - make_interval(days => ?), now(),"
              + " 'it', gen_random_uuid())",
          "aged/" + days,
          days);
    }
    assertThat(Api.as(adminB).post("/platform/signal-retention").statusCode()).isEqualTo(403);
    Response pass = Api.as(Platform.operator()).post("/platform/signal-retention");
    assertThat(pass.statusCode()).as(pass.asString()).isEqualTo(200);
    assertThat(pass.<Integer>path("deleted")).isGreaterThanOrEqualTo(2);
    assertThat(
            TestDatabase.rows(
                "SELECT resource FROM "
                    + schema
                    + ".signal WHERE resource LIKE 'aged/%' ORDER BY 1"))
        .containsExactly("aged/1", "aged/89");
  }
}

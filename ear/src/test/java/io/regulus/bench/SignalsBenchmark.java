package io.regulus.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Signal ingestion (issue 18, acceptance 6): {@code bench.signals} signals (default 1,000,000) for
 * {@code bench.tenants} tenants (default 100) through the API, in batches of {@code bench.batch}
 * (default 5,000) from {@code bench.clients} client threads (default 4), beside a floor measured in
 * the same run: the same rows into the same tenants' {@code signal} tables by a plain JDBC batch
 * insert, one transaction per batch, the same threads.
 *
 * <ol>
 *   <li><b>Tenants</b> {@code sig-0001}..: provisioned through the API when missing; each gets an
 *       admin and, through {@code POST /tenants/{t}/machine-clients}, a machine client whose token
 *       (client-credentials grant) writes the batches. Tokens are fetched before the clock starts.
 *   <li><b>Warm-up</b>: one batch per tenant through the API, not counted.
 *   <li><b>API</b>: every batch posted once ({@code POST /tenants/{t}/signals}, each answered 201
 *       with its count), the tenants' batches interleaved; wall time from the first request sent to
 *       the last answer read, and each request's latency. Bodies are written by the client threads
 *       as they go (about a millisecond per batch), inside the wall time.
 *   <li><b>Checked</b>: the tenants hold exactly the warm-up and timed signals more than before
 *       (counted in SQL).
 *   <li><b>Floor</b>: the same batches as rows, {@code INSERT ... VALUES (...)} with {@code
 *       addBatch} per row and {@code executeBatch} per batch, a connection and a transaction per
 *       batch (no HTTP, no token, no JSON, no validation, no tenant binding).
 *   <li><b>Unnest floor</b>: the same rows again by the one statement the server sends ({@code
 *       INSERT ... SELECT FROM unnest(...)}), over JDBC: what the API adds to its own insert.
 * </ol>
 */
public final class SignalsBenchmark {

  private static final String[] KEYS = {
    "mfa.admins.enforced", "storage.encrypted", "password.min_length", "tls.min_version"
  };

  private final BenchSettings settings;
  private final int tenants;
  private final int signals;
  private final int batch;
  private final int clients;
  private final Report report = new Report();
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final Instant observed = Instant.now().minus(1, ChronoUnit.HOURS);

  private SignalsBenchmark(
      BenchSettings settings, int tenants, int signals, int batch, int clients) {
    this.settings = settings;
    this.tenants = tenants;
    this.signals = signals;
    this.batch = batch;
    this.clients = clients;
  }

  public static void main(String[] args) throws Exception {
    new SignalsBenchmark(
            BenchSettings.fromSystemProperties(),
            Integer.parseInt(System.getProperty("bench.tenants", "100").trim()),
            Integer.parseInt(System.getProperty("bench.signals", "1000000").trim()),
            Integer.parseInt(System.getProperty("bench.batch", "5000").trim()),
            Math.max(1, Integer.parseInt(System.getProperty("bench.clients", "4").trim())))
        .run();
  }

  /** One batch to send: the tenant, its machine client's token, which batch of the tenant. */
  private record Batch(String tenant, OperatorToken token, int number) {}

  private void run() throws Exception {
    report.begin("Signal ingestion benchmark");
    OperatorToken operator = new OperatorToken(http, settings.keycloakUrl());
    TenantApi platform = new TenantApi(http, settings.baseUrl(), operator);
    platform.awaitHealthy(Duration.ofMinutes(5));
    int perTenant = signals / tenants / batch;
    if (perTenant < 1) {
      throw new IllegalStateException("fewer signals than one batch per tenant");
    }
    report.field(
        "signals",
        "%,d (%d tenants x %d batches of %,d)",
        (long) tenants * perTenant * batch,
        tenants,
        perTenant,
        batch);
    report.field("client threads (API and floor)", "%d", clients);

    long began = System.nanoTime();
    Map<String, OperatorToken> tokens = new java.util.LinkedHashMap<>();
    KeycloakAdmin keycloak = new KeycloakAdmin(http, settings.keycloakUrl());
    for (int n = 1; n <= tenants; n++) {
      String slug = String.format("sig-%04d", n);
      if (!exists(slug)) {
        platform.provision(slug);
      }
      keycloak.createMember(slug + "-admin", "/tenants/" + slug + "/admin");
      ApiClient admin =
          new ApiClient(
              http,
              settings.baseUrl(),
              new OperatorToken(http, settings.keycloakUrl(), slug + "-admin"));
      JsonNode made = admin.post("/tenants/" + slug + "/machine-clients", Map.of("name", "bench"));
      OperatorToken token =
          OperatorToken.machineClient(
              http,
              settings.keycloakUrl(),
              made.path("client").path("clientId").asText(),
              made.path("clientSecret").asText());
      token.get();
      tokens.put(slug, token);
    }
    report.field(
        "tenants and machine clients ready", "%d ms", (System.nanoTime() - began) / 1_000_000);

    long before = count();
    List<Batch> warmup = new ArrayList<>();
    tokens.forEach((slug, token) -> warmup.add(new Batch(slug, token, -1)));
    Pass warm = api(warmup);
    report.field("warm-up (not counted)", "%d batches, %d ms", warmup.size(), warm.wallMillis);

    List<Batch> batches = new ArrayList<>();
    for (int b = 0; b < perTenant; b++) {
      for (Map.Entry<String, OperatorToken> tenant : tokens.entrySet()) {
        batches.add(new Batch(tenant.getKey(), tenant.getValue(), b));
      }
    }
    Pass api = api(batches);
    long total = (long) batches.size() * batch;
    report.line("");
    report.field(
        "API",
        "%,d signals in %,d ms: %,.0f signals/s",
        total,
        api.wallMillis,
        total * 1000.0 / api.wallMillis);
    report.field("  per batch", "%s", new Latencies(api.nanos).summary());
    long stored = count() - before;
    long expected = (long) tenants * batch + total;
    report.field("  stored (checked in SQL)", "%,d of %,d expected", stored, expected);
    if (stored != expected) {
      throw new IllegalStateException("stored " + stored + " signals, expected " + expected);
    }

    Pass floor = floor(batches);
    report.field(
        "floor (JDBC batch insert)",
        "%,d signals in %,d ms: %,.0f signals/s",
        total,
        floor.wallMillis,
        total * 1000.0 / floor.wallMillis);
    report.field("  per batch", "%s", new Latencies(floor.nanos).summary());
    report.field("API / floor (time)", "%.2f", (double) api.wallMillis / floor.wallMillis);
    Pass unnest = unnestFloor(batches);
    report.field(
        "floor (JDBC, the server's unnest)",
        "%,d signals in %,d ms: %,.0f signals/s",
        total,
        unnest.wallMillis,
        total * 1000.0 / unnest.wallMillis);
    report.field("  per batch", "%s", new Latencies(unnest.nanos).summary());
    report.field("API / unnest floor (time)", "%.2f", (double) api.wallMillis / unnest.wallMillis);
    report.end(settings.resultsFile());
  }

  /** What a pass took: its wall time and each batch's time. */
  private record Pass(long wallMillis, List<Long> nanos) {}

  private Pass api(List<Batch> batches) throws Exception {
    return parallel(
        batches,
        work -> {
          String body = body(work.number());
          HttpRequest request =
              HttpRequest.newBuilder(
                      URI.create(
                          settings.baseUrl() + "/api/v1/tenants/" + work.tenant() + "/signals"))
                  .timeout(Duration.ofMinutes(2))
                  .header("Authorization", "Bearer " + work.token().get())
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(body))
                  .build();
          long start = System.nanoTime();
          HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
          long took = System.nanoTime() - start;
          if (answer.statusCode() != 201 || !answer.body().contains("\"count\":" + batch)) {
            throw new IllegalStateException(
                "batch of "
                    + work.tenant()
                    + " answered "
                    + answer.statusCode()
                    + ": "
                    + answer.body());
          }
          return took;
        });
  }

  private Pass floor(List<Batch> batches) throws Exception {
    return parallel(
        batches,
        work -> {
          try (Connection db = settings.connect()) {
            db.setAutoCommit(false);
            Timestamp at = Timestamp.from(observed);
            long start = System.nanoTime();
            try (PreparedStatement insert =
                db.prepareStatement(
                    "INSERT INTO "
                        + TenantStatistics.schema(work.tenant())
                        + ".signal (key, resource, value, observed_at, received_at, source, batch_id)"
                        + " VALUES (?, ?, CAST(? AS jsonb), ?, now(), ?, ?)")) {
              UUID id = UUID.randomUUID();
              for (int i = 0; i < batch; i++) {
                insert.setString(1, KEYS[i % KEYS.length]);
                insert.setString(2, resource(work.number(), i));
                insert.setString(3, value(i));
                insert.setTimestamp(4, at);
                insert.setString(5, "bench-floor");
                insert.setObject(6, id);
                insert.addBatch();
              }
              insert.executeBatch();
            }
            db.commit();
            return System.nanoTime() - start;
          }
        });
  }

  /**
   * The second floor: the same rows by the one statement {@code SignalStore.append} sends (each
   * column an array, unnested), over JDBC, a transaction per batch: what the API adds to the
   * server's own insert.
   */
  private Pass unnestFloor(List<Batch> batches) throws Exception {
    return parallel(
        batches,
        work -> {
          try (Connection db = settings.connect()) {
            db.setAutoCommit(false);
            long start = System.nanoTime();
            String[] keys = new String[batch];
            String[] resources = new String[batch];
            String[] values = new String[batch];
            String[] observedAt = new String[batch];
            String[] sources = new String[batch];
            for (int i = 0; i < batch; i++) {
              keys[i] = KEYS[i % KEYS.length];
              resources[i] = resource(work.number(), i);
              values[i] = value(i);
              observedAt[i] = observed.toString();
              sources[i] = "bench-floor";
            }
            try (PreparedStatement insert =
                db.prepareStatement(
                    "INSERT INTO "
                        + TenantStatistics.schema(work.tenant())
                        + ".signal (key, resource, value, observed_at, received_at, source, batch_id)"
                        + " SELECT k, r, CAST(v AS jsonb), CAST(o AS timestamptz), now(), s, ?"
                        + " FROM unnest(?, ?, ?, ?, ?) AS t (k, r, v, o, s)")) {
              insert.setObject(1, UUID.randomUUID());
              insert.setArray(2, db.createArrayOf("varchar", keys));
              insert.setArray(3, db.createArrayOf("varchar", resources));
              insert.setArray(4, db.createArrayOf("text", values));
              insert.setArray(5, db.createArrayOf("text", observedAt));
              insert.setArray(6, db.createArrayOf("varchar", sources));
              insert.executeUpdate();
            }
            db.commit();
            return System.nanoTime() - start;
          }
        });
  }

  /** Does one batch, answering its time in nanoseconds. */
  @FunctionalInterface
  private interface Work {
    long run(Batch batch) throws Exception;
  }

  private Pass parallel(List<Batch> batches, Work work) throws Exception {
    ConcurrentLinkedQueue<Batch> queue = new ConcurrentLinkedQueue<>(batches);
    List<Long> nanos = Collections.synchronizedList(new ArrayList<>());
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    long began = System.nanoTime();
    try {
      List<Future<?>> running = new ArrayList<>();
      for (int c = 0; c < clients; c++) {
        running.add(
            pool.submit(
                () -> {
                  Batch next;
                  while ((next = queue.poll()) != null) {
                    nanos.add(work.run(next));
                  }
                  return null;
                }));
      }
      for (Future<?> f : running) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    return new Pass((System.nanoTime() - began) / 1_000_000, nanos);
  }

  /** The body of a tenant's batch {@code number}: {@code batch} signals on as many resources. */
  private String body(int number) {
    StringBuilder body = new StringBuilder(batch * 130).append("{\"signals\":[");
    String at = observed.toString();
    for (int i = 0; i < batch; i++) {
      if (i > 0) {
        body.append(',');
      }
      body.append("{\"key\":\"")
          .append(KEYS[i % KEYS.length])
          .append("\",\"value\":")
          .append(value(i))
          .append(",\"resource\":\"")
          .append(resource(number, i))
          .append("\",\"observedAt\":\"")
          .append(at)
          .append("\"}");
    }
    return body.append("]}").toString();
  }

  /** The JSON value of entry {@code i}, of its key's type. */
  private static String value(int i) {
    return switch (i % KEYS.length) {
      case 0, 1 -> i % 7 == 0 ? "false" : "true";
      case 2 -> Integer.toString(8 + i % 9);
      default -> "\"1." + (i % 4) + "\"";
    };
  }

  private static String resource(int number, int i) {
    return "host-" + (number < 0 ? "warm" : Integer.toString(number)) + "-" + i;
  }

  private boolean exists(String slug) throws SQLException {
    try (Connection db = settings.connect();
        PreparedStatement find =
            db.prepareStatement(
                "SELECT 1 FROM platform.tenant WHERE slug = ? AND status = 'ACTIVE'")) {
      find.setString(1, slug);
      try (ResultSet result = find.executeQuery()) {
        return result.next();
      }
    }
  }

  /** Every signal of the benchmark's tenants. */
  private long count() throws SQLException {
    long total = 0;
    try (Connection db = settings.connect();
        Statement statement = db.createStatement()) {
      for (int n = 1; n <= tenants; n++) {
        try (ResultSet result =
            statement.executeQuery(
                "SELECT count(*) FROM "
                    + TenantStatistics.schema(String.format("sig-%04d", n))
                    + ".signal WHERE source <> 'bench-floor'")) {
          result.next();
          total += result.getLong(1);
        }
      }
    }
    return total;
  }
}

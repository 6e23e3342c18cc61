package io.regulus.bench;

import java.net.http.HttpClient;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Many tenants of one size, for the benchmarks that run over every tenant (the score recomputation,
 * the reports): {@code gen-0001}, {@code gen-0002}, ... each with {@code actionsPerTenant} action
 * instances, clients of firms {@code gen-firm-01}, ... fifty to a firm.
 *
 * <p>{@code gen-0001}, the seed, is built through the API by its admin ({@link BenchTenant}): an
 * assessment of the built-in library's GDPR and one of a private template with as many actions of
 * its own as GDPR leaves to reach the size, 40% of the instances with statuses, a quarter with due
 * dates. Every other tenant is provisioned through the API (four clients at once: a real active
 * tenant with its schema migrated), then the seed's rows are copied into its schema by SQL, one
 * transaction per tenant, and its instances' statuses, due dates, priorities and owners are varied
 * by the tenant's number (a hash of the number and the instance's id), so scores differ from tenant
 * to tenant. {@link #ensure} is idempotent: tenants generated before (active, with their instances)
 * are kept as they are.
 */
public final class TenantGenerator {

  /** How many tenants a firm of the generator has as clients. */
  static final int CLIENTS_PER_FIRM = 50;

  private static final int CLIENTS = 4;

  /** The seed's plan: GDPR and the private template in one group, with due dates and owners. */
  private static final BenchTenant.Plan SEED =
      new BenchTenant.Plan(
          List.of(new BenchTenant.Group("FY2027", "main product", List.of("gdpr"), true)), 0, true);

  /**
   * The seed's tables that are not copied: its migrations' history, what a job writes, and its
   * alerts and alert policies (each tenant's migration gave it the default policies already).
   */
  private static final Set<String> NOT_COPIED =
      Set.of(
          "flyway_schema_history",
          "score_snapshot",
          "action_count_snapshot",
          "alert_policy",
          "alert",
          "alert_status_change");

  /**
   * Statuses, due dates, priorities and owners, from two hashes of the tenant's number (?) and the
   * instance's id. Followers (tested through a parent action) keep theirs, as the API keeps them.
   * Three in ten are implemented and passed, one in ten partly tested; others planned, implemented
   * and untested or failed, out of scope, or not implemented.
   */
  private static final String VARY =
      "UPDATE action_instance i SET implementation_status = v.implementation,"
          + " test_status = v.test,"
          + " passed_fraction = CASE WHEN v.test = 'PARTIALLY_TESTED' THEN (v.r % 9 + 1) / 10.0 END,"
          + " implementation_date = CASE WHEN v.implementation IN ('IMPLEMENTED',"
          + " 'ALTERNATIVE_IMPLEMENTATION') THEN current_date - v.r2 % 300 END,"
          + " test_override_reason = CASE WHEN v.test <> 'NONE' AND v.testing_source = 'AUTOMATIC'"
          + " THEN 'Benchmark data' END,"
          + " due_date = CASE WHEN v.r2 % 4 = 1 THEN current_date + (v.r2 % 90 - 30) END,"
          + " priority = (ARRAY['LOW', 'MEDIUM', 'MEDIUM', 'HIGH', 'CRITICAL'])[v.r2 % 5 + 1],"
          + " assignee_id = CASE WHEN v.r2 % 3 <> 0 THEN 'bench-owner-' || v.r2 % 7 END,"
          + " assignee_name = CASE WHEN v.r2 % 3 <> 0 THEN 'Bench owner ' || v.r2 % 7 END,"
          + " version = i.version + 1, updated_at = now(), updated_by = 'bench-generator'"
          + " FROM (SELECT s.id, s.r, s.r2, s.testing_source,"
          + " CASE WHEN s.r < 15 THEN 'NOT_IMPLEMENTED' WHEN s.r < 25 THEN 'PLANNED'"
          + " WHEN s.r < 30 THEN 'OUT_OF_SCOPE' WHEN s.r < 38 THEN 'ALTERNATIVE_IMPLEMENTATION'"
          + " ELSE 'IMPLEMENTED' END AS implementation,"
          + " CASE WHEN s.r < 30 THEN 'NONE' WHEN s.r < 60 THEN 'PASSED'"
          + " WHEN s.r < 70 THEN 'PARTIALLY_TESTED' WHEN s.r < 76 THEN 'FAILED_LOW_RISK'"
          + " WHEN s.r < 80 THEN 'FAILED_HIGH_RISK' WHEN s.r < 84 THEN 'IN_PROGRESS'"
          + " ELSE 'NONE' END AS test"
          + " FROM (SELECT i.id, a.testing_source, abs(hashtext(?::text || ':' || i.id)) % 100 AS r,"
          + " abs(hashtext(i.id || '/' || ?::text)) % 1000 AS r2"
          + " FROM action_instance i JOIN action a ON a.id = i.action_id"
          + " WHERE a.testing_source <> 'PARENT') s) v WHERE v.id = i.id";

  private final BenchSettings settings;
  private final HttpClient http;
  private final OperatorToken operator;

  public TenantGenerator(BenchSettings settings, HttpClient http) {
    this.settings = settings;
    this.http = http;
    this.operator = new OperatorToken(http, settings.keycloakUrl());
  }

  /** The slug of the generator's tenant number {@code n} (from 1). */
  public static String slug(int n) {
    return String.format("gen-%04d", n);
  }

  /** The firm tenant number {@code n} is a client of. */
  public static String firm(int n) {
    return String.format("gen-firm-%02d", (n - 1) / CLIENTS_PER_FIRM + 1);
  }

  /**
   * Makes sure tenants {@code gen-0001} to {@code gen-<tenants>} exist, active, with {@code
   * actionsPerTenant} action instances each; creates only those missing. Their slugs, in order.
   */
  public List<String> ensure(int tenants, int actionsPerTenant) throws Exception {
    TenantApi platform = new TenantApi(http, settings.baseUrl(), operator);
    Map<String, Integer> existing = existing();
    Set<String> firms = firms();
    String seed = slug(1);
    if (!existing.containsKey(seed)) {
      ensureFirm(platform, firms, 1);
      TenantAdmin admin = TenantAdmin.create(http, settings, platform, seed, firm(1));
      new BenchTenant(admin.api(), seed, SEED, actionsPerTenant).build();
      existing.put(seed, actionsPerTenant);
    } else if (existing.get(seed) != actionsPerTenant) {
      throw new IllegalStateException(
          seed
              + " has "
              + existing.get(seed)
              + " action instances, not "
              + actionsPerTenant
              + ": generate into a fresh database (delete .regulus/bench/postgres)");
    }
    List<Integer> toProvision = new ArrayList<>();
    List<Integer> toCopy = new ArrayList<>();
    for (int n = 2; n <= tenants; n++) {
      Integer instances = existing.get(slug(n));
      if (instances == null) {
        ensureFirm(platform, firms, n);
        toProvision.add(n);
        toCopy.add(n);
      } else if (instances == 0) {
        toCopy.add(n);
      } else if (instances != actionsPerTenant) {
        throw new IllegalStateException(
            slug(n) + " has " + instances + " action instances, not " + actionsPerTenant);
      }
    }
    provision(platform, toProvision);
    try (Connection db = settings.connect()) {
      List<String> tables = tables(db, TenantStatistics.schema(seed));
      for (int n : toCopy) {
        copy(db, tables, TenantStatistics.schema(seed), n);
      }
    }
    List<String> slugs = new ArrayList<>();
    for (int n = 1; n <= tenants; n++) {
      slugs.add(slug(n));
    }
    return slugs;
  }

  /**
   * An admin of a generated tenant, to read it through the API: {@code <slug>-admin} in Keycloak
   * (made once; reused).
   */
  public ApiClient admin(String slug) {
    new KeycloakAdmin(http, settings.keycloakUrl())
        .createMember(slug + "-admin", "/tenants/" + slug + "/admin");
    return new ApiClient(
        http, settings.baseUrl(), new OperatorToken(http, settings.keycloakUrl(), slug + "-admin"));
  }

  /** The generator's active tenants, with their action instances. */
  private Map<String, Integer> existing() throws SQLException {
    Map<String, Integer> found = new TreeMap<>();
    try (Connection db = settings.connect();
        Statement statement = db.createStatement();
        ResultSet tenants =
            statement.executeQuery(
                "SELECT slug, schema_name FROM platform.tenant"
                    + " WHERE status = 'ACTIVE' AND slug LIKE 'gen-%'")) {
      List<String[]> rows = new ArrayList<>();
      while (tenants.next()) {
        rows.add(new String[] {tenants.getString(1), tenants.getString(2)});
      }
      for (String[] row : rows) {
        try (Statement count = db.createStatement();
            ResultSet result =
                count.executeQuery("SELECT count(*) FROM " + row[1] + ".action_instance")) {
          result.next();
          found.put(row[0], result.getInt(1));
        }
      }
    }
    return found;
  }

  private Set<String> firms() throws SQLException {
    Set<String> found = new HashSet<>();
    try (Connection db = settings.connect();
        Statement statement = db.createStatement();
        ResultSet result = statement.executeQuery("SELECT slug FROM platform.firm")) {
      while (result.next()) {
        found.add(result.getString(1));
      }
    }
    return found;
  }

  private static void ensureFirm(TenantApi platform, Set<String> firms, int n) {
    if (firms.add(firm(n))) {
      platform.createFirm(firm(n));
    }
  }

  /** Provisions the tenants through the API, {@link #CLIENTS} requests at a time. */
  private void provision(TenantApi platform, List<Integer> numbers) throws Exception {
    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
    try {
      List<Future<Long>> done = new ArrayList<>();
      for (int n : numbers) {
        done.add(clients.submit(() -> platform.provision(slug(n), firm(n))));
      }
      for (Future<Long> provisioned : done) {
        provisioned.get();
      }
    } finally {
      clients.shutdownNow();
    }
  }

  /** The seed schema's tables that are copied, parents before children does not matter. */
  private static List<String> tables(Connection db, String schema) throws SQLException {
    List<String> tables = new ArrayList<>();
    try (PreparedStatement statement =
        db.prepareStatement(
            "SELECT table_name FROM information_schema.tables"
                + " WHERE table_schema = ? AND table_type = 'BASE TABLE' ORDER BY table_name")) {
      statement.setString(1, schema);
      try (ResultSet result = statement.executeQuery()) {
        while (result.next()) {
          if (!NOT_COPIED.contains(result.getString(1))) {
            tables.add(result.getString(1));
          }
        }
      }
    }
    return tables;
  }

  /**
   * The seed's rows copied into tenant {@code n}'s schema (foreign keys not checked while copying:
   * the rows are the seed's, consistent as they are), its identity columns moved past the copied
   * ids, then its instances varied ({@link #VARY}); one transaction.
   */
  private static void copy(Connection db, List<String> tables, String seed, int n)
      throws SQLException {
    String target = TenantStatistics.schema(slug(n));
    db.setAutoCommit(false);
    try (Statement statement = db.createStatement()) {
      statement.execute("SET LOCAL session_replication_role = replica");
      for (String table : tables) {
        statement.execute(
            "INSERT INTO " + target + "." + table + " SELECT * FROM " + seed + "." + table);
      }
      statement.execute(
          "SELECT setval(pg_get_serial_sequence(table_schema || '.' || table_name, column_name),"
              + " 1000000) FROM information_schema.columns WHERE table_schema = '"
              + target
              + "' AND is_identity = 'YES'");
      statement.execute("SET LOCAL search_path = " + target);
      try (PreparedStatement vary = db.prepareStatement(VARY)) {
        vary.setString(1, Integer.toString(n));
        vary.setString(2, Integer.toString(n));
        vary.executeUpdate();
      }
      db.commit();
    } catch (SQLException e) {
      db.rollback();
      throw e;
    } finally {
      db.setAutoCommit(true);
    }
  }
}

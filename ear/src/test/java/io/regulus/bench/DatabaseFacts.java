package io.regulus.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the database looks like after provisioning: schemas, relations per kind, size, and the
 * server settings that matter with thousands of schemas. The shared lock table holds {@code
 * max_locks_per_transaction} x (every backend slot + prepared transactions) locks, and pg_dump
 * holds a lock on every table it dumps until it ends.
 */
record DatabaseFacts(
    Map<String, String> settings,
    long tenantSchemas,
    long allSchemas,
    long tenantTables,
    long tenantIndexes,
    long tenantSequences,
    long tenantRelations,
    long userTables,
    long catalogRelations,
    long databaseBytes,
    Map<String, CatalogAnalyze> catalogAnalyzes) {

  /**
   * How often autovacuum vacuumed and analyzed a system catalog, and when it last did (epoch ms; 0:
   * never).
   */
  record CatalogAnalyze(
      long vacuums, long lastVacuumMillis, long analyzes, long lastAnalyzeMillis) {}

  /** The catalogs whose rows grow with every schema, table and index. */
  static final List<String> GROWING_CATALOGS =
      List.of(
          "pg_class",
          "pg_attribute",
          "pg_depend",
          "pg_type",
          "pg_namespace",
          "pg_index",
          "pg_constraint");

  static final List<String> SETTINGS =
      List.of(
          "server_version",
          "max_locks_per_transaction",
          "max_connections",
          "max_prepared_transactions",
          "autovacuum_max_workers",
          "max_worker_processes",
          "max_wal_senders",
          "shared_buffers",
          "work_mem",
          "maintenance_work_mem");

  private static final String TENANT_RELATIONS =
      "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
          + " WHERE n.nspname LIKE 'tenant\\_%'";

  static DatabaseFacts read(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      Map<String, String> settings = new LinkedHashMap<>();
      for (String name : SETTINGS) {
        try (ResultSet result = statement.executeQuery("SHOW " + name)) {
          result.next();
          settings.put(name, result.getString(1));
        }
      }
      return new DatabaseFacts(
          settings,
          count(statement, "SELECT count(*) FROM pg_namespace WHERE nspname LIKE 'tenant\\_%'"),
          count(statement, "SELECT count(*) FROM pg_namespace"),
          count(statement, TENANT_RELATIONS + " AND c.relkind IN ('r', 'p')"),
          count(statement, TENANT_RELATIONS + " AND c.relkind IN ('i', 'I')"),
          count(statement, TENANT_RELATIONS + " AND c.relkind = 'S'"),
          count(statement, TENANT_RELATIONS),
          count(
              statement,
              "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                  + " WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema')"
                  + " AND n.nspname NOT LIKE 'pg\\_toast%'"),
          count(statement, "SELECT count(*) FROM pg_class"),
          count(statement, "SELECT pg_database_size(current_database())"),
          catalogAnalyzes(statement));
    }
  }

  private static Map<String, CatalogAnalyze> catalogAnalyzes(Statement statement)
      throws SQLException {
    Map<String, CatalogAnalyze> analyzes = new LinkedHashMap<>();
    String sql =
        "SELECT relname, autovacuum_count, coalesce((extract(epoch FROM last_autovacuum) * 1000)::bigint, 0),"
            + " autoanalyze_count, coalesce((extract(epoch FROM last_autoanalyze) * 1000)::bigint, 0)"
            + " FROM pg_stat_sys_tables WHERE schemaname = 'pg_catalog' AND relname IN ('"
            + String.join("', '", GROWING_CATALOGS)
            + "')";
    try (ResultSet result = statement.executeQuery(sql)) {
      while (result.next()) {
        analyzes.put(
            result.getString(1),
            new CatalogAnalyze(
                result.getLong(2), result.getLong(3), result.getLong(4), result.getLong(5)));
      }
    }
    Map<String, CatalogAnalyze> ordered = new LinkedHashMap<>();
    GROWING_CATALOGS.stream()
        .filter(analyzes::containsKey)
        .forEach(name -> ordered.put(name, analyzes.get(name)));
    return ordered;
  }

  /**
   * Backend slots the shared lock table is sized for: PostgreSQL's MaxBackends +
   * max_prepared_transactions.
   */
  long lockTableSlots() {
    return number("max_connections")
        + number("autovacuum_max_workers")
        + 1
        + number("max_worker_processes")
        + number("max_wal_senders")
        + number("max_prepared_transactions");
  }

  /** Locks the shared lock table holds, all backends together. */
  long lockTableCapacity() {
    return number("max_locks_per_transaction") * lockTableSlots();
  }

  private long number(String setting) {
    return Long.parseLong(settings.get(setting).trim());
  }

  private static long count(Statement statement, String sql) throws SQLException {
    try (ResultSet result = statement.executeQuery(sql)) {
      result.next();
      return result.getLong(1);
    }
  }
}

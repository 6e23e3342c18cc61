package io.regulus.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * What the benchmark runs against and how much it does, handed over by the build as system
 * properties.
 */
record BenchSettings(
    String baseUrl,
    String keycloakUrl,
    String dbHost,
    int dbPort,
    String dbName,
    String dbUser,
    String dbPassword,
    int tenants,
    int warmup,
    int concurrentTenants,
    int clients,
    int floorSamples,
    String pgDump,
    Path workDir,
    Path resultsFile,
    Path tenantMigrations) {

  static BenchSettings fromSystemProperties() {
    Path workDir = Path.of(required("bench.dir")).toAbsolutePath();
    return new BenchSettings(
        required("bench.base-url"),
        required("bench.keycloak-url"),
        System.getProperty("bench.db-host", "127.0.0.1"),
        Integer.parseInt(required("bench.db-port")),
        System.getProperty("bench.db-name", "regulus"),
        System.getProperty("bench.db-user", "postgres"),
        System.getProperty("bench.db-password", "postgres"),
        count("bench.tenants", 1000),
        count("bench.warmup", 10),
        count("bench.concurrent", 200),
        Math.max(1, count("bench.clients", 4)),
        count("bench.floor-samples", 20),
        System.getProperty("bench.pg-dump", "pg_dump"),
        workDir,
        Path.of(System.getProperty("bench.results", workDir.resolve("results.txt").toString())),
        Path.of(required("bench.tenant-migrations")));
  }

  /**
   * A new connection to the stack's database. Through the driver's data source, not DriverManager:
   * under exec:java the driver sits in a class loader DriverManager does not search.
   */
  Connection connect() throws SQLException {
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setServerNames(new String[] {dbHost});
    dataSource.setPortNumbers(new int[] {dbPort});
    dataSource.setDatabaseName(dbName);
    dataSource.setUser(dbUser);
    dataSource.setPassword(dbPassword);
    dataSource.setApplicationName("regulus-bench");
    return dataSource.getConnection();
  }

  private static int count(String name, int fallback) {
    String value = System.getProperty(name);
    return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
  }

  private static String required(String name) {
    String value = System.getProperty(name);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(
          "system property " + name + " is not set (the bench profile sets it)");
    }
    return value;
  }
}

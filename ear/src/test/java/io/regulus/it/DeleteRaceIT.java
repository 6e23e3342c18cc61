package io.regulus.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

/**
 * Deleting a tenant loses no committed change, whichever node wrote it: a transaction that entered
 * the tenant before its suspension and commits after the export began (played here over a second
 * JDBC connection, as another node's late transaction) is in the export; an export that began
 * before the suspension is refused by delete until the tenant is exported again.
 */
class DeleteRaceIT {

  /** How a node's transaction enters a tenant schema: the application's own statement. */
  private static final String ENTER = io.regulus.tenancy.TenantBinding.ENTER;

  @org.junit.jupiter.api.BeforeAll
  static void ready() {
    Platform.awaitReady();
  }

  @Test
  void anExportOfASuspendedTenantHoldsAWriteThatCommitsAfterTheExportBegan() throws Exception {
    String tenant = Platform.tenant("race", null);
    String schema = schema(tenant);
    long exportId;
    try (Connection node = TestDatabase.connect()) {
      node.setAutoCommit(false);
      enter(node, schema);
      insertGroup(node, "late write");
      Platform.suspend(tenant);

      CompletableFuture<Long> export = CompletableFuture.supplyAsync(() -> Platform.export(tenant));
      awaitWaitingOrDone(export, "advisory");
      node.commit();
      exportId = export.get(60, TimeUnit.SECONDS);
    }
    assertThat(tableEntry(Platform.archive(tenant, exportId), "assessment_group"))
        .contains("late write");

    // a transaction entering after the suspension is refused by the database itself
    try (Connection stale = TestDatabase.connect()) {
      stale.setAutoCommit(false);
      assertThat(enter(stale, schema)).isEqualTo("SUSPENDED");
      assertThatThrownBy(() -> insertGroup(stale, "too late")).isInstanceOf(SQLException.class);
      stale.rollback();
    }

    Api.as(Platform.operator())
        .delete("/platform/tenants/" + tenant)
        .then()
        .statusCode(200)
        .body("status", equalTo("DELETED"));
  }

  @Test
  void deleteRefusesAnExportThatBeganBeforeTheSuspensionUntilExportedAgain() throws Exception {
    String tenant = Platform.tenant("race", null);
    String schema = schema(tenant);
    String admin = KeycloakClient.token(KeycloakClient.createMember(tenant, "admin"));
    Platform.createGroup(admin, tenant, "before");
    long stale;
    try (Connection blocker = TestDatabase.connect()) {
      // holds the export half-way: its snapshot is taken, one table is still to be read
      blocker.setAutoCommit(false);
      try (PreparedStatement lock =
          blocker.prepareStatement("LOCK TABLE " + schema + ".evidence IN ACCESS EXCLUSIVE MODE")) {
        lock.execute();
      }
      CompletableFuture<Long> export = CompletableFuture.supplyAsync(() -> Platform.export(tenant));
      awaitWaitingOrDone(export, "relation");
      Platform.createGroup(admin, tenant, "after the export began");
      Platform.suspend(tenant);
      blocker.rollback();
      stale = export.get(60, TimeUnit.SECONDS);
    }
    assertThat(tableEntry(Platform.archive(tenant, stale), "assessment_group"))
        .doesNotContain("after the export began");

    Api.as(Platform.operator())
        .delete("/platform/tenants/" + tenant)
        .then()
        .statusCode(409)
        .contentType(Api.PROBLEM)
        .body("detail", containsString("export it again"));
    assertThat(TestDatabase.schemaExists(schema)).isTrue();

    long fresh = Platform.export(tenant);
    assertThat(tableEntry(Platform.archive(tenant, fresh), "assessment_group"))
        .contains("after the export began");
    Api.as(Platform.operator())
        .delete("/platform/tenants/" + tenant)
        .then()
        .statusCode(200)
        .body("status", equalTo("DELETED"));
    assertThat(TestDatabase.schemaExists(schema)).isFalse();
  }

  /** Enters the tenant as the application does; the tenant's status as the database saw it. */
  private static String enter(Connection connection, String schema) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(ENTER)) {
      statement.setString(1, schema);
      try (ResultSet result = statement.executeQuery()) {
        result.next();
        return result.getString(1);
      }
    }
  }

  private static void insertGroup(Connection connection, String name) throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO assessment_group (name, created_at, created_by) VALUES (?, now(), 'another node')")) {
      insert.setString(1, name);
      insert.executeUpdate();
    }
  }

  /**
   * Waits until the export is in progress and waiting on a lock of the kind given (advisory,
   * relation), or finished: either way it has begun.
   */
  private static void awaitWaitingOrDone(CompletableFuture<Long> export, String waitEvent)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!export.isDone() && System.nanoTime() < deadline) {
      if (TestDatabase.count(
              "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND wait_event = ?",
              waitEvent)
          > 0) {
        return;
      }
      Thread.sleep(50);
    }
  }

  /** The text of a table's entry in an export archive. */
  private static String tableEntry(byte[] archive, String table) throws IOException {
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(archive))) {
      ZipEntry entry;
      while ((entry = zip.getNextEntry()) != null) {
        if (entry.getName().startsWith("tables/" + table + ".")) {
          return new String(zip.readAllBytes(), StandardCharsets.UTF_8);
        }
      }
    }
    throw new AssertionError("no entry for table " + table);
  }

  private static String schema(String slug) {
    return "tenant_" + slug.replace('-', '_');
  }
}

package io.regulus.tenancy;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The stored exports, {@code platform.tenant_export}; each archive is a large object, written and
 * read as a stream.
 */
@ApplicationScoped
public class TenantExports {

  @PersistenceContext(unitName = "platform")
  private EntityManager em;

  @Resource(lookup = "jdbc/regulus")
  private DataSource dataSource;

  /** What an export wrote, to be recorded with its archive. */
  record Stored(
      long tenantId,
      String createdBy,
      String schemaVersion,
      long sizeBytes,
      String sha256,
      long archiveOid,
      Long suspensionVersion) {}

  /**
   * Records an export in the transaction of {@code connection}, which wrote its archive; its id.
   */
  long insert(Connection connection, Stored export) throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO platform.tenant_export (tenant_id, created_at, created_by, schema_version,"
                + " size_bytes, sha256, archive_oid, suspension_version)"
                + " VALUES (?, ?, ?, ?, ?, ?, CAST(? AS oid), ?) RETURNING id")) {
      insert.setLong(1, export.tenantId());
      insert.setTimestamp(2, Timestamp.from(Instant.now()));
      insert.setString(3, export.createdBy());
      insert.setString(4, export.schemaVersion());
      insert.setLong(5, export.sizeBytes());
      insert.setString(6, export.sha256());
      insert.setLong(7, export.archiveOid());
      insert.setObject(8, export.suspensionVersion(), java.sql.Types.BIGINT);
      try (ResultSet id = insert.executeQuery()) {
        id.next();
        return id.getLong(1);
      }
    }
  }

  public Optional<TenantExport> find(TenantSlug slug, long id) {
    return em.createQuery(
            "SELECT e FROM TenantExport e WHERE e.id = :id AND e.tenant.slug = :slug",
            TenantExport.class)
        .setParameter("id", id)
        .setParameter("slug", slug.value())
        .getResultStream()
        .findFirst();
  }

  public List<TenantExport> of(TenantSlug slug) {
    return em.createQuery(
            "SELECT e FROM TenantExport e WHERE e.tenant.slug = :slug ORDER BY e.createdAt DESC, e.id DESC",
            TenantExport.class)
        .setParameter("slug", slug.value())
        .getResultList();
  }

  /** Writes an export's archive to {@code out}, a slice at a time, in a read of its own. */
  void copy(long exportId, OutputStream out) throws IOException {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        long oid;
        long size;
        try (PreparedStatement find =
            connection.prepareStatement(
                "SELECT archive_oid, size_bytes FROM platform.tenant_export WHERE id = ?")) {
          find.setLong(1, exportId);
          try (ResultSet row = find.executeQuery()) {
            if (!row.next()) {
              throw new IllegalStateException("export " + exportId + " is gone");
            }
            oid = row.getLong(1);
            size = row.getLong(2);
          }
        }
        LargeObjects.copy(connection, oid, size, out);
        connection.commit();
      } catch (SQLException | IOException | RuntimeException e) {
        connection.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new IOException("could not read the archive of export " + exportId, e);
    }
  }
}

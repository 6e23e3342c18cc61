package io.regulus.tenancy;

import io.regulus.tenancy.archive.TenantArchive;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Exports an active or suspended tenant: its schema read in one snapshot and streamed as a {@link
 * TenantArchive} into a large object of the platform schema, recorded with its SHA-256 in the same
 * transaction, so an export exists whole or not at all, and outlives the tenant.
 *
 * <p>An export of a suspended tenant first waits until no transaction that entered the tenant
 * before the suspension is running, on any node ({@code platform.await_tenant_transactions}; no
 * transaction enters a suspended tenant: {@link TenantBinding}). If the registration is still the
 * same in its snapshot (the tenant was not resumed meanwhile), the export holds every change the
 * tenant will have while it stays suspended, and it is recorded as an export of that suspension:
 * the only kind delete accepts.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class TenantExporter {

  private static final Logger LOG = Logger.getLogger(TenantExporter.class.getName());

  @EJB private TenantRegistry registry;
  @Inject private TenantExports exports;

  @Resource(lookup = "jdbc/regulus")
  private DataSource dataSource;

  public TenantExport export(TenantSlug slug, String createdBy) {
    Tenant tenant = registry.require(slug);
    if (!tenant.status().exportable()) {
      throw new TenantStatusException(slug, tenant.status(), TenantStatus.ACTIVE, "export");
    }
    long began = System.nanoTime();
    long id;
    try (Connection connection = dataSource.getConnection()) {
      if (tenant.status() == TenantStatus.SUSPENDED) {
        awaitTransactionsOf(connection, tenant);
      }
      connection.setAutoCommit(false);
      try {
        id = write(connection, tenant, createdBy);
        connection.commit();
      } catch (SQLException | IOException | RuntimeException e) {
        connection.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("export of tenant " + slug + " failed", e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    TenantExport export = registry.export(slug, id);
    LOG.info(
        () ->
            "tenant "
                + slug
                + " exported: export "
                + id
                + ", "
                + export.sizeBytes()
                + " bytes in "
                + (System.nanoTime() - began) / 1_000_000
                + " ms");
    return export;
  }

  private static void awaitTransactionsOf(Connection connection, Tenant tenant)
      throws SQLException {
    try (PreparedStatement await =
        connection.prepareStatement("SELECT platform.await_tenant_transactions(?)")) {
      await.setLong(1, tenant.id());
      await.execute();
    }
  }

  /** Reads the tenant in one snapshot into a new large object; the export's id. */
  private long write(Connection connection, Tenant before, String createdBy)
      throws SQLException, IOException {
    // in SQL, not through the JDBC setters: the pooled connection keeps its configured defaults
    try (PreparedStatement snapshot =
        connection.prepareStatement("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")) {
      snapshot.execute();
    }
    Long suspensionVersion = null;
    try (PreparedStatement registration =
        connection.prepareStatement("SELECT status, version FROM platform.tenant WHERE id = ?")) {
      registration.setLong(1, before.id());
      try (ResultSet row = registration.executeQuery()) {
        row.next();
        if (before.status() == TenantStatus.SUSPENDED
            && TenantStatus.SUSPENDED.name().equals(row.getString(1))
            && row.getLong(2) == before.version()) {
          suspensionVersion = before.version();
        }
      }
    }
    long oid = LargeObjects.create(connection);
    MessageDigest sha256 = sha256();
    Counting counted = new Counting(LargeObjects.writer(connection, oid));
    String version;
    try (OutputStream out = new DigestOutputStream(counted, sha256)) {
      version =
          TenantArchive.write(
              connection, before.schemaNameForMaintenance(), before.slug().value(), out);
    }
    return exports.insert(
        connection,
        new TenantExports.Stored(
            before.id(),
            createdBy,
            version,
            counted.count,
            HexFormat.of().formatHex(sha256.digest()),
            oid,
            suspensionVersion));
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Counts the bytes that pass. */
  private static final class Counting extends java.io.FilterOutputStream {
    private long count;

    Counting(OutputStream out) {
      super(out);
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      count++;
    }

    @Override
    public void write(byte[] bytes, int from, int length) throws IOException {
      out.write(bytes, from, length);
      count += length;
    }
  }
}

package io.regulus.evidence;

import io.regulus.action.ActionHistory;
import io.regulus.scoring.TestStatus;
import io.regulus.tenancy.ActiveTenant;
import io.regulus.tenancy.TenantBinding;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Evidence rows in a tenant's schema. A file goes in as a stream of known length over the
 * transaction's own JDBC connection (the one the tenant is bound on), and comes out in slices, so
 * neither way holds it whole in memory.
 */
@ApplicationScoped
public class EvidenceRepository {

  private static final String SELECT =
      "SELECT id, instance_id, kind, title, file_name, media_type, size_bytes, sha256, url, valid_from, valid_until,"
          + " uploaded_by, uploaded_by_name, uploaded_at, coalesce(valid_until < current_date, false) FROM evidence";

  @PersistenceContext(unitName = "tenant")
  private EntityManager em;

  @Inject private TenantBinding binding;

  /**
   * The instance's parent (when it follows one) and effective test status; empty when there is no
   * instance.
   */
  Optional<EvidenceHolder> holder(ActiveTenant tenant, long instanceId) {
    binding.bind(em, tenant);
    List<?> rows =
        em.createNativeQuery(
                "SELECT e.parent_instance_id, pa.action_key, pa.title, pg.name, e.test_status"
                    + " FROM action_instance_effective e"
                    + " LEFT JOIN action_instance p ON p.id = e.parent_instance_id"
                    + " LEFT JOIN action pa ON pa.id = p.action_id"
                    + " LEFT JOIN assessment_group pg ON pg.id = p.group_id"
                    + " WHERE e.id = ?1")
            .setParameter(1, instanceId)
            .getResultList();
    return rows.stream()
        .map(Object[].class::cast)
        .findFirst()
        .map(
            row ->
                new EvidenceHolder(
                    instanceId,
                    row[0] == null ? null : ((Number) row[0]).longValue(),
                    (String) row[1],
                    (String) row[2],
                    (String) row[3],
                    TestStatus.valueOf((String) row[4])));
  }

  /** The instance's evidence, oldest first. */
  List<Evidence> list(ActiveTenant tenant, long instanceId) {
    binding.bind(em, tenant);
    return rows(
        em.createNativeQuery(SELECT + " WHERE instance_id = ?1 ORDER BY uploaded_at, id")
            .setParameter(1, instanceId)
            .getResultList());
  }

  /** How many pieces of evidence the instance holds. */
  long count(ActiveTenant tenant, long instanceId) {
    binding.bind(em, tenant);
    return ((Number)
            em.createNativeQuery("SELECT count(*) FROM evidence WHERE instance_id = ?1")
                .setParameter(1, instanceId)
                .getSingleResult())
        .longValue();
  }

  Optional<Evidence> find(ActiveTenant tenant, long instanceId, long evidenceId) {
    binding.bind(em, tenant);
    return rows(
            em.createNativeQuery(SELECT + " WHERE id = ?1 AND instance_id = ?2")
                .setParameter(1, evidenceId)
                .setParameter(2, instanceId)
                .getResultList())
        .stream()
        .findFirst();
  }

  /** Inserts a file, streaming its content from the temporary upload; its id. */
  long insertFile(
      ActiveTenant tenant,
      long instanceId,
      UploadedFile file,
      String mediaType,
      EvidenceDetails details,
      ActionHistory.Who uploader) {
    binding.bind(em, tenant);
    Connection connection = em.unwrap(Connection.class);
    try (PreparedStatement insert =
            connection.prepareStatement(
                "INSERT INTO evidence (instance_id, kind, title, file_name, media_type, size_bytes, sha256, content,"
                    + " valid_from, valid_until, uploaded_by, uploaded_by_name, uploaded_at)"
                    + " VALUES (?, 'FILE', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now()) RETURNING id");
        InputStream content = Files.newInputStream(file.path())) {
      insert.setLong(1, instanceId);
      insert.setString(2, details.title());
      insert.setString(3, file.fileName());
      insert.setString(4, mediaType);
      insert.setLong(5, file.size());
      insert.setString(6, file.sha256());
      insert.setBinaryStream(7, content, file.size());
      insert.setObject(8, details.validFrom());
      insert.setObject(9, details.validUntil());
      insert.setString(10, uploader.id());
      insert.setString(11, uploader.name());
      try (ResultSet key = insert.executeQuery()) {
        key.next();
        return key.getLong(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("could not store evidence file of instance " + instanceId, e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  long insertLink(
      ActiveTenant tenant,
      long instanceId,
      String url,
      EvidenceDetails details,
      ActionHistory.Who uploader) {
    binding.bind(em, tenant);
    return ((Number)
            em.createNativeQuery(
                    "INSERT INTO evidence (instance_id, kind, title, url, valid_from, valid_until, uploaded_by,"
                        + " uploaded_by_name, uploaded_at) VALUES (?1, 'LINK', ?2, ?3, CAST(?4 AS date), CAST(?5 AS date), ?6,"
                        + " ?7, now()) RETURNING id")
                .setParameter(1, instanceId)
                .setParameter(2, details.title())
                .setParameter(3, url)
                .setParameter(4, details.validFrom())
                .setParameter(5, details.validUntil())
                .setParameter(6, uploader.id())
                .setParameter(7, uploader.name())
                .getSingleResult())
        .longValue();
  }

  void delete(ActiveTenant tenant, long evidenceId) {
    binding.bind(em, tenant);
    em.createNativeQuery("DELETE FROM evidence WHERE id = ?1")
        .setParameter(1, evidenceId)
        .executeUpdate();
  }

  /** Up to {@code length} bytes of a file from {@code offset}; empty when the file is gone. */
  Optional<byte[]> slice(
      ActiveTenant tenant, long instanceId, long evidenceId, int offset, int length) {
    binding.bind(em, tenant);
    List<?> rows =
        em.createNativeQuery(
                "SELECT substring(content FROM CAST(?1 AS integer) + 1 FOR CAST(?2 AS integer)) FROM evidence"
                    + " WHERE id = ?3 AND instance_id = ?4 AND kind = 'FILE'")
            .setParameter(1, offset)
            .setParameter(2, length)
            .setParameter(3, evidenceId)
            .setParameter(4, instanceId)
            .getResultList();
    return rows.stream().findFirst().map(byte[].class::cast);
  }

  private static List<Evidence> rows(List<?> rows) {
    return rows.stream()
        .map(Object[].class::cast)
        .map(
            row ->
                new Evidence(
                    ((Number) row[0]).longValue(),
                    ((Number) row[1]).longValue(),
                    EvidenceKind.valueOf((String) row[2]),
                    (String) row[3],
                    (String) row[4],
                    (String) row[5],
                    row[6] == null ? null : ((Number) row[6]).longValue(),
                    row[7] == null ? null : ((String) row[7]).strip(),
                    (String) row[8],
                    date(row[9]),
                    date(row[10]),
                    (String) row[11],
                    (String) row[12],
                    ((Timestamp) row[13]).toInstant(),
                    (Boolean) row[14]))
        .toList();
  }

  private static LocalDate date(Object value) {
    return value == null ? null : ((Date) value).toLocalDate();
  }
}

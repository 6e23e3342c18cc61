package io.regulus.tenancy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The stored exports, {@code platform.tenant_export}; archives are read only when downloaded. */
@ApplicationScoped
public class TenantExports {

  @PersistenceContext(unitName = "platform")
  private EntityManager em;

  public long store(
      Tenant tenant, String createdBy, String schemaVersion, byte[] archive, String sha256) {
    Number id =
        (Number)
            em.createNativeQuery(
                    "INSERT INTO platform.tenant_export"
                        + " (tenant_id, created_at, created_by, schema_version, size_bytes, sha256, archive)"
                        + " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) RETURNING id")
                .setParameter(1, tenant.id())
                .setParameter(2, java.sql.Timestamp.from(Instant.now()))
                .setParameter(3, createdBy)
                .setParameter(4, schemaVersion)
                .setParameter(5, (long) archive.length)
                .setParameter(6, sha256)
                .setParameter(7, archive)
                .getSingleResult();
    return id.longValue();
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

  public byte[] archive(long id) {
    return (byte[])
        em.createNativeQuery("SELECT archive FROM platform.tenant_export WHERE id = ?1")
            .setParameter(1, id)
            .getSingleResult();
  }
}

package io.regulus.tenancy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The tenant registry table, {@code platform.tenant}. The only class here that touches the
 * EntityManager.
 */
@ApplicationScoped
public class TenantRepository {

  @PersistenceContext(unitName = "platform")
  private EntityManager em;

  public Optional<Tenant> find(TenantSlug slug) {
    // the firm comes in the same query: the access filter reads both on every tenant request
    return em.createQuery(
            "SELECT t FROM Tenant t LEFT JOIN FETCH t.firm WHERE t.slug = :slug", Tenant.class)
        .setParameter("slug", slug.value())
        .getResultStream()
        .findFirst();
  }

  /**
   * Locks the tenant's row for the rest of the transaction ({@code FOR NO KEY UPDATE}: it queues
   * other membership changes and registry updates of this tenant, not plain reads or the rows that
   * refer to it); false when no such tenant.
   */
  public boolean lockForMembers(TenantSlug slug) {
    return !em.createNativeQuery("SELECT id FROM platform.tenant WHERE slug = ?1 FOR NO KEY UPDATE")
        .setParameter(1, slug.value())
        .getResultList()
        .isEmpty();
  }

  public List<Tenant> all() {
    return em.createQuery("SELECT t FROM Tenant t ORDER BY t.slug", Tenant.class).getResultList();
  }

  public List<Tenant> withStatus(TenantStatus status) {
    return em.createQuery(
            "SELECT t FROM Tenant t WHERE t.status = :status ORDER BY t.slug", Tenant.class)
        .setParameter("status", status)
        .getResultList();
  }

  public List<Tenant> clientsOf(Firm firm) {
    return em.createQuery(
            "SELECT t FROM Tenant t WHERE t.firm = :firm AND t.status <> :deleted ORDER BY t.slug",
            Tenant.class)
        .setParameter("firm", firm)
        .setParameter("deleted", TenantStatus.DELETED)
        .getResultList();
  }

  /** Removes the registration of a tenant that never became active (an import that failed). */
  public void unregisterProvisioning(TenantSlug slug) {
    em.createNativeQuery("DELETE FROM platform.tenant WHERE slug = ?1 AND status = 'PROVISIONING'")
        .setParameter(1, slug.value())
        .executeUpdate();
  }

  /**
   * Registers the slug as PROVISIONING unless it is registered already; safe when two requests race
   * for the same slug (the unique keys decide, nothing fails). Returns true when this call
   * registered it. The conflict names no key: the schema name is unique too, and is derived from
   * the slug, so the losing insert of a race may meet the winner on either index first (with {@code
   * ON CONFLICT (slug)} it then failed on the schema name's, a 500).
   */
  public boolean register(TenantSlug slug, String displayName, Firm firm) {
    int inserted =
        em.createNativeQuery(
                "INSERT INTO platform.tenant (slug, schema_name, display_name, status, created_at, version, firm_id)"
                    + " VALUES (?1, ?2, ?3, 'PROVISIONING', ?4, 0, CAST(?5 AS bigint)) ON CONFLICT DO NOTHING")
            .setParameter(1, slug.value())
            .setParameter(2, slug.schemaName())
            .setParameter(3, displayName)
            .setParameter(4, java.sql.Timestamp.from(Instant.now()))
            .setParameter(5, firm == null ? null : firm.id())
            .executeUpdate();
    return inserted == 1;
  }
}

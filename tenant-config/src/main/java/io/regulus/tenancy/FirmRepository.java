package io.regulus.tenancy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The firm table, {@code platform.firm}. */
@ApplicationScoped
public class FirmRepository {

  @PersistenceContext(unitName = "platform")
  private EntityManager em;

  public Optional<Firm> find(FirmSlug slug) {
    return em.createQuery("SELECT f FROM Firm f WHERE f.slug = :slug", Firm.class)
        .setParameter("slug", slug.value())
        .getResultStream()
        .findFirst();
  }

  public List<Firm> all() {
    return em.createQuery("SELECT f FROM Firm f ORDER BY f.slug", Firm.class).getResultList();
  }

  /**
   * Registers the firm unless the slug is taken; true when this call created it (races decide by
   * the key).
   */
  public boolean register(FirmSlug slug, String displayName) {
    return em.createNativeQuery(
                "INSERT INTO platform.firm (slug, display_name, created_at, version) VALUES (?1, ?2, ?3, 0)"
                    + " ON CONFLICT (slug) DO NOTHING")
            .setParameter(1, slug.value())
            .setParameter(2, displayName)
            .setParameter(3, java.sql.Timestamp.from(Instant.now()))
            .executeUpdate()
        == 1;
  }
}

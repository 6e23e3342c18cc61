package io.regulus.assessment;

import io.regulus.tenancy.ActiveTenant;
import io.regulus.tenancy.TenantBinding;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/**
 * Assessment groups in a tenant's schema. Every method binds the transaction to the tenant first.
 */
@ApplicationScoped
public class AssessmentGroupRepository {

  @PersistenceContext(unitName = "tenant")
  private EntityManager em;

  @Inject private TenantBinding binding;

  public List<AssessmentGroup> all(ActiveTenant tenant) {
    binding.bind(em, tenant);
    return em.createQuery(
            "SELECT g FROM AssessmentGroup g ORDER BY g.name, g.id", AssessmentGroup.class)
        .getResultList();
  }

  public Optional<AssessmentGroup> find(ActiveTenant tenant, long id) {
    binding.bind(em, tenant);
    return Optional.ofNullable(em.find(AssessmentGroup.class, id));
  }

  public boolean nameTaken(ActiveTenant tenant, String name) {
    binding.bind(em, tenant);
    return !em.createQuery(
            "SELECT g.id FROM AssessmentGroup g WHERE LOWER(g.name) = LOWER(:name)", Long.class)
        .setParameter("name", name)
        .setMaxResults(1)
        .getResultList()
        .isEmpty();
  }

  public AssessmentGroup add(ActiveTenant tenant, AssessmentGroup group) {
    binding.bind(em, tenant);
    em.persist(group);
    em.flush();
    return group;
  }
}

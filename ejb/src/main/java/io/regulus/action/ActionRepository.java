package io.regulus.action;

import io.regulus.scoring.ActionType;
import io.regulus.scoring.ImplementationStatus;
import io.regulus.scoring.TestStatus;
import io.regulus.tenancy.ActiveTenant;
import io.regulus.tenancy.TenantBinding;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/** Action instances and their history in a tenant's schema. */
@ApplicationScoped
public class ActionRepository {

  private static final String SELECT =
      "SELECT i.id, a.action_key, a.title, a.action_type, a.points, a.category, a.solution, a.origin, i.group_id,"
          + " g.name, i.implementation_status, i.implementation_date, i.test_status, i.passed_fraction, i.notes,"
          + " i.updated_at, i.updated_by, i.version FROM action_instance i JOIN action a ON a.id = i.action_id"
          + " LEFT JOIN assessment_group g ON g.id = i.group_id";

  @PersistenceContext(unitName = "tenant")
  private EntityManager em;

  @Inject private TenantBinding binding;
  @Inject private ActionHistory history;

  public List<ActionInstance> all(ActiveTenant tenant) {
    binding.bind(em, tenant);
    return rows(em.createNativeQuery(SELECT + " ORDER BY a.points DESC, a.action_key, g.name").getResultList());
  }

  public Optional<ActionInstance> find(ActiveTenant tenant, long id, boolean forUpdate) {
    binding.bind(em, tenant);
    return rows(em.createNativeQuery(SELECT + " WHERE i.id = ?1" + (forUpdate ? " FOR UPDATE OF i" : ""))
        .setParameter(1, id)
        .getResultList()).stream().findFirst();
  }

  /** Writes the new statuses and one history row per changed field, and moves the version on. */
  public void update(ActiveTenant tenant, ActionInstance before, ActionInstance after, ActionHistory.Who who) {
    binding.bind(em, tenant);
    em.createNativeQuery(
            "UPDATE action_instance SET implementation_status = ?2, implementation_date = CAST(?3 AS date),"
                + " test_status = ?4, passed_fraction = CAST(?5 AS numeric), notes = ?6, updated_at = now(),"
                + " updated_by = ?7, version = version + 1"
                + " WHERE id = ?1")
        .setParameter(1, before.id())
        .setParameter(2, after.implementationStatus().name())
        .setParameter(3, after.implementationDate())
        .setParameter(4, after.testStatus().name())
        .setParameter(5, after.passedFraction())
        .setParameter(6, after.notes())
        .setParameter(7, who.id())
        .executeUpdate();
    history.record(tenant, before, "implementationStatus", before.implementationStatus(), after.implementationStatus(),
        who);
    history.record(tenant, before, "implementationDate", before.implementationDate(), after.implementationDate(), who);
    history.record(tenant, before, "testStatus", before.testStatus(), after.testStatus(), who);
    history.record(tenant, before, "passedFraction", before.passedFraction(), after.passedFraction(), who);
    history.record(tenant, before, "notes", before.notes(), after.notes(), who);
  }

  private static List<ActionInstance> rows(List<?> rows) {
    return rows.stream().map(Object[].class::cast).map(row -> new ActionInstance(
        ((Number) row[0]).longValue(), (String) row[1], (String) row[2], ActionType.valueOf((String) row[3]),
        ((Number) row[4]).intValue(), (String) row[5], (String) row[6], (String) row[7],
        row[8] == null ? null : ((Number) row[8]).longValue(), (String) row[9],
        ImplementationStatus.valueOf((String) row[10]),
        row[11] == null ? null : ((java.sql.Date) row[11]).toLocalDate(), TestStatus.valueOf((String) row[12]),
        (BigDecimal) row[13], (String) row[14], ((java.sql.Timestamp) row[15]).toInstant(), (String) row[16],
        ((Number) row[17]).longValue()))
        .toList();
  }
}

package io.regulus.action;

import io.regulus.tenancy.ActiveTenant;
import io.regulus.tenancy.TenantBinding;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Keeps a tenant's action instances equal to what its assessments need (the view
 * action_instance_needed holds the rule): adds the missing ones and removes those no assessment
 * references any more, recording both in the history, and brings each one's links up to date (view
 * action_instance_links): the parent instance it follows and the regulations, assessments and
 * groups that need it. Callers hold the assessment lock ({@link #lockAssessments}) so two changes
 * never race.
 */
@ApplicationScoped
public class ActionInstances {

  @PersistenceContext(unitName = "tenant")
  private EntityManager em;

  @Inject private TenantBinding binding;

  /**
   * Serialises the changes of a tenant's assessments, while status updates of instances wait their
   * turn.
   */
  public void lockAssessments(ActiveTenant tenant) {
    binding.bind(em, tenant);
    em.createNativeQuery("LOCK TABLE action_instance IN SHARE ROW EXCLUSIVE MODE").executeUpdate();
  }

  /** The number of instances added and removed. */
  public record Reconciled(int added, int removed) {}

  public Reconciled reconcile(ActiveTenant tenant, String who) {
    binding.bind(em, tenant);
    int added =
        em.createNativeQuery(
                "WITH added AS ("
                    + " INSERT INTO action_instance (action_id, group_id, updated_by)"
                    + " SELECT n.action_id, n.group_id, ?1 FROM action_instance_needed n WHERE NOT EXISTS ("
                    + "  SELECT 1 FROM action_instance i WHERE i.action_id = n.action_id"
                    + "  AND i.group_id IS NOT DISTINCT FROM n.group_id)"
                    + " RETURNING id, action_id, group_id)"
                    + " INSERT INTO action_history (instance_id, action_key, group_id, field, old_value, new_value,"
                    + " changed_by, changed_at)"
                    + " SELECT added.id, a.action_key, added.group_id, 'instance', NULL, 'created', ?1, now()"
                    + " FROM added JOIN action a ON a.id = added.action_id")
            .setParameter(1, who)
            .executeUpdate();
    int removed =
        em.createNativeQuery(
                "WITH gone AS ("
                    + " DELETE FROM action_instance i WHERE NOT EXISTS ("
                    + "  SELECT 1 FROM action_instance_needed n WHERE n.action_id = i.action_id"
                    + "  AND n.group_id IS NOT DISTINCT FROM i.group_id)"
                    + " RETURNING i.id, i.action_id, i.group_id, i.implementation_status, i.test_status)"
                    + " INSERT INTO action_history (instance_id, action_key, group_id, field, old_value, new_value,"
                    + " changed_by, changed_at)"
                    + " SELECT gone.id, a.action_key, gone.group_id, 'instance',"
                    + " gone.implementation_status || ' / ' || gone.test_status, 'removed', ?1, now()"
                    + " FROM gone JOIN action a ON a.id = gone.action_id")
            .setParameter(1, who)
            .executeUpdate();
    em.createNativeQuery(
            "UPDATE action_instance i SET parent_instance_id = l.parent_instance_id,"
                + " needed_by_regulations = l.regulations, needed_by_assessments = l.assessments,"
                + " needed_by_groups = l.groups FROM action_instance_links l WHERE l.id = i.id"
                + " AND (i.parent_instance_id, i.needed_by_regulations, i.needed_by_assessments, i.needed_by_groups)"
                + " IS DISTINCT FROM (l.parent_instance_id, l.regulations, l.assessments, l.groups)")
        .executeUpdate();
    return new Reconciled(added, removed);
  }
}

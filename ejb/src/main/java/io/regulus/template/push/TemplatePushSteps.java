package io.regulus.template.push;

import io.regulus.access.AccessControl;
import io.regulus.access.Caller;
import io.regulus.access.Guarded;
import io.regulus.access.Permission;
import io.regulus.access.Requires;
import io.regulus.access.TenantCaller;
import io.regulus.problem.DomainException;
import io.regulus.problem.ProblemKind;
import io.regulus.tenancy.TenantBinding;
import io.regulus.tenancy.TenantSlug;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.logging.Logger;

/**
 * The steps of the {@code template-push} job, run by its system caller: the push's clients (one
 * partition each), each client's delivery in a transaction of its own, a failure recorded apart,
 * and the push's status when the job ends.
 */
@Stateless
@Guarded
public class TemplatePushSteps {

  private static final Logger LOG = Logger.getLogger(TemplatePushSteps.class.getName());

  @PersistenceContext(unitName = "tenant")
  private EntityManager em;

  @Inject private TemplatePushes pushes;
  @Inject private AccessControl access;
  @Inject private TenantBinding binding;

  /** The push's client tenants, in its order. */
  @Requires(Permission.RUN_TEMPLATE_PUSHES)
  public List<String> clients(Caller caller, long push) {
    return pushes.slugs(push);
  }

  /**
   * Gives one client the pushed version: enters the tenant (refused when it is not active), checks
   * that it is still the firm's client and has no template of its own under the key, then records
   * the grant and the client's outcome DONE together. A client already done is left alone.
   */
  @Requires(Permission.RUN_TEMPLATE_PUSHES)
  public void deliver(Caller caller, long push, String tenant) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT c.outcome, c.tenant_id, p.template_id, p.version_id, p.created_by,"
                    + " t.firm_id IS NOT DISTINCT FROM p.firm_id, tp.template_key"
                    + " FROM platform.template_push_client c"
                    + " JOIN platform.template_push p ON p.id = c.push_id"
                    + " JOIN platform.tenant t ON t.id = c.tenant_id"
                    + " JOIN platform.template tp ON tp.id = p.template_id"
                    + " WHERE c.push_id = ?1 AND t.slug = ?2 FOR UPDATE OF c")
            .setParameter(1, push)
            .setParameter(2, tenant)
            .getResultList();
    if (rows.isEmpty()) {
      throw new IllegalStateException("push " + push + " names no client " + tenant);
    }
    Object[] row = rows.get(0);
    if ("DONE".equals(row[0])) {
      return;
    }
    if (!Boolean.TRUE.equals(row[5])) {
      throw new DomainException(
          ProblemKind.FORBIDDEN,
          "Tenant '"
              + tenant
              + "' is no longer a client of the firm: it gets none of its templates.");
    }
    TenantCaller entered = access.enterTenant(caller, new TenantSlug(tenant));
    binding.bind(em, entered.tenant());
    String key = (String) row[6];
    if (!em.createNativeQuery("SELECT 1 FROM private_template WHERE template_key = ?1")
        .setParameter(1, key)
        .getResultList()
        .isEmpty()) {
      throw new DomainException(
          ProblemKind.CONFLICT,
          "Tenant '"
              + tenant
              + "' has a private template of its own under the key '"
              + key
              + "', so it cannot take the firm's: rename one of them, then retry.");
    }
    em.createNativeQuery(
            "INSERT INTO platform.template_grant (template_id, tenant_id, version_id, pushed_at,"
                + " pushed_by) VALUES (?1, ?2, ?3, now(), ?4) ON CONFLICT (template_id, tenant_id)"
                + " DO UPDATE SET version_id = EXCLUDED.version_id, pushed_at = EXCLUDED.pushed_at,"
                + " pushed_by = EXCLUDED.pushed_by")
        .setParameter(1, row[2])
        .setParameter(2, row[1])
        .setParameter(3, row[3])
        .setParameter(4, row[4])
        .executeUpdate();
    em.createNativeQuery(
            "UPDATE platform.template_push_client SET outcome = 'DONE', reason = NULL,"
                + " finished_at = clock_timestamp() WHERE push_id = ?1 AND tenant_id = ?2")
        .setParameter(1, push)
        .setParameter(2, row[1])
        .executeUpdate();
    LOG.info(() -> "template push " + push + ": " + key + " delivered to " + tenant);
  }

  /** Records why a client's delivery failed (it was rolled back). */
  @Requires(Permission.RUN_TEMPLATE_PUSHES)
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public void failed(Caller caller, long push, String tenant, String reason) {
    pushes.failed(push, tenant, reason);
    LOG.info(() -> "template push " + push + ": " + tenant + " failed: " + reason);
  }

  /** The push's status once its job ended. */
  @Requires(Permission.RUN_TEMPLATE_PUSHES)
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public void ended(Caller caller, long push) {
    pushes.ended(push);
  }
}

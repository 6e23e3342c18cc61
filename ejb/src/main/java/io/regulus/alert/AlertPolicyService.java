package io.regulus.alert;

import io.regulus.access.Guarded;
import io.regulus.access.Permission;
import io.regulus.access.Requires;
import io.regulus.access.TenantCaller;
import io.regulus.tenancy.ActiveTenant;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;

/**
 * A tenant's alert policies: every member reads them; admins create, change (enable, disable) and
 * delete them. A policy is checked whole by {@link PolicyRules}; its scope names only the tenant's
 * own assessment or action (another's is not found, as everywhere). Deleting a policy leaves its
 * alerts, under its name.
 */
@Stateless
@Guarded
public class AlertPolicyService {

  private static final Logger LOG = Logger.getLogger(AlertPolicyService.class.getName());

  @Inject private AlertPolicyRepository policies;

  @Requires(Permission.READ_TENANT)
  public List<AlertPolicy> list(TenantCaller caller) {
    return policies.all(caller.tenant());
  }

  @Requires(Permission.READ_TENANT)
  public AlertPolicy get(TenantCaller caller, long id) {
    return find(caller.tenant(), id);
  }

  @Requires(Permission.MANAGE_ALERT_POLICIES)
  public AlertPolicy create(TenantCaller caller, PolicyDraft draft) {
    ActiveTenant tenant = caller.tenant();
    AlertPolicy checked = PolicyRules.check(0, draft, Instant.now(), caller.id());
    requireOwnScope(tenant, checked.scope());
    long id = policies.insert(tenant, checked);
    LOG.info(
        () -> "alert policy " + id + " created in tenant " + tenant.slug() + " by " + caller.id());
    return find(tenant, id);
  }

  /** Writes the draft over the policy (enabling or disabling it is such a change). */
  @Requires(Permission.MANAGE_ALERT_POLICIES)
  public AlertPolicy update(TenantCaller caller, long id, PolicyDraft draft) {
    ActiveTenant tenant = caller.tenant();
    find(tenant, id);
    AlertPolicy checked = PolicyRules.check(id, draft, Instant.now(), caller.id());
    requireOwnScope(tenant, checked.scope());
    policies.update(tenant, checked);
    LOG.info(
        () -> "alert policy " + id + " changed in tenant " + tenant.slug() + " by " + caller.id());
    return find(tenant, id);
  }

  @Requires(Permission.MANAGE_ALERT_POLICIES)
  public void delete(TenantCaller caller, long id) {
    ActiveTenant tenant = caller.tenant();
    if (!policies.delete(tenant, id)) {
      throw new AlertNotFoundException("alert policy", id, null);
    }
    LOG.info(
        () -> "alert policy " + id + " deleted in tenant " + tenant.slug() + " by " + caller.id());
  }

  private AlertPolicy find(ActiveTenant tenant, long id) {
    return policies
        .find(tenant, id)
        .orElseThrow(() -> new AlertNotFoundException("alert policy", id, null));
  }

  private void requireOwnScope(ActiveTenant tenant, PolicyScope scope) {
    if (scope.kind() == PolicyScope.Kind.ASSESSMENT
        && !policies.assessmentExists(tenant, scope.assessmentId())) {
      throw new AlertNotFoundException("assessment", scope.assessmentId(), "assessmentId");
    }
    if (scope.kind() == PolicyScope.Kind.ACTION
        && !policies.actionExists(tenant, scope.actionId())) {
      throw new AlertNotFoundException("improvement action", scope.actionId(), "actionId");
    }
  }
}

package io.regulus.tenancy;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Binds the current transaction to one tenant schema through the database's {@code
 * platform.enter_tenant} ({@link #ENTER}): it takes the tenant's lock in shared mode until the
 * transaction ends, reads the tenant's status afresh and sets the search_path with {@code SET
 * LOCAL} only when the tenant is ACTIVE, so it ends with the transaction and never leaks to the
 * next user of the pooled connection. A tenant suspended on another node a moment ago is refused
 * here even when this node's cached registry still says ACTIVE, and an export of a suspended tenant
 * waits for every transaction that entered before (docs/lifecycle.md). Connections start with a
 * search_path that names no schema (server.xml), so unbound tenant SQL fails instead of reaching
 * another tenant. Binding one transaction to a second tenant is refused.
 */
@ApplicationScoped
public class TenantBinding {

  /** The statement that enters a tenant schema; its result is the tenant's status. */
  public static final String ENTER = "SELECT platform.enter_tenant(?)";

  private static final String KEY = TenantBinding.class.getName();

  @Resource private TransactionSynchronizationRegistry transactions;

  public void bind(EntityManager em, ActiveTenant tenant) {
    if (transactions.getTransactionKey() == null) {
      throw new IllegalStateException("tenant data is only reached inside a transaction");
    }
    Object bound = transactions.getResource(KEY);
    if (bound == null) {
      Object status =
          em.createNativeQuery(ENTER.replace("?", "?1"))
              .setParameter(1, tenant.schemaName())
              .getSingleResult();
      if (!TenantStatus.ACTIVE.name().equals(status)) {
        throw status == null || TenantStatus.DELETED.name().equals(status)
            ? new TenantNotFoundException(tenant.slug())
            : new TenantSuspendedException(tenant.slug());
      }
      transactions.putResource(KEY, tenant.schemaName());
    } else if (!bound.equals(tenant.schemaName())) {
      throw new IllegalStateException("this transaction is already bound to another tenant");
    }
  }
}

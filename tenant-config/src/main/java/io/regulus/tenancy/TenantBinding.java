package io.regulus.tenancy;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Binds the current transaction to one tenant schema: {@code set_config('search_path', schema,
 * true)} is {@code SET LOCAL}, so it ends with the transaction and never leaks to the next user of
 * the pooled connection. Connections start with a search_path that names no schema (server.xml), so
 * unbound tenant SQL fails instead of reaching another tenant. Binding one transaction to a second
 * tenant is refused.
 */
@ApplicationScoped
public class TenantBinding {

  private static final String KEY = TenantBinding.class.getName();

  @Resource private TransactionSynchronizationRegistry transactions;

  public void bind(EntityManager em, ActiveTenant tenant) {
    if (transactions.getTransactionKey() == null) {
      throw new IllegalStateException("tenant data is only reached inside a transaction");
    }
    Object bound = transactions.getResource(KEY);
    if (bound == null) {
      em.createNativeQuery("SELECT set_config('search_path', ?1, true)")
          .setParameter(1, tenant.schemaName())
          .getSingleResult();
      transactions.putResource(KEY, tenant.schemaName());
    } else if (!bound.equals(tenant.schemaName())) {
      throw new IllegalStateException("this transaction is already bound to another tenant");
    }
  }
}

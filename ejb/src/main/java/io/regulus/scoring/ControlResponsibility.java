package io.regulus.scoring;

import java.util.Collection;

/**
 * Who answers for a control, derived from its actions (PRODUCT.md, Concepts): the provider when
 * every action is provider-managed, the customer when every action is customer-managed, both
 * (shared) when it holds one of each. A control without actions is the customer's.
 */
public enum ControlResponsibility {
  CUSTOMER,
  PROVIDER,
  SHARED;

  public static ControlResponsibility of(Collection<ManagedBy> actions) {
    boolean provider = actions.contains(ManagedBy.PROVIDER);
    boolean customer = actions.contains(ManagedBy.CUSTOMER);
    if (provider && customer) {
      return SHARED;
    }
    return provider ? PROVIDER : CUSTOMER;
  }
}

package io.regulus.scoring;

/**
 * Who does an improvement action: the client (customer) or the service provider it relies on
 * (counts as achieved). It is the action's own, fixed when the action enters the tenant's
 * catalogue: which assessments map the action never changes it.
 */
public enum ManagedBy {
  CUSTOMER,
  PROVIDER
}

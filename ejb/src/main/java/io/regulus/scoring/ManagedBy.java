package io.regulus.scoring;

/**
 * Who does an action: the client (customer) or the service provider it relies on (counts as
 * achieved).
 */
public enum ManagedBy {
  CUSTOMER,
  PROVIDER
}

package io.regulus.action;

/**
 * Where an action comes from: the global template library, shared by every tenant, or the tenant's
 * own templates. Stored by name in {@code action.origin}, and shown by name in the API.
 */
public enum ActionOrigin {
  LIBRARY,
  TENANT
}

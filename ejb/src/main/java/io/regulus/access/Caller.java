package io.regulus.access;

import io.regulus.audit.Actor;

/**
 * Who is calling a domain operation: a {@link User} signed in through Keycloak (API token or
 * browser session), or a {@link SystemCaller} (a job or a machine client) that holds only the
 * permissions its work needs. History and the audit log record every change under the caller's
 * {@link #id()} and {@link #name()}; nothing runs as nobody.
 */
public sealed interface Caller permits User, SystemCaller {

  /** The stable id recorded with every change: Keycloak's user id, or the system caller's name. */
  String id();

  /** The name shown beside the id: the username, or the system caller's name. */
  String name();

  /** The caller as the audit log records them. */
  default Actor actor() {
    return new Actor(id(), name());
  }
}

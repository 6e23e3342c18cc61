package io.regulus.audit;

import java.util.Locale;

/** What an audit event records. */
public enum AuditAction {
  FIRM_CREATED,
  TENANT_PROVISIONED,
  TENANT_SUSPENDED,
  TENANT_RESUMED,
  TENANT_EXPORTED,
  TENANT_IMPORTED,
  TENANT_DELETED,
  USER_INVITED,
  USER_INVITATION_ACCEPTED,
  USER_INVITATION_DECLINED,
  USER_ADMIN_APPOINTED,
  USER_ROLE_CHANGED,
  USER_REMOVED,
  MACHINE_CLIENT_CREATED,
  MACHINE_CLIENT_SECRET_ROTATED,
  MACHINE_CLIENT_DELETED;

  /** {@code tenant.suspended}, {@code user.invited}, ... */
  public String id() {
    String name = name().toLowerCase(Locale.ROOT);
    int split = name.indexOf('_');
    return name.substring(0, split) + "." + name.substring(split + 1).replace('_', '-');
  }
}

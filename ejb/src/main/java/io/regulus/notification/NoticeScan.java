package io.regulus.notification;

import io.regulus.access.Permission;
import io.regulus.access.Requires;
import io.regulus.access.TenantCaller;
import java.time.Instant;

/**
 * A daily look at one tenant for what its people should be told of (due dates, expiring evidence),
 * run by the digest before it writes the day's mail. A guarded service of the feature that owns the
 * data implements it, posting each notice once a day ({@link Notices#postOncePerDay}) in a
 * transaction of its own.
 */
public interface NoticeScan {

  /** Posts the tenant's notices found at {@code now}; how many it posted. */
  @Requires(Permission.READ_TENANT)
  int scan(TenantCaller tenant, Instant now);
}

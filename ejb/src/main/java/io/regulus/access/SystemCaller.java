package io.regulus.access;

import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A job or a machine client acting on its own: a named principal ({@code job:recompute}, {@code
 * system:startup}) that holds exactly the {@link Permission}s its work needs and no role. Its
 * tenant permissions hold in every active tenant it is handed; it is recorded by its name in
 * history and in the audit log.
 *
 * @param name {@code job:}, {@code system:} or {@code client:} followed by lower-case words joined
 *     by '-'
 */
public record SystemCaller(String name, Set<Permission> grants) implements Caller {

  private static final Pattern NAME = Pattern.compile("(job|system|client):[a-z0-9]+(-[a-z0-9]+)*");

  /** Provisions the demo tenants named by REGULUS_DEMO_TENANTS at start-up (local runs only). */
  public static final SystemCaller STARTUP =
      new SystemCaller("system:startup", Set.of(Permission.OPERATE_PLATFORM));

  /**
   * Loads the built-in template library at start-up: its JSON templates, and its catalogs through
   * the template import job, as global templates (docs/library.md).
   */
  public static final SystemCaller LIBRARY =
      new SystemCaller("system:library", Set.of(Permission.OPERATE_PLATFORM));

  /**
   * Reads every tenant's scores and records them as the day's snapshot (the nightly recomputation);
   * changes nothing else.
   */
  public static final SystemCaller RECOMPUTE =
      new SystemCaller(
          "job:recompute", Set.of(Permission.READ_TENANT, Permission.RECORD_SCORE_SNAPSHOTS));

  /**
   * The schedule: starts the nightly score recomputation when it is due, on one node of those
   * sharing the database (docs/history.md); it can start nothing else, and reads nothing.
   */
  public static final SystemCaller SCHEDULE =
      new SystemCaller("system:schedule", Set.of(Permission.START_NIGHTLY_RECOMPUTE));

  /**
   * Builds every tenant's and firm's reports of a day from the recorded snapshots (the reports
   * job): reads the tenants' data and stores the reports, nothing else.
   */
  public static final SystemCaller REPORTS =
      new SystemCaller(
          "job:report-build", Set.of(Permission.READ_TENANT, Permission.BUILD_REPORTS));

  /**
   * Runs the steps of template import jobs: reads and stages the file, and publishes the version
   * into the owner's library (a tenant's private templates too).
   */
  public static final SystemCaller TEMPLATE_IMPORT =
      new SystemCaller(
          "job:template-import",
          Set.of(Permission.RUN_TEMPLATE_IMPORTS, Permission.MANAGE_TEMPLATES));

  /**
   * Runs the partitions of template push jobs: enters each client tenant (reading whether it may
   * take the template) and records what the client sees of the firm's template.
   */
  public static final SystemCaller TEMPLATE_PUSH =
      new SystemCaller(
          "job:template-push", Set.of(Permission.RUN_TEMPLATE_PUSHES, Permission.READ_TENANT));

  /**
   * Sweeps the automatic tests (the test sweep job): lists the active tenants, and in each sets the
   * automatic actions' test statuses from their rules and the latest signals; nothing else.
   */
  public static final SystemCaller SWEEP =
      new SystemCaller(
          "job:test-sweep", Set.of(Permission.RUN_TEST_SWEEPS, Permission.APPLY_AUTOMATIC_TESTS));

  /**
   * The daily digest of notices: enters every active tenant to post its due-soon, overdue and
   * expiring-evidence notices (reading the tenant, changing nothing of it), then queues each
   * person's digest mail.
   */
  public static final SystemCaller DIGEST =
      new SystemCaller(
          "job:notice-digest", Set.of(Permission.SEND_DIGESTS, Permission.READ_TENANT));

  /** The outbox's sender: sends the queued mail and records each attempt, nothing else. */
  public static final SystemCaller MAIL =
      new SystemCaller("system:mail", Set.of(Permission.SEND_QUEUED_MAIL));

  /**
   * Deletes each tenant's signals past the retention window (REGULUS_SIGNAL_RETENTION_DAYS), daily
   * or when an operator asks; reads nothing.
   */
  public static final SystemCaller SIGNAL_RETENTION =
      new SystemCaller("job:signal-retention", Set.of(Permission.PRUNE_SIGNALS));

  public SystemCaller {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "a system caller is named like job:recompute, not " + name);
    }
    grants = grants.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(grants));
  }

  @Override
  public String id() {
    return name;
  }

  public boolean holds(Permission permission) {
    return grants.contains(permission);
  }
}

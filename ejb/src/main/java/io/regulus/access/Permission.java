package io.regulus.access;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What a caller may do, each right declared once with the roles that hold it. A domain operation
 * names the one permission it needs ({@link Requires}); {@link AccessControl} decides whether a
 * caller holds it: a {@link User} through their role (in the tenant, in the firm, on the platform),
 * a {@link SystemCaller} through its grants. The REST API shows each endpoint's permission and its
 * roles in the OpenAPI document.
 */
public enum Permission {
  /** Who they are and where they belong. */
  READ_OWN_PROFILE(Scope.ANY_CALLER, "read your own profile and memberships"),

  /** Which kinds of notice they are mailed in their daily digest: their own choices only. */
  CHOOSE_OWN_NOTIFICATIONS(Scope.ANY_CALLER, "choose which notices you are mailed"),

  /** Firms, the tenant life cycle, the audit log. */
  OPERATE_PLATFORM(Scope.PLATFORM, "operate the platform", PlatformRole.OPERATOR),

  /** A firm's client tenants: its list and each one's registration. */
  VIEW_FIRM_CLIENTS(
      Scope.FIRM,
      "see the firm's client tenants",
      FirmRole.ADMIN,
      FirmRole.ASSESSOR,
      FirmRole.CONTRIBUTOR,
      FirmRole.READER,
      FirmRole.CONSULTANT),
  ADD_FIRM_CLIENTS(Scope.FIRM, "create client tenants of the firm", FirmRole.ADMIN),
  /** The firm's own templates: imported, published, pushed to its clients. */
  MANAGE_FIRM_TEMPLATES(Scope.FIRM, "manage the firm's templates", FirmRole.ADMIN),

  /**
   * The steps of a template import job (validate, stage, publish), run by the job's own system
   * caller after the import's owner started it: no person holds it.
   */
  RUN_TEMPLATE_IMPORTS(Scope.PLATFORM, "run the steps of template imports"),

  /**
   * The steps of a template push job (each client's delivery of a firm template), run by the job's
   * own system caller after a firm admin started the push: no person holds it.
   */
  RUN_TEMPLATE_PUSHES(Scope.PLATFORM, "run the steps of template pushes"),

  /**
   * The partitions of the score recomputation job (each tenant's dated score snapshot), run by the
   * job's own system caller after an operator or the schedule started it: no person holds it.
   */
  RECORD_SCORE_SNAPSHOTS(Scope.PLATFORM, "record score snapshots"),

  /**
   * The nightly score recomputation of the day, started by the schedule's system caller when it is
   * due (an operator starts a run of any past day with OPERATE_PLATFORM): no person holds it.
   */
  START_NIGHTLY_RECOMPUTE(
      Scope.PLATFORM,
      "start the nightly score recomputation, the test sweep before it and the reports after it"),

  /**
   * The partitions of the test sweep job (the active tenants it sweeps), run by the job's own
   * system caller after a tenant admin, an operator or the nightly run started it: no person holds
   * it.
   */
  RUN_TEST_SWEEPS(Scope.PLATFORM, "run the partitions of test sweeps"),

  /**
   * The partitions of the reports job (each tenant's and each firm's reports of a day), run by the
   * job's own system caller after an operator started it: no person holds it.
   */
  BUILD_REPORTS(Scope.PLATFORM, "build reports"),

  /**
   * The daily digest of notices (each tenant's due dates and expiring evidence looked at, each
   * person's waiting notices queued as one mail), run by the schedule's system caller: no person
   * holds it (an operator runs it with OPERATE_PLATFORM).
   */
  SEND_DIGESTS(Scope.PLATFORM, "send the daily digests of notices"),

  /** Sending the queued mail from the outbox, by its own system caller: no person holds it. */
  SEND_QUEUED_MAIL(Scope.PLATFORM, "send the queued mail"),

  /** The firm's branding on its reports: its logo. */
  MANAGE_FIRM_BRANDING(Scope.FIRM, "manage the firm's branding", FirmRole.ADMIN),

  /** The firm's portfolio reports, over all its clients, and its logo. */
  READ_FIRM_REPORTS(
      Scope.FIRM,
      "read the firm's portfolio reports",
      FirmRole.ADMIN,
      FirmRole.ASSESSOR,
      FirmRole.CONTRIBUTOR,
      FirmRole.READER,
      FirmRole.CONSULTANT),

  /**
   * Everything in the tenant: assessments, templates, actions, evidence, history, scores, the
   * assignee pickers.
   */
  READ_TENANT(
      Scope.TENANT,
      "read the tenant's data",
      TenantRole.ADMIN,
      TenantRole.ASSESSOR,
      TenantRole.CONTRIBUTOR,
      TenantRole.READER),
  /**
   * Implementation and test results within the role's part of the workflow, evidence, bulk updates.
   */
  WORK_ON_ACTIONS(
      Scope.TENANT,
      "work on improvement actions",
      TenantRole.ADMIN,
      TenantRole.ASSESSOR,
      TenantRole.CONTRIBUTOR),
  /** The tenant's reports (executive summary, workbook), listed and downloaded. */
  READ_REPORTS(
      Scope.TENANT,
      "read the tenant's reports",
      TenantRole.ADMIN,
      TenantRole.ASSESSOR,
      TenantRole.CONTRIBUTOR,
      TenantRole.READER),
  ASSIGN_ACTIONS(Scope.TENANT, "assign improvement actions", TenantRole.ADMIN),
  /** A sweep of the tenant's automatic tests started by hand, and its runs followed. */
  SWEEP_TESTS(Scope.TENANT, "sweep the tenant's automatic tests", TenantRole.ADMIN),
  /**
   * The automatic actions' test statuses set from their rules in one tenant (the test sweep's
   * partitions), by the job's own system caller: no person holds it.
   */
  APPLY_AUTOMATIC_TESTS(Scope.TENANT, "set automatic tests' results from their rules"),
  /** Assessment groups, and assessments built and deleted. */
  MANAGE_ASSESSMENTS(Scope.TENANT, "manage assessments", TenantRole.ADMIN),
  /** Private templates and extensions, and their versions. */
  MANAGE_TEMPLATES(Scope.TENANT, "manage the tenant's templates", TenantRole.ADMIN),
  /** The tenant's users: list, invite, change role, remove. */
  MANAGE_USERS(Scope.TENANT, "manage the tenant's users", TenantRole.ADMIN),
  /** The tenant's alert policies: create, change, enable or disable, delete (docs/alerts.md). */
  MANAGE_ALERT_POLICIES(Scope.TENANT, "manage alert policies", TenantRole.ADMIN),
  /** An alert's status: investigate, resolve, dismiss, reopen, with a comment (docs/alerts.md). */
  WORK_ALERTS(Scope.TENANT, "work alerts", TenantRole.ADMIN, TenantRole.ASSESSOR),
  /**
   * Signals into the tenant (docs/signals.md): its machine clients' batches and scanners' findings,
   * and its admins' upload of a findings file.
   */
  WRITE_SIGNALS(
      Scope.TENANT, "write the tenant's signals", TenantRole.ADMIN, TenantRole.SIGNAL_WRITER),
  /** The tenant's machine clients: created (their secret shown once), listed, deleted. */
  MANAGE_MACHINE_CLIENTS(Scope.TENANT, "manage the tenant's machine clients", TenantRole.ADMIN),
  /**
   * Deleting a tenant's signals older than the retention window, done by the retention's own system
   * caller (daily, or when an operator asks): no person holds it.
   */
  PRUNE_SIGNALS(Scope.TENANT, "delete the tenant's signals past their retention");

  /** Where a permission holds. */
  public enum Scope {
    /** Every caller, whoever they are. */
    ANY_CALLER,
    /** The platform as a whole (platform roles). */
    PLATFORM,
    /** One consulting firm (firm roles). */
    FIRM,
    /** One tenant (tenant roles, or a firm role that reaches every client of the firm). */
    TENANT
  }

  private final Scope scope;
  private final String action;
  private final List<Enum<?>> roles;

  Permission(Scope scope, String action, Enum<?>... roles) {
    this.scope = scope;
    this.action = action;
    this.roles = List.of(roles);
  }

  public Scope scope() {
    return scope;
  }

  /**
   * What it allows, in words that finish "this needs a role that may ...": "assign improvement
   * actions".
   */
  public String action() {
    return action;
  }

  /** The permission's name in the API documentation: {@code assign-actions}. */
  public String id() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }

  public Set<TenantRole> tenantRoles() {
    return rolesOf(TenantRole.class);
  }

  public Set<FirmRole> firmRoles() {
    return rolesOf(FirmRole.class);
  }

  public Set<PlatformRole> platformRoles() {
    return rolesOf(PlatformRole.class);
  }

  /**
   * The roles that hold it, as the API documents them: {@code admin}, {@code platform-operator}.
   */
  public List<String> roleIds() {
    return roles.stream().map(Permission::roleId).toList();
  }

  /** Who holds it, in words: "the tenant's admins or assessors", "platform operators". */
  public String holders() {
    return switch (scope) {
      case ANY_CALLER -> "every signed-in caller";
      case PLATFORM -> roles.isEmpty() ? "no one but its job" : "platform operators";
      case FIRM ->
          roles.size() == FirmRole.values().length
              ? "every member of the firm"
              : "the firm's " + plural();
      case TENANT ->
          roles.isEmpty()
              ? "no one but its job"
              : tenantRoles().containsAll(TenantRole.PEOPLE)
                  ? "every member of the tenant"
                  : "the tenant's " + plural();
    };
  }

  private <R extends Enum<R>> Set<R> rolesOf(Class<R> type) {
    Set<R> of = EnumSet.noneOf(type);
    roles.stream().filter(type::isInstance).map(type::cast).forEach(of::add);
    return of;
  }

  private static String roleId(Enum<?> role) {
    if (role instanceof TenantRole tenant) {
      return tenant.id();
    }
    if (role instanceof FirmRole firm) {
      return firm.id();
    }
    return ((PlatformRole) role).id();
  }

  /** "admins, assessors or contributors" */
  private String plural() {
    List<String> names = roleIds().stream().map(id -> id + "s").toList();
    if (names.size() < 2) {
      return String.join("", names);
    }
    return String.join(", ", names.subList(0, names.size() - 1))
        + " or "
        + names.get(names.size() - 1);
  }
}

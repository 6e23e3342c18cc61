package io.regulus.administration;

import io.regulus.access.AccessDeniedException;
import io.regulus.access.Caller;
import io.regulus.access.Guarded;
import io.regulus.access.Permission;
import io.regulus.access.Requires;
import io.regulus.access.TenantRole;
import io.regulus.access.User;
import io.regulus.audit.AuditAction;
import io.regulus.audit.AuditEvent;
import io.regulus.audit.AuditLog;
import io.regulus.directory.Invitations;
import io.regulus.directory.TenantMembers;
import io.regulus.paging.Page;
import io.regulus.paging.PageRequest;
import io.regulus.problem.DomainException;
import io.regulus.signal.MachineClients;
import io.regulus.tenancy.ExportArchive;
import io.regulus.tenancy.Firm;
import io.regulus.tenancy.FirmRegistry;
import io.regulus.tenancy.FirmSlug;
import io.regulus.tenancy.Tenant;
import io.regulus.tenancy.TenantExport;
import io.regulus.tenancy.TenantExporter;
import io.regulus.tenancy.TenantNotFoundException;
import io.regulus.tenancy.TenantProvisioner;
import io.regulus.tenancy.TenantRegistry;
import io.regulus.tenancy.TenantSlug;
import io.regulus.tenancy.TenantStatus;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.io.InputStream;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Firms and the tenant life cycle: platform operators run all of it; a firm's members see its
 * clients, and its administrators create them. Registry changes and their audit event share a
 * transaction; the long steps (provisioning, export, import, delete) run outside one and are
 * audited once done.
 */
@Stateless
@Guarded
public class TenantAdministration {

  private static final Logger LOG = Logger.getLogger(TenantAdministration.class.getName());

  @EJB private FirmRegistry firms;
  @EJB private TenantRegistry registry;
  @EJB private TenantProvisioner provisioner;
  @EJB private TenantExporter exporter;
  @EJB private TenantMembers members;
  @EJB private MachineClients machineClients;
  @EJB private Invitations invitations;
  @EJB private AuditLog audit;

  @Requires(Permission.OPERATE_PLATFORM)
  public Firm createFirm(Caller caller, FirmSlug slug, String displayName) {
    Firm firm = firms.create(slug, displayName);
    audit.record(caller.actor(), AuditAction.FIRM_CREATED, null, slug.value(), firm.displayName());
    return firm;
  }

  @Requires(Permission.OPERATE_PLATFORM)
  public List<Firm> firms(Caller caller) {
    return firms.all();
  }

  @Requires(Permission.OPERATE_PLATFORM)
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public TenantProvisioner.Provisioned provision(
      Caller caller, TenantSlug slug, String displayName, FirmSlug firm) {
    return provisioned(caller, slug, displayName, firm, null);
  }

  /** A new tenant whose first admin, named by email, gets an admin invitation. */
  @Requires(Permission.OPERATE_PLATFORM)
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public TenantProvisioner.Provisioned provision(
      Caller caller, TenantSlug slug, String displayName, FirmSlug firm, String adminEmail) {
    return provisioned(caller, slug, displayName, firm, adminEmail);
  }

  /**
   * A new client tenant of the firm, whose first admin (when named by email) gets an admin
   * invitation. A request that names a firm ({@code requestedFirm}) must name this one: a firm
   * administrator creates clients of their own firm only.
   */
  @Requires(Permission.ADD_FIRM_CLIENTS)
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public TenantProvisioner.Provisioned provisionClient(
      Caller caller,
      FirmSlug firm,
      TenantSlug slug,
      String displayName,
      String requestedFirm,
      String adminEmail) {
    if (requestedFirm != null && !requestedFirm.isBlank() && !requestedFirm.equals(firm.value())) {
      throw new AccessDeniedException(
          "A firm administrator creates client tenants for their own firm only ('" + firm + "').");
    }
    return provisioned(caller, slug, displayName, firm, adminEmail);
  }

  private TenantProvisioner.Provisioned provisioned(
      Caller caller, TenantSlug slug, String displayName, FirmSlug firm, String adminEmail) {
    TenantProvisioner.Provisioned result = provisioner.provision(slug, displayName, firm);
    if (result.created()) {
      audit.record(
          caller.actor(),
          AuditAction.TENANT_PROVISIONED,
          slug.value(),
          firm == null ? null : firm.value(),
          result.tenant().displayName());
      LOG.info(() -> "tenant " + slug + " provisioned by " + caller.id());
      if (adminEmail != null && !adminEmail.isBlank()) {
        invitations.send(
            caller.actor(),
            slug,
            adminEmail,
            TenantRole.ADMIN,
            null,
            null,
            AuditAction.USER_INVITED);
      }
    }
    return result;
  }

  /**
   * Appoints an admin to a tenant that has none (its last admin left Keycloak or was disabled, or
   * it was provisioned without one): the person gets an admin invitation and accepts it like any
   * other. Refused while the tenant has an admin.
   */
  @Requires(Permission.OPERATE_PLATFORM)
  public Invitations.Sent appointAdmin(Caller caller, TenantSlug slug, String email) {
    return invitations.appoint(caller.actor(), registry.requireActive(slug), email);
  }

  @Requires(Permission.OPERATE_PLATFORM)
  public List<Tenant> tenants(Caller caller) {
    return registry.all();
  }

  @Requires(Permission.OPERATE_PLATFORM)
  public Tenant tenant(Caller caller, TenantSlug slug) {
    return registry.require(slug);
  }

  /** A tenant a user reaches, with the role they hold there. */
  public record Reach(
      TenantSlug slug, String displayName, Optional<FirmSlug> firm, TenantRole role) {}

  /**
   * The active tenants the caller reaches, by their own role or through a firm role that reaches
   * every client, each with the role that wins; sorted by name. What a tenant switcher offers.
   */
  @Requires(Permission.READ_OWN_PROFILE)
  public List<Reach> reachable(Caller caller) {
    if (!(caller instanceof User user)) {
      return List.of();
    }
    Map<TenantSlug, Tenant> candidates = new HashMap<>();
    user.tenantRoles()
        .keySet()
        .forEach(slug -> registry.find(slug).ifPresent(t -> candidates.put(slug, t)));
    user.firmRoles()
        .forEach(
            (firm, role) -> {
              if (role.inEveryClient().isPresent()) {
                firms.clients(firm).forEach(t -> candidates.put(t.slug(), t));
              }
            });
    return candidates.values().stream()
        .filter(Tenant::isActive)
        .flatMap(
            t -> {
              Optional<FirmSlug> firm = t.firm().map(Firm::slug);
              return user.roleIn(t.slug(), firm).stream()
                  .map(role -> new Reach(t.slug(), t.displayName(), firm, role));
            })
        .sorted(Comparator.comparing(Reach::displayName, String.CASE_INSENSITIVE_ORDER))
        .toList();
  }

  /** The firm's clients that are not deleted. */
  @Requires(Permission.VIEW_FIRM_CLIENTS)
  public List<Tenant> clients(Caller caller, FirmSlug firm) {
    return firms.clients(firm);
  }

  /** One client of the firm; a tenant of another firm, or deleted, is not found. */
  @Requires(Permission.VIEW_FIRM_CLIENTS)
  public Tenant client(Caller caller, FirmSlug firm, TenantSlug slug) {
    return registry
        .find(slug)
        .filter(t -> t.status() != TenantStatus.DELETED)
        .filter(t -> t.firm().map(f -> f.slug().equals(firm)).orElse(false))
        .orElseThrow(() -> new TenantNotFoundException(slug));
  }

  @Requires(Permission.OPERATE_PLATFORM)
  public Tenant suspend(Caller caller, TenantSlug slug) {
    Tenant tenant = registry.suspend(slug);
    audit.record(caller.actor(), AuditAction.TENANT_SUSPENDED, slug.value(), firmOf(tenant), null);
    return tenant;
  }

  @Requires(Permission.OPERATE_PLATFORM)
  public Tenant resume(Caller caller, TenantSlug slug) {
    Tenant tenant = registry.resume(slug);
    audit.record(caller.actor(), AuditAction.TENANT_RESUMED, slug.value(), firmOf(tenant), null);
    return tenant;
  }

  @Requires(Permission.OPERATE_PLATFORM)
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public TenantExport export(Caller caller, TenantSlug slug) {
    TenantExport export = exporter.export(slug, caller.name());
    audit.record(
        caller.actor(),
        AuditAction.TENANT_EXPORTED,
        slug.value(),
        firmOf(export.tenant()),
        "export " + export.id() + ", " + export.sizeBytes() + " bytes, sha256 " + export.sha256());
    return export;
  }

  @Requires(Permission.OPERATE_PLATFORM)
  public List<TenantExport> exports(Caller caller, TenantSlug slug) {
    return registry.exports(slug);
  }

  /**
   * An export's archive (a ZIP of a manifest, a JSON Lines file per table and the evidence files),
   * streamed from the database as it is written out.
   */
  @Requires(Permission.OPERATE_PLATFORM)
  public ExportArchive archive(Caller caller, TenantSlug slug, long exportId) {
    return registry.archive(slug, exportId);
  }

  /** A new tenant from an archive, read as a stream (spooled, checked whole, then loaded). */
  @Requires(Permission.OPERATE_PLATFORM)
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public Tenant importArchive(
      Caller caller, TenantSlug slug, String displayName, FirmSlug firm, InputStream archive) {
    TenantProvisioner.Imported imported =
        provisioner.importArchive(slug, displayName, firm, archive);
    audit.record(
        caller.actor(),
        AuditAction.TENANT_IMPORTED,
        slug.value(),
        firm == null ? null : firm.value(),
        imported.archiveBytes() + " bytes, exported from '" + imported.sourceTenant() + "'");
    return imported.tenant();
  }

  /**
   * Drops the tenant's schema (refused unless suspended and exported since), keeps its tombstone,
   * then removes its Keycloak groups and machine clients. Groups left behind by an unreachable
   * Keycloak grant nothing, since the slug is never reused.
   */
  @Requires(Permission.OPERATE_PLATFORM)
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public Tenant delete(Caller caller, TenantSlug slug) {
    Tenant tenant = registry.delete(slug);
    String detail = null;
    try {
      members.forgetTenant(slug);
      machineClients.forgetTenant(slug);
    } catch (DomainException e) {
      LOG.warning(
          () -> "tenant " + slug + " deleted but its Keycloak groups remain: " + e.detail());
      detail =
          "Keycloak groups of the tenant remain (Keycloak unavailable); remove /tenants/"
              + slug
              + " by hand";
    }
    audit.record(caller.actor(), AuditAction.TENANT_DELETED, slug.value(), firmOf(tenant), detail);
    return tenant;
  }

  /**
   * Why {@link #delete} would refuse the tenant now, in the words it would use; empty when it may
   * be deleted. A page shows it beside its disabled delete.
   */
  @Requires(Permission.OPERATE_PLATFORM)
  public Optional<String> refusalToDelete(Caller caller, TenantSlug slug) {
    return registry.refusalToDelete(slug).map(DomainException::detail);
  }

  /** A page of the audit events, the newest first, of one tenant when {@code tenant} is given. */
  @Requires(Permission.OPERATE_PLATFORM)
  public Page<AuditEvent> auditEvents(Caller caller, TenantSlug tenant, PageRequest page) {
    return audit.recent(tenant == null ? null : tenant.value(), page);
  }

  private static String firmOf(Tenant tenant) {
    return tenant.firm().map(f -> f.slug().value()).orElse(null);
  }
}

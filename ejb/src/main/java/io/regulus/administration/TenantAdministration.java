package io.regulus.administration;

import io.regulus.audit.AuditAction;
import io.regulus.audit.AuditLog;
import io.regulus.directory.TenantMembers;
import io.regulus.identity.Caller;
import io.regulus.problem.DomainException;
import io.regulus.tenancy.Firm;
import io.regulus.tenancy.FirmRegistry;
import io.regulus.tenancy.FirmSlug;
import io.regulus.tenancy.Tenant;
import io.regulus.tenancy.TenantExport;
import io.regulus.tenancy.TenantExporter;
import io.regulus.tenancy.TenantProvisioner;
import io.regulus.tenancy.TenantRegistry;
import io.regulus.tenancy.TenantSlug;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.logging.Logger;

/**
 * Firms and the tenant life cycle, for platform operators and firm administrators (the resources check who may
 * call). Registry changes and their audit event share a transaction; the long steps (provisioning, export,
 * import, delete) run outside one and are audited once done.
 */
@Stateless
public class TenantAdministration {

  private static final Logger LOG = Logger.getLogger(TenantAdministration.class.getName());

  @EJB private FirmRegistry firms;
  @EJB private TenantRegistry registry;
  @EJB private TenantProvisioner provisioner;
  @EJB private TenantExporter exporter;
  @EJB private TenantMembers members;
  @EJB private AuditLog audit;

  public Firm createFirm(Caller caller, FirmSlug slug, String displayName) {
    Firm firm = firms.create(slug, displayName);
    audit.record(caller.actor(), AuditAction.FIRM_CREATED, null, slug.value(), firm.displayName());
    return firm;
  }

  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public TenantProvisioner.Provisioned provision(Caller caller, TenantSlug slug, String displayName, FirmSlug firm) {
    TenantProvisioner.Provisioned result = provisioner.provision(slug, displayName, firm);
    if (result.created()) {
      audit.record(
          caller.actor(), AuditAction.TENANT_PROVISIONED, slug.value(), firm == null ? null : firm.value(),
          result.tenant().displayName());
    }
    return result;
  }

  public Tenant suspend(Caller caller, TenantSlug slug) {
    Tenant tenant = registry.suspend(slug);
    audit.record(caller.actor(), AuditAction.TENANT_SUSPENDED, slug.value(), firmOf(tenant), null);
    return tenant;
  }

  public Tenant resume(Caller caller, TenantSlug slug) {
    Tenant tenant = registry.resume(slug);
    audit.record(caller.actor(), AuditAction.TENANT_RESUMED, slug.value(), firmOf(tenant), null);
    return tenant;
  }

  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public TenantExport export(Caller caller, TenantSlug slug) {
    TenantExport export = exporter.export(slug, caller.username());
    audit.record(
        caller.actor(), AuditAction.TENANT_EXPORTED, slug.value(), firmOf(export.tenant()),
        "export " + export.id() + ", " + export.sizeBytes() + " bytes, sha256 " + export.sha256());
    return export;
  }

  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public Tenant importArchive(Caller caller, TenantSlug slug, String displayName, FirmSlug firm, byte[] archive) {
    Tenant tenant = provisioner.importArchive(slug, displayName, firm, archive);
    audit.record(
        caller.actor(), AuditAction.TENANT_IMPORTED, slug.value(), firm == null ? null : firm.value(),
        archive.length + " bytes");
    return tenant;
  }

  /**
   * Drops the tenant's schema (refused unless suspended and exported since), keeps its tombstone, then removes its
   * Keycloak groups. Groups left behind by an unreachable Keycloak grant nothing, since the slug is never reused.
   */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public Tenant delete(Caller caller, TenantSlug slug) {
    Tenant tenant = registry.delete(slug);
    String detail = null;
    try {
      members.forgetTenant(slug);
    } catch (DomainException e) {
      LOG.warning(() -> "tenant " + slug + " deleted but its Keycloak groups remain: " + e.detail());
      detail = "Keycloak groups of the tenant remain (Keycloak unavailable); remove /tenants/" + slug + " by hand";
    }
    audit.record(caller.actor(), AuditAction.TENANT_DELETED, slug.value(), firmOf(tenant), detail);
    return tenant;
  }

  private static String firmOf(Tenant tenant) {
    return tenant.firm().map(f -> f.slug().value()).orElse(null);
  }
}

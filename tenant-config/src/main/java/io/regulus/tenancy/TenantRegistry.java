package io.regulus.tenancy;

import io.regulus.problem.DomainException;
import io.regulus.problem.ProblemKind;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Reads and state changes of the tenant registry, each in its own transaction. */
@Stateless
public class TenantRegistry {

  @Inject private TenantRepository tenants;
  @Inject private TenantExports exports;
  @Inject private TenantLookup lookup;

  @PersistenceContext(unitName = "platform")
  private EntityManager em;

  /**
   * The tenant a request or job works in; 403 when suspended, 404 unless it exists and is ACTIVE.
   */
  public ActiveTenant requireActive(TenantSlug slug) {
    return require(slug).toActive();
  }

  public Optional<Tenant> find(TenantSlug slug) {
    return tenants.find(slug);
  }

  public Tenant require(TenantSlug slug) {
    return tenants.find(slug).orElseThrow(() -> new TenantNotFoundException(slug));
  }

  /**
   * Serialises changes of the tenant's membership across every node: takes a lock on the tenant's
   * registry row that the caller's transaction holds until it ends, so two admins changing members
   * at once run one after the other and each sees the other's change. Reads of the registry are not
   * blocked. 404 for an unknown tenant.
   */
  public Tenant lockMembers(TenantSlug slug) {
    if (!tenants.lockForMembers(slug)) {
      throw new TenantNotFoundException(slug);
    }
    return require(slug);
  }

  public List<Tenant> all() {
    return tenants.all();
  }

  public List<Tenant> withStatus(TenantStatus status) {
    return tenants.withStatus(status);
  }

  /**
   * Provisioning's first step (see {@link TenantProvisioner}); true when this call registered the
   * slug. A slug reserved for the platform is refused.
   */
  public boolean register(TenantSlug slug, String displayName, Firm firm) {
    TenantSlug.refuseReserved(slug.value(), "tenant");
    lookup.forget(slug);
    return tenants.register(slug, displayName, firm);
  }

  /** Provisioning's last step, once the schema is migrated. */
  public Tenant activate(TenantSlug slug) {
    lookup.forget(slug);
    Tenant tenant = require(slug);
    if (tenant.status() == TenantStatus.PROVISIONING) {
      tenant.activate(Instant.now());
    }
    return tenant;
  }

  public Tenant suspend(TenantSlug slug) {
    lookup.forget(slug);
    Tenant tenant = require(slug);
    tenant.suspend(Instant.now());
    return tenant;
  }

  public Tenant resume(TenantSlug slug) {
    lookup.forget(slug);
    Tenant tenant = require(slug);
    tenant.resume();
    return tenant;
  }

  /**
   * Drops the schema of a suspended tenant whose final data was exported (an export taken during
   * this suspension, which waited for every transaction admitted before it: {@link TenantExporter})
   * and keeps the registry row as a DELETED tombstone, in one transaction. The tenant row's version
   * makes a concurrent resume fail one of the two.
   */
  public Tenant delete(TenantSlug slug) {
    lookup.forget(slug);
    Tenant tenant = require(slug);
    Optional<TenantNotDeletableException> refusal = refusalToDelete(tenant);
    if (refusal.isPresent()) {
      throw refusal.get();
    }
    em.createNativeQuery("DROP SCHEMA IF EXISTS " + slug.schemaName() + " CASCADE").executeUpdate();
    tenant.markDeleted(Instant.now());
    return tenant;
  }

  /**
   * Why {@link #delete} would refuse the tenant now, if it would: not suspended, no export since
   * the suspension, or only one that began before the suspension took effect. What an operator's
   * page shows beside a disabled delete.
   */
  public Optional<TenantNotDeletableException> refusalToDelete(TenantSlug slug) {
    return refusalToDelete(require(slug));
  }

  private Optional<TenantNotDeletableException> refusalToDelete(Tenant tenant) {
    TenantSlug slug = tenant.slug();
    if (tenant.status() != TenantStatus.SUSPENDED) {
      return Optional.of(
          new TenantNotDeletableException(
              slug,
              "Tenant '"
                  + slug
                  + "' is "
                  + tenant.status()
                  + ". Deleting needs"
                  + " a suspended tenant and an export taken after the suspension: suspend it, export it, then delete it.",
              false));
    }
    List<TenantExport> since =
        exports.of(slug).stream()
            .filter(e -> !e.createdAt().isBefore(tenant.suspendedAt()))
            .toList();
    if (since.isEmpty()) {
      return Optional.of(
          new TenantNotDeletableException(
              slug,
              "Tenant '"
                  + slug
                  + "' has no export taken since it was"
                  + " suspended, so its data would be lost: export it first, then delete it.",
              true));
    }
    // only an export that waited for the transactions admitted before this suspension holds all
    if (since.stream().noneMatch(e -> e.isOfSuspension(tenant))) {
      return Optional.of(
          new TenantNotDeletableException(
              ProblemKind.CONFLICT,
              slug,
              "Tenant '"
                  + slug
                  + "' was exported since it was suspended, but that export began before the"
                  + " suspension took effect, so a change committed after it began may be missing"
                  + " from it: export it again, then delete it.",
              true));
    }
    return Optional.empty();
  }

  /** Undoes a registration that never became active, with its schema (an import that failed). */
  public void discardProvisioning(TenantSlug slug) {
    lookup.forget(slug);
    Tenant tenant = require(slug);
    if (tenant.status() != TenantStatus.PROVISIONING) {
      throw new IllegalStateException("only a tenant being provisioned is discarded");
    }
    em.createNativeQuery("DROP SCHEMA IF EXISTS " + slug.schemaName() + " CASCADE").executeUpdate();
    tenants.unregisterProvisioning(slug);
  }

  public List<TenantExport> exports(TenantSlug slug) {
    require(slug);
    return exports.of(slug);
  }

  public TenantExport export(TenantSlug slug, long id) {
    return exports
        .find(slug, id)
        .orElseThrow(
            () ->
                new DomainException(
                    ProblemKind.NOT_FOUND,
                    "Tenant '" + slug + "' has no export " + id + ".",
                    "exportId"));
  }

  /** An export's archive, read from the database as it is written out. */
  public ExportArchive archive(TenantSlug slug, long id) {
    TenantExport export = export(slug, id);
    return new ExportArchive(export.sizeBytes(), out -> exports.copy(export.id(), out));
  }
}

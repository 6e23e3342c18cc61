package io.regulus.tenancy;

import io.regulus.problem.DomainException;
import io.regulus.problem.ProblemKind;
import io.regulus.tenancy.archive.ArchiveContents;
import io.regulus.tenancy.archive.TenantArchive;
import io.regulus.text.ReadableText;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;
import java.util.logging.Logger;
import java.util.zip.ZipFile;

/**
 * Provisions a tenant: register it PROVISIONING, create and migrate its schema, mark it ACTIVE.
 * Each step is idempotent, so provisioning again finishes a tenant that failed half-way and changes
 * nothing for an active one. A tenant is served only once ACTIVE, so a half-provisioned tenant is
 * never served. An import provisions a new tenant from an export archive, all or nothing.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class TenantProvisioner {

  private static final Logger LOG = Logger.getLogger(TenantProvisioner.class.getName());

  @EJB private TenantRegistry registry;
  @EJB private FirmRegistry firms;
  @Inject private TenantMigrations migrations;
  @Inject private TenantArchive archives;

  /** What provisioning did: the tenant and whether this call created it. */
  public record Provisioned(Tenant tenant, boolean created) {}

  /**
   * Provisions the tenant as a client of {@code firm} (null: a direct customer). Asking again with
   * the same firm returns the tenant; a slug held by another firm, or by a deleted tenant, is a
   * 409.
   */
  public Provisioned provision(TenantSlug slug, String displayName, FirmSlug firm) {
    Firm owner = firm == null ? null : firms.require(firm);
    boolean created = registry.register(slug, nameOr(displayName, slug), owner);
    Tenant tenant = registry.require(slug);
    if (!created) {
      requireSameOwner(tenant, firm);
    }
    if (tenant.status() == TenantStatus.PROVISIONING) {
      long began = System.nanoTime();
      migrations.migrateTenant(slug);
      tenant = registry.activate(slug);
      LOG.info(
          () ->
              "tenant "
                  + slug
                  + " provisioned in "
                  + (System.nanoTime() - began) / 1_000_000
                  + " ms");
    }
    return new Provisioned(tenant, created);
  }

  /** What an import did: the new tenant, the archive's size and the tenant it was exported from. */
  public record Imported(Tenant tenant, long archiveBytes, String sourceTenant) {}

  /**
   * Creates a new tenant holding an export's data: the archive is spooled to a temporary file and
   * checked whole first (its files against their SHA-256 too), so a bad archive creates nothing;
   * the schema is migrated to the archive's version, loaded in one transaction, then migrated to
   * the current version and activated. On any failure the new tenant and its schema are removed, so
   * nothing half-imported remains.
   */
  public Imported importArchive(
      TenantSlug slug, String displayName, FirmSlug firm, InputStream archive) {
    Path spooled = null;
    try {
      spooled = Files.createTempFile("regulus-import-", ".zip");
      long bytes;
      try (InputStream in = archive) {
        bytes = Files.copy(in, spooled, StandardCopyOption.REPLACE_EXISTING);
      }
      try (ZipFile zip = TenantArchive.open(spooled)) {
        ArchiveContents contents = TenantArchive.check(zip);
        return new Imported(
            load(slug, displayName, firm, zip, contents), bytes, contents.sourceTenant());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      if (spooled != null) {
        try {
          Files.deleteIfExists(spooled);
        } catch (IOException e) {
          LOG.warning(() -> "could not remove " + e.getMessage());
        }
      }
    }
  }

  private Tenant load(
      TenantSlug slug, String displayName, FirmSlug firm, ZipFile zip, ArchiveContents contents) {
    Firm owner = firm == null ? null : firms.require(firm);
    if (!registry.register(slug, nameOr(displayName, slug), owner)) {
      throw new DomainException(
          ProblemKind.CONFLICT,
          "A tenant named '" + slug + "' exists already (or existed); import into a new slug.",
          "slug");
    }
    try {
      migrations.migrateTenant(slug, contents.schemaVersion());
      archives.load(slug.schemaName(), zip, contents);
      migrations.migrateTenant(slug);
      return registry.activate(slug);
    } catch (RuntimeException e) {
      registry.discardProvisioning(slug);
      throw e;
    }
  }

  private static void requireSameOwner(Tenant tenant, FirmSlug firm) {
    if (tenant.status() == TenantStatus.DELETED) {
      throw new DomainException(
          ProblemKind.CONFLICT,
          "The slug '"
              + tenant.slug()
              + "' belonged to a deleted tenant and is never reused; choose another.",
          "slug");
    }
    FirmSlug owner = tenant.firm().map(Firm::slug).orElse(null);
    if (!Objects.equals(owner, firm)) {
      throw new DomainException(
          ProblemKind.CONFLICT,
          "The slug '" + tenant.slug() + "' is taken; choose another.",
          "slug");
    }
  }

  private static String nameOr(String displayName, TenantSlug slug) {
    String name = ReadableText.line("displayName", displayName);
    return name == null ? slug.value() : name;
  }
}

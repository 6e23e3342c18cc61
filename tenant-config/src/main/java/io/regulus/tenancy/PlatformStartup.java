package io.regulus.tenancy;

import io.regulus.library.LibraryLoader;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * At start-up, before the application serves anything: the platform schema is migrated first, the built-in
 * template library is loaded (idempotently), then every
 * tenant schema; tenants named in {@code REGULUS_DEMO_TENANTS} (the local run's demo tenants, each
 * {@code slug} or {@code slug@firm}) are provisioned when missing, with their firm.
 */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PlatformStartup {

  private static final Logger LOG = Logger.getLogger(PlatformStartup.class.getName());

  @Inject private TenantMigrations migrations;
  @EJB private TenantRegistry registry;
  @EJB private TenantProvisioner provisioner;
  @EJB private FirmRegistry firms;
  @EJB private LibraryLoader libraryLoader;

  @PostConstruct
  void migrate() {
    long began = System.nanoTime();
    migrations.migratePlatform();
    try {
      LibraryLoader.Loaded library = libraryLoader.loadBuiltIn();
      LOG.info(() -> "template library: " + library.actions() + " actions; published " + library.added()
          + ", unchanged " + library.unchanged());
    } catch (RuntimeException e) {
      // tenants are still served; the built-in templates stay as they were (LibraryContentTest guards the files)
      LOG.log(java.util.logging.Level.SEVERE, "the built-in template library could not be loaded", e);
    }
    var active = new java.util.ArrayList<>(registry.withStatus(TenantStatus.ACTIVE));
    active.addAll(registry.withStatus(TenantStatus.SUSPENDED));
    active.forEach(tenant -> migrations.migrateTenant(tenant.slug()));
    String demo =
        ConfigProvider.getConfig().getOptionalValue("REGULUS_DEMO_TENANTS", String.class).orElse("");
    Arrays.stream(demo.split(","))
        .map(String::trim)
        .filter(s -> !s.isEmpty())
        .forEach(this::provisionDemo);
    LOG.info(
        () -> "platform and " + active.size() + " tenant schemas migrated in "
            + (System.nanoTime() - began) / 1_000_000 + " ms");
  }

  private void provisionDemo(String entry) {
    int at = entry.indexOf('@');
    FirmSlug firm = at < 0 ? null : firms.ensure(new FirmSlug(entry.substring(at + 1))).slug();
    try {
      provisioner.provision(new TenantSlug(at < 0 ? entry : entry.substring(0, at)), null, firm);
    } catch (io.regulus.problem.DomainException e) {
      LOG.warning(() -> "demo tenant " + entry + " not provisioned: " + e.detail());
    }
  }
}

package io.regulus.tenancy;

import io.regulus.library.LibraryLoader;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/**
 * At start-up, before the application serves anything and once the secrets are checked: the
 * platform schema is migrated first, the built-in template library is loaded (idempotently), then
 * every tenant schema.
 */
@Singleton
@Startup
@DependsOn("SecretCheck")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PlatformStartup {

  private static final Logger LOG = Logger.getLogger(PlatformStartup.class.getName());

  @Inject private TenantMigrations migrations;
  @EJB private TenantRegistry registry;
  @EJB private LibraryLoader libraryLoader;

  @PostConstruct
  void migrate() {
    long began = System.nanoTime();
    migrations.migratePlatform();
    try {
      LibraryLoader.Loaded library = libraryLoader.loadBuiltIn();
      LOG.info(
          () ->
              "template library: "
                  + library.actions()
                  + " actions; published "
                  + library.added()
                  + ", unchanged "
                  + library.unchanged());
    } catch (RuntimeException e) {
      // tenants are still served; the built-in templates stay as they were (LibraryContentTest
      // guards the files)
      LOG.log(
          java.util.logging.Level.SEVERE, "the built-in template library could not be loaded", e);
    }
    var active = new java.util.ArrayList<>(registry.withStatus(TenantStatus.ACTIVE));
    active.addAll(registry.withStatus(TenantStatus.SUSPENDED));
    active.forEach(tenant -> migrations.migrateTenant(tenant.slug()));
    LOG.info(
        () ->
            "platform and "
                + active.size()
                + " tenant schemas migrated in "
                + (System.nanoTime() - began) / 1_000_000
                + " ms");
  }
}

package io.regulus.tenancy;

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
 * platform schema is migrated first, then every tenant schema (the built-in template library is
 * loaded after this, by the domain's {@code BuiltInLibrary}).
 */
@Singleton
@Startup
@DependsOn("SecretCheck")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PlatformStartup {

  private static final Logger LOG = Logger.getLogger(PlatformStartup.class.getName());

  @Inject private TenantMigrations migrations;
  @EJB private TenantRegistry registry;

  @PostConstruct
  void migrate() {
    long began = System.nanoTime();
    migrations.migratePlatform();
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

package io.regulus.administration;

import io.regulus.access.SystemCaller;
import io.regulus.problem.DomainException;
import io.regulus.settings.Settings;
import io.regulus.tenancy.FirmRegistry;
import io.regulus.tenancy.FirmSlug;
import io.regulus.tenancy.TenantSlug;
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
 * At start-up, once the platform is migrated: the tenants named in {@code REGULUS_DEMO_TENANTS}
 * (local runs only; each {@code slug} or {@code slug@firm}) are provisioned when missing, with
 * their firm, by the system caller {@link SystemCaller#STARTUP} through the same operations an
 * operator uses, so the audit log names it.
 */
@Singleton
@Startup
@DependsOn("PlatformStartup")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DemoTenants {

  private static final Logger LOG = Logger.getLogger(DemoTenants.class.getName());

  @Inject private Settings settings;
  @EJB private TenantAdministration administration;
  @EJB private FirmRegistry firms;

  @PostConstruct
  void provision() {
    settings.demoTenants().forEach(this::provision);
  }

  private void provision(String entry) {
    int at = entry.indexOf('@');
    try {
      FirmSlug firm = at < 0 ? null : new FirmSlug(entry.substring(at + 1));
      if (firm != null && firms.find(firm).isEmpty()) {
        administration.createFirm(SystemCaller.STARTUP, firm, null);
      }
      administration.provision(
          SystemCaller.STARTUP,
          new TenantSlug(at < 0 ? entry : entry.substring(0, at)),
          null,
          firm);
    } catch (DomainException e) {
      LOG.warning(() -> "demo tenant " + entry + " not provisioned: " + e.detail());
    }
  }
}

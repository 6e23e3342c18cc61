package io.regulus.tenancy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import java.io.File;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs inside the Liberty server the build started, against its real data source: the tenant-config
 * module as the EAR ships it (with its Flyway libraries), deployed by Arquillian beside the
 * application.
 */
@ExtendWith(ArquillianExtension.class)
class TenantProvisioningInContainerIT {

  @Deployment
  static WebArchive deployment() {
    File ear = new File(System.getProperty("regulus.ear-dir"));
    WebArchive war =
        ShrinkWrap.create(WebArchive.class, "tenant-provisioning-it.war")
            .addClass(TenantProvisioningInContainerIT.class)
            .addAsLibrary(new File(ear, "tenant-config.jar"));
    File[] libraries =
        new File(ear, "lib").listFiles((dir, name) -> name.startsWith("org.flywaydb-"));
    for (File library : libraries) {
      war.addAsLibrary(library);
    }
    return war;
  }

  @EJB private TenantProvisioner provisioner;
  @EJB private TenantRegistry registry;

  @Resource(lookup = "jdbc/regulus")
  private DataSource dataSource;

  @Test
  void provisioningTwiceChangesNothing() throws SQLException {
    TenantSlug slug = new TenantSlug("arq-" + UUID.randomUUID().toString().substring(0, 8));

    TenantProvisioner.Provisioned first = provisioner.provision(slug, "Arquillian Ltd", null);
    long migrations = count("SELECT count(*) FROM " + slug.schemaName() + ".flyway_schema_history");
    TenantProvisioner.Provisioned second = provisioner.provision(slug, "Another name", null);

    assertTrue(first.created());
    assertTrue(first.tenant().isActive());
    assertFalse(second.created());
    assertEquals(first.tenant().id(), second.tenant().id());
    assertEquals("Arquillian Ltd", second.tenant().displayName());
    assertEquals(
        migrations, count("SELECT count(*) FROM " + slug.schemaName() + ".flyway_schema_history"));
    assertEquals(1, count("SELECT count(*) FROM platform.tenant WHERE slug = '" + slug + "'"));
  }

  @Test
  void halfProvisionedTenantIsNotServedUntilProvisioningIsRetried() throws SQLException {
    TenantSlug slug = new TenantSlug("half-" + UUID.randomUUID().toString().substring(0, 8));

    // as if provisioning had stopped after registering, before the schema was migrated
    assertTrue(registry.register(slug, "Half done", null));
    assertThrows(TenantNotFoundException.class, () -> registry.requireActive(slug));
    assertEquals(
        0, count("SELECT count(*) FROM pg_namespace WHERE nspname = '" + slug.schemaName() + "'"));

    TenantProvisioner.Provisioned retried = provisioner.provision(slug, "Half done", null);

    assertFalse(retried.created());
    assertTrue(retried.tenant().isActive());
    assertEquals(slug.schemaName(), registry.requireActive(slug).schemaName());
    assertEquals(
        1, count("SELECT count(*) FROM pg_namespace WHERE nspname = '" + slug.schemaName() + "'"));
  }

  @Test
  void provisioningThatFailsInItsMigrationIsNotServedAndCanBeRetried() throws SQLException {
    TenantSlug slug = new TenantSlug("fail-" + UUID.randomUUID().toString().substring(0, 8));
    // a stray table where the tenant schema will be: the migration of the new schema fails
    execute("CREATE SCHEMA " + slug.schemaName());
    execute("CREATE TABLE " + slug.schemaName() + ".stray (id int)");

    assertThrows(Exception.class, () -> provisioner.provision(slug, "Fails once", null));

    assertThrows(TenantNotFoundException.class, () -> registry.requireActive(slug));
    assertEquals(TenantStatus.PROVISIONING, registry.require(slug).status());

    execute("DROP TABLE " + slug.schemaName() + ".stray");
    TenantProvisioner.Provisioned retried = provisioner.provision(slug, "Fails once", null);

    assertFalse(retried.created());
    assertTrue(retried.tenant().isActive());
    // each migration applied once, and none failed
    assertEquals(
        0,
        count(
            "SELECT count(*) - count(DISTINCT version) FROM "
                + slug.schemaName()
                + ".flyway_schema_history"));
    assertEquals(
        0,
        count(
            "SELECT count(*) FROM "
                + slug.schemaName()
                + ".flyway_schema_history WHERE NOT success"));
    assertTrue(count("SELECT count(*) FROM " + slug.schemaName() + ".flyway_schema_history") >= 2);
  }

  private void execute(String sql) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.execute();
    }
  }

  private long count(String sql) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql);
        ResultSet result = statement.executeQuery()) {
      result.next();
      return result.getLong(1);
    }
  }
}

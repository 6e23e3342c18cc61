package io.regulus.it;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * A test deployment holding the domain as the EAR ships it (its EJB modules and libraries, beside
 * the running application, against the same PostgreSQL and Keycloak), without its start-up tasks,
 * which the application already ran; the test's classes run inside the server.
 */
final class DomainDeployment {

  private DomainDeployment() {}

  static WebArchive of(String name, Class<?>... classes) {
    File ear = new File(System.getProperty("regulus.ear-dir"));
    WebArchive war =
        ShrinkWrap.create(WebArchive.class, name + ".war")
            .addClasses(classes)
            .addAsLibrary(
                module(ear, "tenant-config.jar", "io/regulus/tenancy/PlatformStartup.class"))
            .addAsLibrary(
                module(
                    ear,
                    "ejb.jar",
                    "io/regulus/administration/DemoTenants.class",
                    "io/regulus/template/library/BuiltInLibrary.class"))
            // the jobs the services start (imports, pushes, recomputes) and their artifacts, not
            // the schedule
            .addAsLibrary(
                module(
                    ear,
                    "batch.jar",
                    "io/regulus/batch/scorerecompute/NightlyScoreRecompute.class",
                    "io/regulus/batch/notification/MailSchedule.class"));
    for (File library : new File(ear, "lib").listFiles()) {
      war.addAsLibrary(library);
    }
    return war;
  }

  /** An EJB module of the EAR without its start-up tasks. */
  private static JavaArchive module(File ear, String name, String... startups) {
    JavaArchive module = ShrinkWrap.createFromZipFile(JavaArchive.class, new File(ear, name));
    for (String startup : startups) {
      module.delete("/" + startup);
    }
    return module;
  }
}

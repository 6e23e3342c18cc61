package io.regulus.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.regulus.template.library.LibraryFiles;
import io.regulus.template.library.LibraryLoader;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Loading the built-in library again, inside the server against the database the application loaded
 * it into at start-up, changes nothing (issue 16, acceptance 4): no action added or rewritten, no
 * version added, no template's header touched, the same rows in every library table.
 */
@ExtendWith(ArquillianExtension.class)
class BuiltInLibraryIT {

  /** Every row of the library's tables, as one digest (ids and all). */
  private static final String LIBRARY =
      "SELECT md5(string_agg(r, '|' ORDER BY r)) FROM (SELECT 'a' || la::text AS r FROM"
          + " platform.library_action la UNION ALL SELECT 't' || t::text FROM platform.template t"
          + " UNION ALL SELECT 'v' || v::text FROM platform.template_version v UNION ALL"
          + " SELECT 'c' || c::text FROM platform.template_control c UNION ALL SELECT 'm' || m::text"
          + " FROM platform.template_control_action m UNION ALL SELECT 'l' || l::text FROM"
          + " platform.library_load l) rows";

  @Deployment
  static WebArchive deployment() {
    return DomainDeployment.of("built-in-library-it", BuiltInLibraryIT.class);
  }

  @EJB private LibraryLoader loader;

  @Resource(lookup = "jdbc/regulus")
  private DataSource database;

  @Test
  void aSecondLoadChangesNothing() throws SQLException {
    LibraryFiles files = LibraryFiles.builtIn();
    assertTrue(
        loader.current(files),
        "the start-up recorded these files as loaded, so the next start does nothing");
    String before = digest();

    LibraryLoader.Loaded again = loader.load(files);

    assertEquals(0, again.actionsAdded(), "actions added");
    assertEquals(0, again.actionsChanged(), "actions changed");
    assertEquals(java.util.List.of(), again.added(), "versions added");
    assertEquals(java.util.List.of(), again.refused(), "refused");
    assertEquals(files.templates().size(), again.unchanged().size(), "versions unchanged");
    assertEquals(before, digest(), "every row of the library's tables");
    assertEquals(java.util.List.of(), loader.pendingImports(files), "imports still to run");
  }

  private String digest() throws SQLException {
    try (Connection connection = database.getConnection();
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(LIBRARY)) {
      result.next();
      return result.getString(1);
    }
  }
}

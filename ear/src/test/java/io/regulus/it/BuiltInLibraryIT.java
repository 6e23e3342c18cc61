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

  /**
   * A library version adding an action under a key a firm's template already uses for its own
   * action loads nothing, and the firm's action keeps its content.
   */
  @Test
  void anActionKeyAFirmAlreadyUsesRefusesTheLoad() throws SQLException {
    String key = "firm-own-" + java.util.UUID.randomUUID().toString().substring(0, 8);
    String slug = "clash-" + key.substring(9);
    try (Connection connection = database.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(
          "WITH f AS (INSERT INTO platform.firm (slug, display_name, created_at) VALUES ('"
              + slug
              + "', 'Clash', now()) RETURNING id),"
              + " t AS (INSERT INTO platform.template (template_key, title, regulation, firm_id)"
              + " SELECT '"
              + slug
              + "', 'Playbook', 'Playbook', id FROM f RETURNING id),"
              + " v AS (INSERT INTO platform.template_version (template_id, version, published_at,"
              + " content_sha256) SELECT id, '1', now(), repeat('0', 64) FROM t RETURNING id),"
              + " c AS (INSERT INTO platform.template_control (version_id, control_id, family, title,"
              + " description, mandatory, nature, position) SELECT id, 'P-1', 'Playbook', 'Ours',"
              + " 'Our own control', true, 'PREVENTATIVE', 0 FROM v RETURNING id),"
              + " a AS (INSERT INTO platform.library_action (action_key, title, description,"
              + " action_type, points, category, testing_source, managed_by) VALUES ('"
              + key
              + "', 'The firm''s own', 'Written by the firm', 'OPERATIONAL', 12, 'Manage compliance',"
              + " 'MANUAL', 'CUSTOMER') RETURNING id)"
              + " INSERT INTO platform.template_control_action (control_id, action_id)"
              + " SELECT c.id, a.id FROM c, a");
    }
    try {
      LibraryFiles files = LibraryFiles.builtIn();
      java.util.List<LibraryFiles.Action> actions = new java.util.ArrayList<>(files.actions());
      actions.add(
          new LibraryFiles.Action(
              key,
              "The library's",
              "Written by the library",
              null,
              "OPERATIONAL",
              27,
              "Manage compliance",
              null,
              "MANUAL",
              null,
              "CUSTOMER",
              null));
      LibraryFiles clashing =
          new LibraryFiles(actions, files.templates(), files.imports(), "clashing");
      String before = digest();

      Exception refused =
          org.junit.jupiter.api.Assertions.assertThrows(
              Exception.class, () -> loader.load(clashing));

      assertTrue(
          String.valueOf(rootCause(refused).getMessage()).contains(key),
          "the refusal names the key: " + rootCause(refused));
      assertEquals(before, digest(), "nothing loaded, the firm's action as it was");
      assertTrue(loader.current(files), "the library as it was loaded at start-up");
    } finally {
      try (Connection connection = database.getConnection();
          Statement statement = connection.createStatement()) {
        statement.execute(
            "DELETE FROM platform.template_control_action WHERE action_id IN (SELECT id FROM"
                + " platform.library_action WHERE action_key = '"
                + key
                + "')");
        statement.execute("DELETE FROM platform.library_action WHERE action_key = '" + key + "'");
        statement.execute(
            "DELETE FROM platform.template_control WHERE version_id IN (SELECT v.id FROM"
                + " platform.template_version v JOIN platform.template t ON t.id = v.template_id"
                + " WHERE t.template_key = '"
                + slug
                + "')");
        statement.execute(
            "DELETE FROM platform.template_version WHERE template_id IN (SELECT id FROM"
                + " platform.template WHERE template_key = '"
                + slug
                + "')");
        statement.execute("DELETE FROM platform.template WHERE template_key = '" + slug + "'");
        statement.execute("DELETE FROM platform.firm WHERE slug = '" + slug + "'");
      }
    }
  }

  /**
   * A library whose rule reads a key outside the signal catalog, or sits on a manual action, loads
   * nothing and names each fault; the rules the start-up loaded are every automatic action's.
   */
  @Test
  void aRuleWithAFaultRefusesTheLoadAndTheLoadedRulesAreTheFiles() throws SQLException {
    LibraryFiles files = LibraryFiles.builtIn();
    java.util.List<LibraryFiles.Action> actions = new java.util.ArrayList<>();
    for (LibraryFiles.Action action : files.actions()) {
      if (action.key().equals("mfa-for-administrators")) {
        action =
            new LibraryFiles.Action(
                action.key(),
                action.title(),
                action.description(),
                action.howTo(),
                action.type(),
                action.points(),
                action.category(),
                action.solution(),
                action.testingSource(),
                action.parent(),
                action.managedBy(),
                jakarta.json.Json.createObjectBuilder(action.test().asJsonObject())
                    .add("signal", "mfa.admins.everywhere")
                    .build());
      } else if (action.key().equals("records-of-processing-controller")) {
        action =
            new LibraryFiles.Action(
                action.key(),
                action.title(),
                action.description(),
                action.howTo(),
                action.type(),
                action.points(),
                action.category(),
                action.solution(),
                action.testingSource(),
                action.parent(),
                action.managedBy(),
                jakarta.json.Json.createObjectBuilder()
                    .add("signal", "mfa.admins.enforced")
                    .add("expect", "value == true")
                    .add("risk", "HIGH")
                    .build());
      }
      actions.add(action);
    }
    String before = digest();

    Exception refused =
        org.junit.jupiter.api.Assertions.assertThrows(
            Exception.class,
            () -> loader.load(new LibraryFiles(actions, files.templates(), files.imports(), "x")));

    String message = String.valueOf(rootCause(refused).getMessage());
    assertTrue(message.contains("mfa-for-administrators.test.signal"), message);
    assertTrue(message.contains("records-of-processing-controller.test"), message);
    assertEquals(before, digest(), "nothing loaded");
    try (Connection connection = database.getConnection();
        Statement statement = connection.createStatement();
        ResultSet result =
            statement.executeQuery(
                "SELECT count(*) FILTER (WHERE test_rule IS NOT NULL),"
                    + " count(*) FILTER (WHERE test_rule->>'signal' = 'mfa.admins.enforced'"
                    + " AND action_key = 'mfa-for-administrators')"
                    + " FROM platform.library_action")) {
      result.next();
      long expected = files.actions().stream().filter(a -> a.test() != null).count();
      assertEquals(expected, result.getLong(1), "library actions with a rule");
      assertEquals(1, result.getLong(2), "mfa-for-administrators reads mfa.admins.enforced");
    }
  }

  private static Throwable rootCause(Throwable thrown) {
    Throwable cause = thrown;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause;
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

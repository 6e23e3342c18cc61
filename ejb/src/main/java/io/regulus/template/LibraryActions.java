package io.regulus.template;

/**
 * Copying global library actions into a tenant's catalogue, in one place for every path that needs
 * them (an assessment of a global template, a private template or extension that maps them). A copy
 * is taken once: it keeps the points, type and responsibility it was taken with; its texts, points
 * and test rule follow the library's through template updates ({@link ActionRevisions}).
 */
public final class LibraryActions {

  private LibraryActions() {}

  /**
   * An INSERT ... SELECT that copies the library actions {@code where} selects (a condition on
   * {@code la}, platform.library_action) that the tenant does not have yet. A conflict can only be
   * an earlier copy: the library's keys are plain names and a tenant's own are "tenant:name"
   * (tenant migration V9, constraint action_key_namespace), so no own action stands in for one.
   */
  public static String copyWhere(String where) {
    return "INSERT INTO action (action_key, origin, title, description, how_to, action_type, points,"
        + " category, solution, testing_source, parent_key, managed_by, test_rule) SELECT la.action_key,"
        + " 'LIBRARY', la.title, la.description, la.how_to, la.action_type, la.points, la.category,"
        + " la.solution, la.testing_source, la.parent_key, la.managed_by, la.test_rule"
        + " FROM platform.library_action la WHERE "
        + where
        + " ON CONFLICT (action_key) DO NOTHING";
  }
}

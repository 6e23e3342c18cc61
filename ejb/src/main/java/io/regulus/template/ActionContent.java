package io.regulus.template;

import io.regulus.scoring.ActionType;
import io.regulus.scoring.ManagedBy;
import io.regulus.scoring.ScoredAction;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What an improvement action says and scores with: as the tenant's catalogue holds it, or as a
 * template version writes it.
 *
 * @param testingSource MANUAL, AUTOMATIC or PARENT: kept as the catalogue first took it (not a
 *     field a version changes)
 * @param test an automatic action's test rule as stored JSON ({@code RuleDefinition}), or null
 */
public record ActionContent(
    String key,
    String title,
    String description,
    String howTo,
    ActionType type,
    int points,
    String category,
    String solution,
    ManagedBy managedBy,
    String testingSource,
    String test) {

  /** The action as scoring sees it. */
  public ScoredAction scored() {
    return new ScoredAction(key, points, type, managedBy, category, solution);
  }

  /**
   * The fields whose values differ from {@code other}'s, by name (title, description, howTo, type,
   * points, category, solution, managedBy, test).
   */
  public List<String> changedFrom(ActionContent other) {
    List<String> changed = new ArrayList<>();
    compare(changed, "title", title, other.title);
    compare(changed, "description", description, other.description);
    compare(changed, "howTo", howTo, other.howTo);
    compare(changed, "type", type, other.type);
    compare(changed, "points", points, other.points);
    compare(changed, "category", category, other.category);
    compare(changed, "solution", solution, other.solution);
    compare(changed, "managedBy", managedBy, other.managedBy);
    compare(changed, "test", test, other.test);
    return changed;
  }

  /** The value of one of the fields {@link #changedFrom} names, as text. */
  public String value(String field) {
    Object value =
        switch (field) {
          case "title" -> title;
          case "description" -> description;
          case "howTo" -> howTo;
          case "type" -> type;
          case "points" -> points;
          case "category" -> category;
          case "solution" -> solution;
          case "managedBy" -> managedBy;
          case "test" -> test;
          default -> throw new IllegalArgumentException("no action field " + field);
        };
    return value == null ? null : value.toString();
  }

  private static void compare(List<String> changed, String field, Object mine, Object theirs) {
    if (!Objects.equals(mine, theirs)) {
      changed.add(field);
    }
  }
}

package io.regulus.scoring;

import io.regulus.problem.InvalidInputException;
import io.regulus.problem.Violation;
import java.util.Arrays;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The subset a filtered score is computed over (rule 6); a null criterion keeps everything. A unit
 * matches a regulation, or a group, when any assessment of that regulation, or in that group,
 * references it.
 */
public record ScoreFilter(
    String regulation,
    String category,
    String solution,
    ActionType type,
    String group,
    ManagedBy managedBy) {

  public static final ScoreFilter NONE = new ScoreFilter(null, null, null, null, null, null);

  /**
   * A filter from query parameters; a blank one keeps everything, an unknown type or managedBy is
   * refused.
   */
  public static ScoreFilter of(
      String regulation,
      String category,
      String solution,
      String type,
      String group,
      String managedBy) {
    return new ScoreFilter(
        blankToNull(regulation),
        blankToNull(category),
        blankToNull(solution),
        parse(ActionType.class, "type", type),
        blankToNull(group),
        parse(ManagedBy.class, "managedBy", managedBy));
  }

  public Predicate<ScoredUnit> predicate() {
    return unit ->
        (regulation == null || unit.regulations().contains(regulation))
            && (category == null || category.equals(unit.action().category()))
            && (solution == null || solution.equals(unit.action().solution()))
            && (type == null || type == unit.action().type())
            && (group == null || unit.groups().contains(group))
            && (managedBy == null || managedBy == unit.action().managedBy());
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static <E extends Enum<E>> E parse(Class<E> type, String field, String value) {
    if (blankToNull(value) == null) {
      return null;
    }
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equalsIgnoreCase(value.strip())) {
        return constant;
      }
    }
    throw new InvalidInputException(
        new Violation(
            field,
            "one of "
                + Arrays.stream(type.getEnumConstants())
                    .map(Enum::name)
                    .collect(Collectors.joining(", "))
                + " (got '"
                + value
                + "')"));
  }
}

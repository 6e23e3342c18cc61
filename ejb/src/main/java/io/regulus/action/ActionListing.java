package io.regulus.action;

import io.regulus.paging.PageRequest;
import io.regulus.problem.InvalidInputException;
import io.regulus.problem.Violation;
import io.regulus.scoring.Score;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The actions list over a tenant's instances, in memory: filter, sort, page, count by one
 * attribute, and score the filtered set from the instances' scoring contributions. Pure, so the
 * rules are tested without a server.
 */
public final class ActionListing {

  private static final Map<String, Comparator<ActionInstance>> SORTS =
      Map.of(
          "points", Comparator.comparingInt(ActionInstance::points),
          "title", Comparator.comparing(ActionInstance::title, String.CASE_INSENSITIVE_ORDER),
          "key", Comparator.comparing(ActionInstance::key),
          "dueDate",
              Comparator.comparing(
                  ActionInstance::dueDate, Comparator.nullsLast(Comparator.naturalOrder())),
          "priority", Comparator.comparing(ActionInstance::priority),
          "implementationStatus", Comparator.comparing(ActionInstance::implementationStatus),
          "testStatus", Comparator.comparing(ActionInstance::testStatus),
          "updatedAt", Comparator.comparing(ActionInstance::updatedAt));

  private static final Map<String, Function<ActionInstance, List<String>>> GROUP_BY =
      Map.of(
          "implementationStatus", i -> List.of(i.implementationStatus().name()),
          "testStatus", i -> List.of(i.testStatus().name()),
          "category", i -> List.of(i.category()),
          "solution", i -> List.of(i.solution() == null ? "(none)" : i.solution()),
          "type", i -> List.of(i.type().name()),
          "assignee", i -> List.of(i.assigneeName() == null ? "(unassigned)" : i.assigneeName()),
          "priority", i -> List.of(i.priority().name()),
          "group", i -> List.of(i.group() == null ? "(tenant-wide)" : i.group()),
          "testingSource", i -> List.of(i.testingSource().name()),
          "regulation", ActionInstance::regulations);

  private ActionListing() {}

  /** The attributes the list counts by ({@code groupBy}), for a client that offers them. */
  public static Set<String> groupings() {
    return new TreeSet<>(GROUP_BY.keySet());
  }

  /**
   * @param sort comma-separated keys, each optionally prefixed by '-' for descending (default
   *     "-points,key")
   * @param contributions each instance's achieved and possible points in the tenant score, by
   *     instance id
   */
  public static ActionPage page(
      List<ActionInstance> all,
      ActionFilter filter,
      String sort,
      int page,
      int size,
      String groupBy,
      Map<Long, Score> contributions,
      LocalDate today) {
    List<Violation> violations = new ArrayList<>();
    Comparator<ActionInstance> order =
        order(sort == null || sort.isBlank() ? "-points,key" : sort, violations);
    if (groupBy != null && !GROUP_BY.containsKey(groupBy)) {
      violations.add(
          new Violation(
              "groupBy", "one of " + String.join(", ", new TreeMap<>(GROUP_BY).keySet())));
    }
    violations.addAll(PageRequest.violations(page, size));
    if (!violations.isEmpty()) {
      throw new InvalidInputException("The list cannot be shown", violations);
    }
    Score score = Score.ZERO;
    List<ActionInstance> listed = new ArrayList<>();
    Map<String, Long> counts = new TreeMap<>();
    for (ActionInstance instance : all) {
      if (!filter.selects(instance, today)) {
        continue;
      }
      score = score.plus(contributions.getOrDefault(instance.id(), Score.ZERO));
      if (filter.lists(instance, today)) {
        listed.add(instance);
        if (groupBy != null) {
          GROUP_BY
              .get(groupBy)
              .apply(instance)
              .forEach(value -> counts.merge(value, 1L, Long::sum));
        }
      }
    }
    listed.sort(order.thenComparingLong(ActionInstance::id));
    int from = (int) Math.min((long) page * size, listed.size());
    int to = Math.min(from + size, listed.size());
    return new ActionPage(
        listed.size(),
        page,
        size,
        listed.subList(from, to),
        groupBy,
        groupBy == null ? null : counts,
        score);
  }

  private static Comparator<ActionInstance> order(String sort, List<Violation> violations) {
    Comparator<ActionInstance> order = null;
    for (String part : sort.split(",")) {
      String key = part.strip();
      boolean descending = key.startsWith("-");
      Comparator<ActionInstance> next = SORTS.get(descending ? key.substring(1) : key);
      if (next == null) {
        violations.add(
            new Violation(
                "sort",
                "'"
                    + key
                    + "' is not a sort key; use "
                    + String.join(", ", new TreeMap<>(SORTS).keySet())
                    + ", each with '-' in front for descending"));
        continue;
      }
      next = descending ? next.reversed() : next;
      order = order == null ? next : order.thenComparing(next);
    }
    return order == null ? (a, b) -> 0 : order;
  }
}

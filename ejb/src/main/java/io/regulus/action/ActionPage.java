package io.regulus.action;

import io.regulus.scoring.Score;
import java.util.List;
import java.util.Map;

/**
 * One page of the actions list: the instances the filter lists ({@code total} of them), the counts
 * per value of the group-by attribute over all of them, and the score of the filtered set (passed
 * instances included).
 */
public record ActionPage(
    long total,
    int page,
    int size,
    List<ActionInstance> items,
    String groupBy,
    Map<String, Long> counts,
    Score score) {

  public ActionPage {
    items = List.copyOf(items);
    counts =
        counts == null
            ? Map.of()
            : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(counts));
  }
}

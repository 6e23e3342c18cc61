package io.regulus.api.action;

import io.regulus.action.ActionPage;
import io.regulus.api.score.ScoreView;
import java.util.List;
import java.util.Map;

/**
 * A page of the actions list: {@code total} listed instances, this page of them, counts per value
 * of {@code groupBy} over all of them, and the score of the filtered set (passed instances
 * included).
 */
public record ActionPageView(
    long total,
    int page,
    int size,
    List<ActionView> items,
    String groupBy,
    Map<String, Long> counts,
    ScoreView score) {

  public static ActionPageView of(ActionPage page) {
    return new ActionPageView(
        page.total(),
        page.page(),
        page.size(),
        page.items().stream().map(ActionView::of).toList(),
        page.groupBy(),
        page.groupBy() == null ? null : page.counts(),
        ScoreView.of(page.score()));
  }
}

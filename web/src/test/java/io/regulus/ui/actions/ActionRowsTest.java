package io.regulus.ui.actions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

class ActionRowsTest {

  @Test
  void theTablesSortedColumnsBecomeTheApisSortInTheirPriority() {
    Map<String, SortMeta> sortBy = new LinkedHashMap<>();
    sortBy.put("title", meta("title", SortOrder.ASCENDING, 1));
    sortBy.put("points", meta("points", SortOrder.DESCENDING, 0));

    assertThat(ActionRows.sort(sortBy)).isEqualTo("-points,title");
  }

  @Test
  void anUnsortedTableAsksForTheListsDefaultOrder() {
    assertThat(ActionRows.sort(Map.of())).isNull();
    assertThat(ActionRows.sort(null)).isNull();
    assertThat(ActionRows.sort(Map.of("dueDate", meta("dueDate", SortOrder.UNSORTED, 0)))).isNull();
  }

  private static SortMeta meta(String field, SortOrder order, int priority) {
    return SortMeta.builder().field(field).order(order).priority(priority).build();
  }
}

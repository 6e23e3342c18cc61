package io.regulus.ui.actions;

import io.regulus.api.action.ActionPageView;
import io.regulus.api.action.ActionView;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

/**
 * The table's rows, one page at a time from the list service: the table's first row and page size
 * become the service's page and size, its sorted columns the API's {@code sort} ({@code
 * -points,title}); filtering is the page's filter bar, not the table's.
 */
public class ActionRows extends LazyDataModel<ActionView> {

  private static final long serialVersionUID = 1L;

  private final ActionList list;

  ActionRows(ActionList list) {
    this.list = list;
  }

  @Override
  public int count(Map<String, FilterMeta> filterBy) {
    return (int) list.getSummary().total();
  }

  @Override
  public List<ActionView> load(
      int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
    ActionPageView page = list.page(first / pageSize, pageSize, sort(sortBy));
    setRowCount((int) page.total());
    return page.items();
  }

  /** The API's sort of the table's sorted columns, in their priority; null for the default. */
  static String sort(Map<String, SortMeta> sortBy) {
    if (sortBy == null || sortBy.isEmpty()) {
      return null;
    }
    String sort =
        sortBy.values().stream()
            .filter(SortMeta::isActive)
            .sorted()
            .map(meta -> (meta.getOrder() == SortOrder.DESCENDING ? "-" : "") + meta.getField())
            .collect(Collectors.joining(","));
    return sort.isEmpty() ? null : sort;
  }

  @Override
  public String getRowKey(ActionView action) {
    return Long.toString(action.id());
  }

  @Override
  public ActionView getRowData(String rowKey) {
    List<ActionView> shown = getWrappedData();
    return shown == null
        ? null
        : shown.stream().filter(a -> getRowKey(a).equals(rowKey)).findFirst().orElse(null);
  }
}

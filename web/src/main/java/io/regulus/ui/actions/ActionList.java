package io.regulus.ui.actions;

import io.regulus.access.TenantCaller;
import io.regulus.action.ActionFilter;
import io.regulus.action.ActionListing;
import io.regulus.action.ActionService;
import io.regulus.action.BulkUpdateService;
import io.regulus.action.Priority;
import io.regulus.api.action.ActionPageView;
import io.regulus.api.action.ActionQuery;
import io.regulus.api.action.Exports;
import io.regulus.assessment.AssessmentGroup;
import io.regulus.assessment.AssessmentGroupService;
import io.regulus.assessment.AssessmentService;
import io.regulus.paging.PageRequest;
import io.regulus.scoring.ActionType;
import io.regulus.scoring.ImplementationStatus;
import io.regulus.scoring.TestStatus;
import io.regulus.ui.Workspace;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.model.SelectItem;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.primefaces.component.datatable.DataTable;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.StreamedContent;

/**
 * The actions list of one tenant: its filter bar is an {@link ActionQuery}, the object the API
 * reads its query into, so the page filters exactly as {@code GET /tenants/{t}/actions} does; the
 * table pages and sorts through the same {@link ActionService#list} ({@link ActionRows}), the
 * group-by counts and the filtered score come from it too, and the export is the API's workbook.
 */
@Named("actionList")
@ViewScoped
public class ActionList implements Serializable {

  private static final long serialVersionUID = 1L;

  /** What the list counts by until the user picks another grouping. */
  static final String DEFAULT_GROUPING = "implementationStatus";

  /** The table's id in the page. */
  static final String TABLE = "list:actions";

  @EJB private ActionService actions;
  @EJB private BulkUpdateService workbooks;
  @EJB private AssessmentGroupService groups;
  @EJB private AssessmentService assessments;
  @Inject private Workspace workspace;

  private String tenant;
  private final ActionQuery query = new ActionQuery();
  private boolean mine;
  private String groupBy = DEFAULT_GROUPING;
  private final ActionRows rows = new ActionRows(this);
  private List<SelectItem> groupChoices = List.of();
  private List<SelectItem> assessmentChoices = List.of();
  private List<String> categories = List.of();
  private List<String> regulations = List.of();

  /** Where this request keeps the summary it read (a later request reads its own). */
  private static final String SUMMARY = ActionList.class.getName() + ".summary";

  /** The filter and grouping a summary was read for, with what it read. */
  private record Summary(ActionFilter filter, String groupBy, ActionPageView page) {}

  /** The view action: enters the tenant (refused as the API refuses) and reads the choices. */
  public void load() {
    TenantCaller caller = caller();
    query.setAssignee(mine ? "me" : null);
    categories = values(caller, "category");
    regulations = values(caller, "regulation");
    List<SelectItem> groupItems = new ArrayList<>();
    List<SelectItem> assessmentItems = new ArrayList<>();
    for (AssessmentGroup group : groups.list(caller)) {
      groupItems.add(new SelectItem(group.id(), group.name()));
      assessments
          .inGroup(caller, group.id())
          .forEach(
              scored ->
                  assessmentItems.add(
                      new SelectItem(
                          scored.assessment().id(),
                          group.name() + " · " + scored.assessment().name())));
    }
    groupChoices = groupItems;
    assessmentChoices = assessmentItems;
  }

  /** Every value the tenant's actions have for a grouping (passed ones included). */
  private List<String> values(TenantCaller caller, String grouping) {
    return List.copyOf(
        actions.list(caller, ActionFilter.ALL, null, 0, 1, grouping).counts().keySet());
  }

  /** After the filter bar changed: the first page of what it now lists. */
  public void filter() {
    query.setAssignee(mine ? "me" : null);
    DataTable table =
        (DataTable) FacesContext.getCurrentInstance().getViewRoot().findComponent(TABLE);
    if (table != null) {
      table.setFirst(0);
    }
  }

  /** Clears every criterion but "my actions". */
  public void clear() {
    query.setRegulation(null);
    query.setAssessment(null);
    query.setGroup(null);
    query.setCategory(null);
    query.setType(null);
    query.setImplementationStatus(null);
    query.setTestStatus(null);
    query.setPriority(null);
    query.setOverdue(null);
    query.setText(null);
    query.setIncludePassed(false);
    filter();
  }

  /** The user inside the tenant the page names, as the domain lets them in, on every request. */
  TenantCaller caller() {
    return workspace.enter(tenant);
  }

  /** The domain's filter of the bar, as the API builds it ("me" is the caller). */
  ActionFilter currentFilter(TenantCaller caller) {
    return query.filter(caller.id());
  }

  /** One page of the list, sorted as the API sorts ({@code -points,title}; null: the default). */
  ActionPageView page(int page, int size, String sort) {
    TenantCaller caller = caller();
    return ActionPageView.of(actions.list(caller, currentFilter(caller), sort, page, size, null));
  }

  /** The group-by counts, the total and the filtered score of the current filter. */
  public ActionPageView getSummary() {
    TenantCaller caller = caller();
    ActionFilter filter = currentFilter(caller);
    Map<Object, Object> request = FacesContext.getCurrentInstance().getAttributes();
    if (!(request.get(SUMMARY) instanceof Summary summary)
        || !summary.filter().equals(filter)
        || !groupBy.equals(summary.groupBy())) {
      Summary read =
          new Summary(
              filter,
              groupBy,
              ActionPageView.of(actions.list(caller, filter, null, 0, 1, groupBy)));
      request.put(SUMMARY, read);
      return read.page();
    }
    return summary.page();
  }

  /** One value of the grouping and how many listed actions have it. */
  public record Count(String value, long count) implements Serializable {}

  /** The counts as rows for the table beside the list, largest first. */
  public List<Count> getCounts() {
    return getSummary().counts().entrySet().stream()
        .map(entry -> new Count(entry.getKey(), entry.getValue()))
        .sorted(java.util.Comparator.comparingLong(Count::count).reversed())
        .toList();
  }

  /** Whether the grouping's values are the domain's constants, shown through the bundle. */
  public boolean isConstantGrouping() {
    return List.of("implementationStatus", "testStatus", "type", "priority", "testingSource")
        .contains(groupBy);
  }

  /** The workbook of what the filter lists, as the API's export writes it. */
  public StreamedContent getWorkbook() {
    TenantCaller caller = caller();
    ActionFilter filter = currentFilter(caller);
    return DefaultStreamedContent.builder()
        .name(Exports.actionsWorkbook(tenant))
        .contentType(Exports.XLSX)
        .writer(out -> workbooks.export(caller, filter, out))
        .build();
  }

  /** The page sizes offered: the API's default and up to its largest page. */
  public List<Integer> getPageSizes() {
    return IntStream.of(25, PageRequest.DEFAULT_SIZE, 100, 250, PageRequest.MAX_SIZE)
        .boxed()
        .toList();
  }

  public String getPageSizeTemplate() {
    return getPageSizes().stream().map(String::valueOf).collect(Collectors.joining(","));
  }

  public ImplementationStatus[] getImplementationStatuses() {
    return ImplementationStatus.values();
  }

  public TestStatus[] getTestStatuses() {
    return TestStatus.values();
  }

  public Priority[] getPriorities() {
    return Priority.values();
  }

  public ActionType[] getTypes() {
    return ActionType.values();
  }

  public List<String> getGroupings() {
    return List.copyOf(ActionListing.groupings());
  }

  public String getTenant() {
    return tenant;
  }

  public void setTenant(String tenant) {
    this.tenant = tenant;
  }

  public ActionQuery getQuery() {
    return query;
  }

  public boolean isMine() {
    return mine;
  }

  public void setMine(boolean mine) {
    this.mine = mine;
  }

  public String getGroupBy() {
    return groupBy;
  }

  public void setGroupBy(String groupBy) {
    this.groupBy = groupBy == null || groupBy.isBlank() ? DEFAULT_GROUPING : groupBy;
  }

  public ActionRows getRows() {
    return rows;
  }

  public List<SelectItem> getGroupChoices() {
    return groupChoices;
  }

  public List<SelectItem> getAssessmentChoices() {
    return assessmentChoices;
  }

  public List<String> getCategories() {
    return categories;
  }

  public List<String> getRegulations() {
    return regulations;
  }
}

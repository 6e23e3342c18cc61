package io.regulus.ui.actions;

import io.regulus.access.TenantCaller;
import io.regulus.action.ActionService;
import io.regulus.api.action.ActionPageView;
import io.regulus.api.action.ActionView;
import io.regulus.directory.AssignmentPurpose;
import io.regulus.directory.Member;
import io.regulus.directory.TenantMembers;
import io.regulus.paging.PageRequest;
import jakarta.ejb.EJB;
import jakarta.faces.model.SelectItem;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Assigning in bulk, for those who may ({@code ASSIGN_ACTIONS}, asked of the domain by the page):
 * the selected rows, or every action the filter lists, to one member; and everything of one member
 * to another. The same {@link ActionService} operations as {@code POST .../actions/assign} and
 * {@code .../reassign}, which refuse as they refuse there.
 */
@Named("bulkActions")
@ViewScoped
public class BulkActions implements Serializable {

  private static final long serialVersionUID = 1L;

  /** What a bulk assignment covers. */
  public enum Scope {
    SELECTED,
    FILTERED
  }

  @EJB private ActionService actions;
  @EJB private TenantMembers members;
  @Inject private ActionList list;

  private final Map<AssignmentPurpose, List<SelectItem>> pickers =
      new EnumMap<>(AssignmentPurpose.class);
  private List<ActionView> selected = new ArrayList<>();
  private Scope scope = Scope.SELECTED;
  private AssignmentPurpose purpose = AssignmentPurpose.IMPLEMENTATION;
  private AssignmentPurpose reassignPurpose = AssignmentPurpose.IMPLEMENTATION;
  private String assignee;
  private String from;
  private String to;

  /** Whether the bulk controls are shown: their member pickers are read from the directory then. */
  private boolean open;

  /** How many the last assignment changed, for its result line; null before. */
  private Integer assigned;

  /** How many the last reassignment moved; null before. */
  private Integer reassigned;

  /**
   * The members who may be picked for a purpose, as the action page's picker lists them; read from
   * the directory once a view.
   */
  public List<SelectItem> members(AssignmentPurpose purpose) {
    return pickers.computeIfAbsent(
        purpose,
        p ->
            members.assignable(list.caller(), p).stream()
                .map(member -> new SelectItem(member.id(), label(member)))
                .toList());
  }

  private static String label(Member member) {
    String name =
        ((member.firstName() == null ? "" : member.firstName())
                + " "
                + (member.lastName() == null ? "" : member.lastName()))
            .strip();
    return name.isEmpty() ? member.username() : name + " (" + member.username() + ")";
  }

  /** How many actions the assignment would change, for its confirmation. */
  public long getCovered() {
    return scope == Scope.SELECTED ? selected.size() : list.getSummary().total();
  }

  /** Shows the bulk controls. */
  public void open() {
    open = true;
  }

  public boolean isOpen() {
    return open;
  }

  /** Assigns the selected rows, or every action the filter lists, to the chosen member. */
  public void assign() {
    TenantCaller caller = list.caller();
    List<Long> ids =
        scope == Scope.SELECTED ? selected.stream().map(ActionView::id).toList() : listed(caller);
    // the API refuses an empty list (400); here the page says that nothing was selected
    assigned = ids.isEmpty() ? 0 : actions.assign(caller, ids, assignee, purpose);
    selected = new ArrayList<>();
  }

  /** Every action the filter lists, page by page of the largest size. */
  private List<Long> listed(TenantCaller caller) {
    List<Long> ids = new ArrayList<>();
    int page = 0;
    ActionPageView read;
    do {
      read =
          ActionPageView.of(
              actions.list(
                  caller, list.currentFilter(caller), null, page++, PageRequest.MAX_SIZE, null));
      read.items().forEach(action -> ids.add(action.id()));
    } while (!read.items().isEmpty() && ids.size() < read.total());
    return ids;
  }

  /** Moves everything assigned to one member to another. */
  public void reassign() {
    reassigned = actions.reassign(list.caller(), from, to, reassignPurpose);
  }

  public List<ActionView> getSelected() {
    return selected;
  }

  public void setSelected(List<ActionView> selected) {
    this.selected = selected == null ? new ArrayList<>() : new ArrayList<>(selected);
  }

  public Scope getScope() {
    return scope;
  }

  public void setScope(Scope scope) {
    this.scope = scope == null ? Scope.SELECTED : scope;
  }

  public Scope[] getScopes() {
    return Scope.values();
  }

  public AssignmentPurpose getPurpose() {
    return purpose;
  }

  public void setPurpose(AssignmentPurpose purpose) {
    this.purpose = purpose == null ? AssignmentPurpose.IMPLEMENTATION : purpose;
  }

  public AssignmentPurpose getReassignPurpose() {
    return reassignPurpose;
  }

  public void setReassignPurpose(AssignmentPurpose purpose) {
    this.reassignPurpose = purpose == null ? AssignmentPurpose.IMPLEMENTATION : purpose;
  }

  public AssignmentPurpose[] getPurposes() {
    return AssignmentPurpose.values();
  }

  public String getAssignee() {
    return assignee;
  }

  public void setAssignee(String assignee) {
    this.assignee = assignee;
  }

  public String getFrom() {
    return from;
  }

  public void setFrom(String from) {
    this.from = from;
  }

  public String getTo() {
    return to;
  }

  public void setTo(String to) {
    this.to = to;
  }

  public Integer getAssigned() {
    return assigned;
  }

  public Integer getReassigned() {
    return reassigned;
  }
}

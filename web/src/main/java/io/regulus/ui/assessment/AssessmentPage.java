package io.regulus.ui.assessment;

import io.regulus.access.TenantCaller;
import io.regulus.action.ActionFilter;
import io.regulus.action.ActionInstance;
import io.regulus.action.ActionPage;
import io.regulus.action.ActionService;
import io.regulus.api.assessment.AssessmentView;
import io.regulus.assessment.AssessmentControl;
import io.regulus.assessment.AssessmentService;
import io.regulus.paging.PageRequest;
import io.regulus.scoring.ControlStatus;
import io.regulus.ui.Workspace;
import io.regulus.ui.chart.ChartConfig;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;

/**
 * One assessment: its controls family by family, each with its status and the improvement actions
 * that serve it (this assessment's instances of them), and how many controls stand in each status.
 */
@Named
@ViewScoped
public class AssessmentPage implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Colours that tell the control statuses apart in the chart; the table beside it names them. */
  private static final Map<ControlStatus, String> COLOURS =
      Map.of(
          ControlStatus.PASSED, "#1a7f37",
          ControlStatus.FAILED, "#b42318",
          ControlStatus.IN_PROGRESS, "#0b5cad",
          ControlStatus.NONE, "#9aa5b1",
          ControlStatus.OUT_OF_SCOPE, "#6b4fbb");

  @EJB private AssessmentService assessments;
  @EJB private ActionService actions;
  @Inject private Workspace workspace;

  private String tenant;
  private long id;
  private AssessmentView assessment;
  private List<Family> families = List.of();
  private Map<ControlStatus, Integer> breakdown = Map.of();

  /** A control family and its controls, in the template's order. */
  public record Family(String name, List<Control> controls) implements Serializable {}

  /** A control with its status and actions. */
  public record Control(
      String id,
      String title,
      boolean mandatory,
      String nature,
      boolean fromExtension,
      ControlStatus status,
      List<Action> actions,
      String source)
      implements Serializable {}

  /** An action serving a control: the instance this assessment uses, when it has one. */
  public record Action(Long id, String key, String title, String implementation, String test)
      implements Serializable {}

  /** One status of the breakdown and how many controls are in it. */
  public record Slice(ControlStatus status, int controls) implements Serializable {}

  public void load() {
    TenantCaller caller = workspace.enter(tenant);
    AssessmentService.Scored scored = assessments.detail(caller, id);
    assessment = AssessmentView.of(scored.assessment(), scored.score());
    Map<String, ActionInstance> instances = instancesByKey(caller);
    Map<String, List<Control>> byFamily = new LinkedHashMap<>();
    Map<ControlStatus, Integer> counts = new EnumMap<>(ControlStatus.class);
    for (AssessmentControl control : scored.controls()) {
      ControlStatus status =
          scored.score() == null
              ? ControlStatus.NONE
              : scored.score().controls().getOrDefault(control.id(), ControlStatus.NONE);
      counts.merge(status, 1, Integer::sum);
      byFamily
          .computeIfAbsent(control.family(), family -> new ArrayList<>())
          .add(
              new Control(
                  control.id(),
                  control.title(),
                  control.mandatory(),
                  control.nature(),
                  control.fromExtension(),
                  status,
                  control.actions().stream().map(key -> action(key, instances.get(key))).toList(),
                  control.source()));
    }
    families =
        byFamily.entrySet().stream()
            .map(family -> new Family(family.getKey(), List.copyOf(family.getValue())))
            .toList();
    breakdown = counts;
  }

  /** This assessment's action instances by action key, as the actions list gives them. */
  private Map<String, ActionInstance> instancesByKey(TenantCaller caller) {
    ActionFilter mine =
        new ActionFilter(
            null, id, null, null, null, null, null, null, null, null, null, null, null, null, true);
    Map<String, ActionInstance> byKey = new HashMap<>();
    ActionPage page;
    int number = 0;
    do {
      page = actions.list(caller, mine, "key", number++, PageRequest.MAX_SIZE, null);
      page.items().forEach(instance -> byKey.put(instance.key(), instance));
    } while ((long) number * PageRequest.MAX_SIZE < page.total());
    return byKey;
  }

  private static Action action(String key, ActionInstance instance) {
    return instance == null
        ? new Action(null, key, key, null, null)
        : new Action(
            instance.id(),
            key,
            instance.title(),
            instance.implementationStatus().name(),
            instance.testStatus().name());
  }

  /** Deletes this assessment (after the page's confirmation) and goes back to the list. */
  public String delete() {
    assessments.delete(workspace.enter(tenant), id);
    return AssessmentPages.list(tenant);
  }

  /** The breakdown, one slice per status that has controls, in the order of the statuses. */
  public List<Slice> getBreakdown() {
    return breakdown.entrySet().stream()
        .map(slice -> new Slice(slice.getKey(), slice.getValue()))
        .toList();
  }

  public int getControlCount() {
    return breakdown.values().stream().mapToInt(Integer::intValue).sum();
  }

  /** The breakdown as a Chart.js doughnut, for p:chart; the page shows the same in a table. */
  public String getChart() {
    ResourceBundle text = AssessmentTexts.get();
    return ChartConfig.doughnut(
        getBreakdown().stream()
            .map(
                slice ->
                    new ChartConfig.Part(
                        text.getString("control." + slice.status().name()),
                        slice.controls(),
                        COLOURS.get(slice.status())))
            .toList());
  }

  public String getTenant() {
    return tenant;
  }

  public void setTenant(String tenant) {
    this.tenant = tenant;
  }

  public long getId() {
    return id;
  }

  public void setId(long id) {
    this.id = id;
  }

  public AssessmentView getAssessment() {
    return assessment;
  }

  /** When the assessment was created, for f:convertDateTime (which formats a Date). */
  public java.util.Date getCreated() {
    return java.util.Date.from(assessment.createdAt());
  }

  public List<Family> getFamilies() {
    return families;
  }
}

package io.regulus.ui.dashboard;

import io.regulus.access.TenantCaller;
import io.regulus.api.score.DashboardView;
import io.regulus.api.score.ExplanationView;
import io.regulus.api.score.ImpactView;
import io.regulus.api.score.ScoreView;
import io.regulus.scoring.ActionType;
import io.regulus.scoring.ScoreFilter;
import io.regulus.scoring.ScoreService;
import io.regulus.ui.Workspace;
import io.regulus.ui.chart.ChartConfig;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * A tenant's dashboard: the overall score with your points and the provider's, the breakdowns, the
 * solutions with open actions (one {@link ScoreService#dashboard} call); a filter whose score, "why
 * this score?" and what-if come from {@link ScoreService#explain} and {@link ScoreService#whatIf},
 * as {@code GET /scores} and {@code /scores/what-if} answer them. Every number goes through the
 * API's views, so the page rounds as the API does. The tenant is entered on every request.
 */
@Named
@ViewScoped
public class DashboardPage implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The colour of a breakdown's bars. */
  private static final String BAR = "#0b5cad";

  /** How many key improvement actions the page lists, as the API's default. */
  static final int KEY_ACTIONS = 10;

  @EJB private ScoreService scores;
  @Inject private Workspace workspace;

  private String tenant;
  private String regulation;
  private String category;
  private String solution;
  private String type;
  private String group;
  private boolean explaining;

  private DashboardView dashboard;
  private List<String> solutions = List.of();
  private ExplanationView filtered;
  private List<ImpactView> keyActions = List.of();

  /** The page as first opened (also after a refusal's redirect): the dashboard and no filter. */
  public void load() {
    TenantCaller caller = workspace.enter(tenant);
    dashboard = DashboardView.of(scores.dashboard(caller, KEY_ACTIONS));
    solutions =
        List.copyOf(
            new TreeSet<>(
                scores.explain(caller, ScoreFilter.NONE).units().stream()
                    .map(unit -> unit.action().solution())
                    .filter(Objects::nonNull)
                    .toList()));
    applyFilter();
  }

  /** The filtered score, its explanation and its key actions by impact. */
  public void applyFilter() {
    TenantCaller caller = workspace.enter(tenant);
    ScoreFilter filter = ScoreFilter.of(regulation, category, solution, type, group, null);
    filtered = ExplanationView.of(scores.explain(caller, filter));
    keyActions = scores.whatIf(caller, filter, KEY_ACTIONS).stream().map(ImpactView::of).toList();
  }

  public void clearFilter() {
    regulation = null;
    category = null;
    solution = null;
    type = null;
    group = null;
    applyFilter();
  }

  public void toggleExplanation() {
    explaining = !explaining;
  }

  /** Whether a filter is set: the page then names the filtered score apart from the overall. */
  public boolean isFiltered() {
    return regulation != null
        || category != null
        || solution != null
        || type != null
        || group != null;
  }

  /**
   * A breakdown as bars of percentages (Chart.js, for p:chart); the page shows it as a table too.
   */
  public String chart(String breakdown, String label) {
    List<ChartConfig.Part> bars =
        switch (breakdown) {
          case "category" ->
              bars(dashboard.byCategory(), DashboardView.Line::name, DashboardView.Line::score);
          case "group" ->
              bars(dashboard.byGroup(), DashboardView.Line::name, DashboardView.Line::score);
          case "regulation" ->
              bars(dashboard.byRegulation(), DashboardView.Line::name, DashboardView.Line::score);
          case "assessment" ->
              bars(
                  dashboard.byAssessment(),
                  DashboardView.AssessmentLine::name,
                  DashboardView.AssessmentLine::score);
          default -> throw new IllegalArgumentException("no breakdown " + breakdown);
        };
    return ChartConfig.horizontalBars(bars, label, 100);
  }

  private static <T> List<ChartConfig.Part> bars(
      List<T> lines, Function<T, String> name, Function<T, ScoreView> score) {
    return lines.stream()
        .map(line -> new ChartConfig.Part(name.apply(line), score.apply(line).percent(), BAR))
        .toList();
  }

  public String chartStyle(int bars) {
    return ChartConfig.barsHeight(bars);
  }

  public List<ActionType> getTypes() {
    return List.of(ActionType.values());
  }

  public List<String> getSolutions() {
    return solutions;
  }

  public DashboardView getDashboard() {
    return dashboard;
  }

  /** The filtered score (the overall one without a filter) with the actions behind it. */
  public ExplanationView getExplained() {
    return filtered;
  }

  public List<ImpactView> getKeyActions() {
    return keyActions;
  }

  public boolean isExplaining() {
    return explaining;
  }

  public String getTenant() {
    return tenant;
  }

  public void setTenant(String tenant) {
    this.tenant = tenant;
  }

  public String getRegulation() {
    return regulation;
  }

  public void setRegulation(String regulation) {
    this.regulation = regulation;
  }

  public String getCategory() {
    return category;
  }

  public void setCategory(String category) {
    this.category = category;
  }

  public String getSolution() {
    return solution;
  }

  public void setSolution(String solution) {
    this.solution = solution;
  }

  public String getType() {
    return type;
  }

  public void setType(String type) {
    this.type = type;
  }

  public String getGroup() {
    return group;
  }

  public void setGroup(String group) {
    this.group = group;
  }
}

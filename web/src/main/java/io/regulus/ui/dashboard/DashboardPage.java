package io.regulus.ui.dashboard;

import io.regulus.access.TenantCaller;
import io.regulus.api.history.ScoreTrendView;
import io.regulus.api.score.DashboardView;
import io.regulus.api.score.ExplanationView;
import io.regulus.api.score.ImpactView;
import io.regulus.api.score.ScoreView;
import io.regulus.history.ScoreHistoryService;
import io.regulus.scoring.ActionType;
import io.regulus.scoring.ScoreFilter;
import io.regulus.scoring.ScoreService;
import io.regulus.ui.Workspace;
import io.regulus.ui.chart.ChartConfig;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * A tenant's dashboard: the overall score with your points and the provider's, the breakdowns, the
 * solutions with open actions (one {@link ScoreService#dashboard} call); a filter whose score, "why
 * this score?" and what-if come from {@link ScoreService#explain} and {@link ScoreService#whatIf},
 * as {@code GET /scores} and {@code /scores/what-if} answer them. Every number goes through the
 * API's views, so the page rounds as the API does. The trend chart shows the last 90 days of
 * recorded snapshots ({@link ScoreHistoryService#trend}, as {@code GET /score-history}), overall or
 * of one assessment or category. The tenant is entered on every request.
 */
@Named
@ViewScoped
public class DashboardPage implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The colour of a breakdown's bars. */
  private static final String BAR = "#0b5cad";

  /** How many key improvement actions the page lists, as the API's default. */
  static final int KEY_ACTIONS = 10;

  /** How many days the trend chart shows, today included. */
  static final int TREND_DAYS = 90;

  private static final String ASSESSMENT = "assessment:";
  private static final String CATEGORY = "category:";

  @EJB private ScoreService scores;
  @EJB private ScoreHistoryService history;
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
  private ScoreTrendView trend;
  private String trendLine = "";

  /** The page as first opened (also after a refusal's redirect): the dashboard and no filter. */
  public void load() {
    TenantCaller caller = workspace.enter(tenant);
    dashboard = DashboardView.of(scores.dashboard(caller, KEY_ACTIONS));
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    trend = ScoreTrendView.of(history.trend(caller, today.minusDays(TREND_DAYS - 1), today));
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

  /**
   * The lines the trend chart can follow besides the overall score: each assessment and category of
   * the latest recorded day, as {@code value} (kind and key) and the line.
   */
  public List<TrendLine> getTrendLines() {
    List<TrendLine> lines = new ArrayList<>();
    if (trend.days().isEmpty()) {
      return lines;
    }
    ScoreTrendView.Day latest = trend.days().get(trend.days().size() - 1);
    latest.byAssessment().forEach(line -> lines.add(new TrendLine(ASSESSMENT + line.key(), line)));
    latest.byCategory().forEach(line -> lines.add(new TrendLine(CATEGORY + line.key(), line)));
    return lines;
  }

  /** A line the trend chart can follow. */
  public record TrendLine(String value, ScoreTrendView.Line line) {}

  /** The followed line's recorded percentages, one per recorded day (null where it has none). */
  private List<Double> trendValues() {
    return trend.days().stream()
        .map(
            day -> {
              if (trendLine == null || trendLine.isEmpty()) {
                return day.overall().percent();
              }
              List<ScoreTrendView.Line> lines =
                  trendLine.startsWith(ASSESSMENT) ? day.byAssessment() : day.byCategory();
              String key = trendLine.substring(trendLine.indexOf(':') + 1);
              return lines.stream()
                  .filter(line -> line.key().equals(key))
                  .map(line -> line.score().percent())
                  .findFirst()
                  .orElse(null);
            })
        .toList();
  }

  /**
   * The trend over the last 90 days (Chart.js, for p:chart), one label per calendar day so that the
   * line keeps time; a day without a snapshot is a gap the line spans. The page says it in words
   * too.
   */
  public String trendChart(String label) {
    DateTimeFormatter format =
        DateTimeFormatter.ofPattern(
            "d MMM", FacesContext.getCurrentInstance().getViewRoot().getLocale());
    Map<LocalDate, Double> recorded = new HashMap<>();
    List<Double> values = trendValues();
    for (int i = 0; i < values.size(); i++) {
      recorded.put(trend.days().get(i).day(), values.get(i));
    }
    List<String> labels = new ArrayList<>();
    List<Double> points = new ArrayList<>();
    for (LocalDate day = trend.from(); !day.isAfter(trend.to()); day = day.plusDays(1)) {
      labels.add(format.format(day));
      points.add(recorded.get(day));
    }
    return ChartConfig.percentLine(labels, points, label);
  }

  /** The first and last recorded point of the followed line, for the words beside the chart. */
  public List<TrendPoint> getTrendEnds() {
    List<Double> values = trendValues();
    List<TrendPoint> points = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      if (values.get(i) != null) {
        points.add(new TrendPoint(trend.days().get(i).day(), values.get(i)));
      }
    }
    return points.isEmpty() ? points : List.of(points.get(0), points.get(points.size() - 1));
  }

  /** A recorded day of the followed line. */
  public record TrendPoint(LocalDate day, double percent) {}

  public ScoreTrendView getTrend() {
    return trend;
  }

  public String getTrendLine() {
    return trendLine;
  }

  public void setTrendLine(String trendLine) {
    this.trendLine = trendLine;
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

package io.regulus.ui.portfolio;

import io.regulus.access.AccessControl;
import io.regulus.api.firm.PortfolioHistoryView;
import io.regulus.api.score.ImpactView;
import io.regulus.api.score.ScoreView;
import io.regulus.portfolio.Portfolio;
import io.regulus.portfolio.PortfolioService;
import io.regulus.ui.Workspace;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.DoubleSummaryStatistics;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A firm's portfolio: the page shows what {@link PortfolioService#portfolio} returns, rounded as
 * the API rounds it ({@link ScoreView}), so page and API show the same numbers; beside each live
 * score, its trend and 30-day change from the snapshots ({@link PortfolioService#history}, as
 * {@code GET /firms/{firm}/portfolio/history} gives them). Who sees which client is the service's
 * decision; a firm the user is not a member of is refused there.
 */
@Named
@ViewScoped
public class PortfolioPage implements Serializable {

  private static final long serialVersionUID = 1L;

  /** How many days the trend column draws, today included. */
  static final int TREND_DAYS = 30;

  private static final double SPARK_WIDTH = 80;
  private static final double SPARK_HEIGHT = 24;

  @EJB private PortfolioService portfolio;
  @Inject private Workspace workspace;

  private String firm;
  private List<Client> clients = List.of();

  /** One client's row; getters, so the table sorts by them. */
  public static final class Client implements Serializable {
    private static final long serialVersionUID = 1L;
    private final String slug;
    private final String name;
    private final ScoreView score;
    private final int overdue;
    private final List<ImpactView> gaps;
    private PortfolioHistoryView.Client recorded;

    Client(Portfolio.Client client) {
      this.slug = client.slug().value();
      this.name = client.name();
      this.score = ScoreView.of(client.standing().score());
      this.overdue = client.standing().overdueActions();
      this.gaps = client.standing().biggestGaps().stream().map(ImpactView::of).toList();
    }

    public String getSlug() {
      return slug;
    }

    public String getName() {
      return name;
    }

    public double getPercent() {
      return score.percent();
    }

    public double getAchieved() {
      return score.achieved();
    }

    public double getPossible() {
      return score.possible();
    }

    public int getOverdue() {
      return overdue;
    }

    public List<ImpactView> getGaps() {
      return gaps;
    }

    /** The change of the recorded score over 30 days, in points; null when it is not known. */
    public Double getChange30() {
      return recorded == null ? null : recorded.change30().points();
    }

    /** Why the 30-day change is not known (no snapshot yet, or none that old). */
    public String getChange30Reason() {
      return recorded == null ? null : recorded.change30().reason();
    }

    /** The day the 30-day change is measured from. */
    public LocalDate getChange30Since() {
      return recorded == null ? null : recorded.change30().since();
    }

    /** Which way the score went over 30 days: up, down, flat, or unknown. */
    public String getDirection() {
      Double change = getChange30();
      if (change == null) {
        return "unknown";
      }
      return change > 0 ? "up" : change < 0 ? "down" : "flat";
    }

    /**
     * The recorded days of the last 30, as a sparkline's points: x across the 30 days, y from the
     * client's lowest to its highest percentage of them (at least one point apart), so that its
     * direction shows whatever its level.
     */
    public String getSparkline() {
      if (recorded == null || recorded.trend().isEmpty()) {
        return "";
      }
      DoubleSummaryStatistics range =
          recorded.trend().stream()
              .mapToDouble(point -> point.score().percent())
              .summaryStatistics();
      double span = Math.max(range.getMax() - range.getMin(), 1);
      double bottom = (range.getMax() + range.getMin() - span) / 2;
      StringBuilder points = new StringBuilder();
      for (PortfolioHistoryView.Point point : recorded.trend()) {
        double x =
            SPARK_WIDTH * ChronoUnit.DAYS.between(firstDay, point.day()) / (TREND_DAYS - 1.0);
        double y =
            SPARK_HEIGHT - 2 - (SPARK_HEIGHT - 4) * (point.score().percent() - bottom) / span;
        points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
      }
      return points.toString().strip();
    }

    /** Whether the client has a snapshot at all (on or before today). */
    public boolean isRecorded() {
      return recorded != null && recorded.day() != null;
    }

    /** How many days of the last 30 were recorded: a sparkline needs two. */
    public int getRecordedDays() {
      return recorded == null ? 0 : recorded.trend().size();
    }

    private LocalDate firstDay;

    /** The open points of the biggest gaps together: what the gaps column sorts by. */
    public double getGapPoints() {
      return gaps.stream().mapToDouble(ImpactView::openPoints).sum();
    }
  }

  public void load() {
    // a list the table may sort in place
    clients =
        new ArrayList<>(
            portfolio.portfolio(workspace.user(), AccessControl.firmNamed(firm)).clients().stream()
                .map(Client::new)
                .toList());
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    LocalDate first = today.minusDays(TREND_DAYS - 1);
    Map<String, PortfolioHistoryView.Client> recorded = new HashMap<>();
    PortfolioHistoryView.of(
            portfolio.history(workspace.user(), AccessControl.firmNamed(firm), first, today))
        .clients()
        .forEach(client -> recorded.put(client.slug(), client));
    for (Client client : clients) {
      client.recorded = recorded.get(client.slug);
      client.firstDay = first;
    }
  }

  public String getFirm() {
    return firm;
  }

  public void setFirm(String firm) {
    this.firm = firm;
  }

  public List<Client> getClients() {
    return clients;
  }
}

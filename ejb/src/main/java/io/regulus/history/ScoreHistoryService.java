package io.regulus.history;

import io.regulus.access.Guarded;
import io.regulus.access.Permission;
import io.regulus.access.Requires;
import io.regulus.access.TenantCaller;
import io.regulus.scoring.Score;
import io.regulus.tenancy.TenantBinding;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** A tenant's score trend, read from the snapshots the recomputation recorded. */
@Stateless
@Guarded
public class ScoreHistoryService {

  /** The days of a standing's short change. */
  public static final int WEEK = 7;

  /** The days of a standing's long change. */
  public static final int MONTH = 30;

  /**
   * A tenant's overall score and overdue actions on the days of a range ({@code ?1} to {@code ?2})
   * and on the two days its changes are measured from (the latest on or before 7 and 30 days before
   * its latest day), with the categories of its latest day.
   */
  static final String STANDING =
      "WITH latest AS (SELECT max(day) AS day FROM score_snapshot WHERE kind = 'TENANT' AND day <= ?2),"
          + " refs AS (SELECT"
          + " (SELECT max(s.day) FROM score_snapshot s, latest l WHERE s.kind = 'TENANT'"
          + " AND s.day <= l.day - "
          + WEEK
          + ") AS week,"
          + " (SELECT max(s.day) FROM score_snapshot s, latest l WHERE s.kind = 'TENANT'"
          + " AND s.day <= l.day - "
          + MONTH
          + ") AS month)"
          + " SELECT s.day, s.kind, s.label, s.achieved, s.possible, o.actions"
          + " FROM score_snapshot s CROSS JOIN latest l CROSS JOIN refs r"
          + " LEFT JOIN action_count_snapshot o"
          + " ON o.day = s.day AND o.measure = 'OVERDUE' AND s.kind = 'TENANT'"
          + " WHERE (s.kind = 'TENANT'"
          + " AND (s.day BETWEEN ?1 AND ?2 OR s.day = l.day OR s.day = r.week OR s.day = r.month))"
          + " OR (s.kind = 'CATEGORY' AND s.day = l.day)"
          + " ORDER BY s.day, s.kind, s.label";

  @PersistenceContext(unitName = "tenant")
  private EntityManager em;

  @Inject private TenantBinding binding;

  /** The snapshots of the days from {@code from} to {@code to}, both included, the oldest first. */
  @Requires(Permission.READ_TENANT)
  public ScoreTrend trend(TenantCaller caller, LocalDate from, LocalDate to) {
    DayRange range = new DayRange(from, to);
    binding.bind(em, caller.tenant());
    Map<LocalDate, Builder> days = new TreeMap<>();
    for (Object[] row :
        rows(
            "SELECT day, kind, scope_key, label, achieved, possible FROM score_snapshot"
                + " WHERE day BETWEEN ?1 AND ?2 ORDER BY day, kind, label, scope_key",
            range.from(),
            range.to())) {
      Builder day = days.computeIfAbsent(day(row[0]), key -> new Builder());
      Score score = new Score(((Number) row[4]).doubleValue(), ((Number) row[5]).doubleValue());
      day.lines
          .computeIfAbsent(ScopeKind.valueOf((String) row[1]), key -> new ArrayList<>())
          .add(new ScoreTrend.Line((String) row[2], (String) row[3], score));
    }
    for (Object[] row :
        rows(
            "SELECT day, measure, value, actions FROM action_count_snapshot"
                + " WHERE day BETWEEN ?1 AND ?2",
            range.from(),
            range.to())) {
      Builder day = days.computeIfAbsent(day(row[0]), key -> new Builder());
      int actions = ((Number) row[3]).intValue();
      switch ((String) row[1]) {
        case "IMPLEMENTATION" -> day.byImplementation.put((String) row[2], actions);
        case "TEST" -> day.byTest.put((String) row[2], actions);
        default -> day.overdue = actions;
      }
    }
    List<ScoreTrend.Day> trend = new ArrayList<>();
    days.forEach((day, built) -> trend.add(built.build(day)));
    return new ScoreTrend(from, to, trend);
  }

  /**
   * The tenant's standing by its snapshots (a firm's portfolio reads each client so): its recorded
   * days of the range, its latest day on or before the range's end, its change over {@value #WEEK}
   * and {@value #MONTH} days before that day, and that day's biggest category gaps. One query,
   * whatever the range.
   */
  @Requires(Permission.READ_TENANT)
  public RecordedStanding recorded(TenantCaller caller, DayRange range, int gaps) {
    LocalDate from = range.from();
    LocalDate to = range.to();
    binding.bind(em, caller.tenant());
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(STANDING)
            .setParameter(1, Date.valueOf(from))
            .setParameter(2, Date.valueOf(to))
            .getResultList();
    Map<LocalDate, RecordedStanding.DayScore> recorded = new TreeMap<>();
    List<RecordedStanding.Gap> categories = new ArrayList<>();
    for (Object[] row : rows) {
      LocalDate day = day(row[0]);
      Score score = new Score(((Number) row[3]).doubleValue(), ((Number) row[4]).doubleValue());
      if (ScopeKind.TENANT.name().equals(row[1])) {
        int overdue = row[5] == null ? 0 : ((Number) row[5]).intValue();
        recorded.put(day, new RecordedStanding.DayScore(day, score, overdue));
      } else {
        categories.add(new RecordedStanding.Gap((String) row[2], score));
      }
    }
    Optional<RecordedStanding.DayScore> latest =
        recorded.values().stream().filter(day -> !day.day().isAfter(to)).reduce((a, b) -> b);
    List<RecordedStanding.DayScore> inRange =
        recorded.values().stream().filter(day -> !day.day().isBefore(from)).toList();
    List<RecordedStanding.Gap> biggest =
        categories.stream()
            .filter(gap -> gap.openPoints() > 0)
            .sorted(
                Comparator.comparingDouble(RecordedStanding.Gap::openPoints)
                    .reversed()
                    .thenComparing(RecordedStanding.Gap::category))
            .limit(gaps)
            .toList();
    return new RecordedStanding(
        inRange,
        latest,
        change(recorded, latest, to, WEEK),
        change(recorded, latest, to, MONTH),
        biggest);
  }

  /** The score a change over {@code days} is measured from, or why there is none. */
  private static RecordedStanding.Change change(
      Map<LocalDate, RecordedStanding.DayScore> recorded,
      Optional<RecordedStanding.DayScore> latest,
      LocalDate to,
      int days) {
    if (latest.isEmpty()) {
      return new RecordedStanding.Change(
          null,
          null,
          null,
          "No score recorded on or before "
              + to
              + ": the score recomputation records one each night.");
    }
    LocalDate reference = latest.get().day().minusDays(days);
    return recorded.values().stream()
        .filter(day -> !day.day().isAfter(reference))
        .reduce((a, b) -> b)
        .map(then -> new RecordedStanding.Change(reference, then.day(), then.score(), null))
        .orElseGet(
            () ->
                new RecordedStanding.Change(
                    reference,
                    null,
                    null,
                    "No score recorded on or before "
                        + reference
                        + ", "
                        + days
                        + " days before the latest ("
                        + latest.get().day()
                        + "): the history starts later."));
  }

  /** One day's rows as they are read. */
  private static final class Builder {
    final Map<ScopeKind, List<ScoreTrend.Line>> lines = new EnumMap<>(ScopeKind.class);
    final Map<String, Integer> byImplementation = new TreeMap<>();
    final Map<String, Integer> byTest = new TreeMap<>();
    int overdue;

    ScoreTrend.Day build(LocalDate day) {
      return new ScoreTrend.Day(
          day,
          one(ScopeKind.TENANT),
          one(ScopeKind.PROVIDER),
          all(ScopeKind.ASSESSMENT),
          all(ScopeKind.GROUP),
          all(ScopeKind.CATEGORY),
          all(ScopeKind.REGULATION),
          byImplementation,
          byTest,
          overdue);
    }

    private Score one(ScopeKind kind) {
      List<ScoreTrend.Line> found = all(kind);
      return found.isEmpty() ? Score.ZERO : found.get(0).score();
    }

    private List<ScoreTrend.Line> all(ScopeKind kind) {
      return lines.getOrDefault(kind, List.of());
    }
  }

  private static LocalDate day(Object value) {
    return value instanceof LocalDate day ? day : ((Date) value).toLocalDate();
  }

  @SuppressWarnings("unchecked")
  private List<Object[]> rows(String sql, LocalDate from, LocalDate to) {
    return em.createNativeQuery(sql)
        .setParameter(1, Date.valueOf(from))
        .setParameter(2, Date.valueOf(to))
        .getResultList();
  }
}

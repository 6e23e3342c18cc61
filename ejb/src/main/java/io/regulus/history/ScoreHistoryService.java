package io.regulus.history;

import io.regulus.access.Guarded;
import io.regulus.access.Permission;
import io.regulus.access.Requires;
import io.regulus.access.TenantCaller;
import io.regulus.problem.DomainException;
import io.regulus.problem.ProblemKind;
import io.regulus.scoring.Score;
import io.regulus.tenancy.TenantBinding;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Date;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A tenant's score trend, read from the snapshots the recomputation recorded. */
@Stateless
@Guarded
public class ScoreHistoryService {

  /** The longest range one request reads, in days. */
  public static final int MAX_DAYS = 731;

  @PersistenceContext(unitName = "tenant")
  private EntityManager em;

  @Inject private TenantBinding binding;

  /** The snapshots of the days from {@code from} to {@code to}, both included, the oldest first. */
  @Requires(Permission.READ_TENANT)
  public ScoreTrend trend(TenantCaller caller, LocalDate from, LocalDate to) {
    if (from == null || to == null || to.isBefore(from)) {
      throw new DomainException(
          ProblemKind.INVALID_INPUT,
          "A score trend needs a range of days, from (?from=2026-11-01) to (?to=2026-11-30), with"
              + " from not after to.");
    }
    if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
      throw new DomainException(
          ProblemKind.INVALID_INPUT,
          "A score trend covers at most " + MAX_DAYS + " days: ask for a shorter range.");
    }
    binding.bind(em, caller.tenant());
    Map<LocalDate, Builder> days = new TreeMap<>();
    for (Object[] row :
        rows(
            "SELECT day, kind, scope_key, label, achieved, possible FROM score_snapshot"
                + " WHERE day BETWEEN ?1 AND ?2 ORDER BY day, kind, label, scope_key",
            from,
            to)) {
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
            from,
            to)) {
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

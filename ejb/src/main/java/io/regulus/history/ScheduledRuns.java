package io.regulus.history;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The platform's claims of scheduled runs ({@code platform.scheduled_run}, one row per job and day)
 * and the lock that makes every start of a job one at a time across the nodes sharing the database.
 * Called inside the starting service's transaction.
 */
@ApplicationScoped
public class ScheduledRuns {

  @PersistenceContext(unitName = "tenant")
  private EntityManager em;

  /**
   * Takes the transaction's lock on the starts of {@code job}: the start that holds it checks that
   * no run is going and starts one before another start, on any node, may check.
   */
  void lockStarts(String job) {
    em.createNativeQuery("SELECT count(*) FROM (SELECT pg_advisory_xact_lock(hashtext(?1))) l")
        .setParameter(1, "job-start:" + job)
        .getSingleResult();
  }

  /**
   * Claims the run of {@code job} for {@code day} for this node; false when a node (this one or
   * another) has claimed it already.
   */
  public boolean claim(String job, LocalDate day, String node) {
    return em.createNativeQuery(
                "INSERT INTO platform.scheduled_run (job, day, node, claimed_at)"
                    + " VALUES (?1, ?2, ?3, now()) ON CONFLICT (job, day) DO NOTHING")
            .setParameter(1, job)
            .setParameter(2, Date.valueOf(day))
            .setParameter(3, node)
            .executeUpdate()
        == 1;
  }

  /** Gives up this transaction's claim: the run was not started. */
  void release(String job, LocalDate day) {
    em.createNativeQuery("DELETE FROM platform.scheduled_run WHERE job = ?1 AND day = ?2")
        .setParameter(1, job)
        .setParameter(2, Date.valueOf(day))
        .executeUpdate();
  }

  /** Records the execution the claimed run started. */
  void started(String job, LocalDate day, long executionId) {
    em.createNativeQuery(
            "UPDATE platform.scheduled_run SET execution_id = ?3 WHERE job = ?1 AND day = ?2")
        .setParameter(1, job)
        .setParameter(2, Date.valueOf(day))
        .setParameter(3, executionId)
        .executeUpdate();
  }

  /** The claim of {@code job}'s run of {@code day}, if a node made it. */
  Optional<ScheduledRun> of(String job, LocalDate day) {
    return runs(
            "SELECT job, day, execution_id, node, claimed_at FROM platform.scheduled_run"
                + " WHERE job = ?1 AND day = ?2",
            job,
            Date.valueOf(day))
        .stream()
        .findFirst();
  }

  /** The latest day's claim of {@code job}, if there was one. */
  Optional<ScheduledRun> last(String job) {
    return runs(
            "SELECT job, day, execution_id, node, claimed_at FROM platform.scheduled_run"
                + " WHERE job = ?1 ORDER BY day DESC LIMIT 1",
            job)
        .stream()
        .findFirst();
  }

  private List<ScheduledRun> runs(String sql, Object... parameters) {
    var query = em.createNativeQuery(sql).setHint("eclipselink.result-type", "Map");
    for (int i = 0; i < parameters.length; i++) {
      query.setParameter(i + 1, parameters[i]);
    }
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> rows = query.getResultList();
    return rows.stream()
        .map(
            row ->
                new ScheduledRun(
                    (String) row.get("job"),
                    ((Date) row.get("day")).toLocalDate(),
                    row.get("execution_id") == null
                        ? null
                        : ((Number) row.get("execution_id")).longValue(),
                    (String) row.get("node"),
                    ((Timestamp) row.get("claimed_at")).toInstant()))
        .toList();
  }
}

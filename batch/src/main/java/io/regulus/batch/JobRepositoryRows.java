package io.regulus.batch;

import io.regulus.jobs.PartitionRun;
import io.regulus.paging.PageRequest;
import jakarta.annotation.Resource;
import jakarta.batch.runtime.BatchStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * What Jakarta Batch's {@code JobOperator} cannot answer, read from Liberty's job repository (the
 * {@code platform.batch_*} tables of server.xml's {@code databaseStore}) with plain SQL:
 *
 * <ul>
 *   <li>the executions of every job, newest first, a page at a time and by status: the operator
 *       only lists the instances of one job by name, and their executions one instance at a time,
 *       so a page of all of them filtered by status would read every execution there is;
 *   <li>the partitions of a partitioned step and its plan's size: the operator gives one step
 *       execution per step, the partitions summed into it.
 * </ul>
 *
 * <p>It writes one thing: {@link #settleCutPartitions}, the repair Liberty's batch team gives for
 * partitions whose end a lost server or database left unrecorded.
 *
 * <p>Liberty's JPA mapping stores a batch status as its ordinal ({@link BatchStatus#ordinal()}), a
 * partition's row with its number from 0 (the step's own row has -1), and the plan's size on the
 * step's own instance row (thread type T). Everything else comes from the operator.
 */
@ApplicationScoped
public class JobRepositoryRows {

  private static final String EXECUTIONS =
      " FROM platform.batch_jobexecution e"
          + " JOIN platform.batch_jobinstance i ON i.jobinstanceid = e.fk_jobinstanceid"
          + " WHERE (CAST(? AS text) IS NULL OR i.jobname = ?)"
          + " AND (CAST(? AS integer) IS NULL OR e.batchstatus = ?)";

  @Resource(lookup = "jdbc/regulus")
  private DataSource dataSource;

  /** The ids of one page of executions, newest first, and how many match. */
  public record IdPage(List<Long> ids, long total) {}

  public IdPage executionIds(String job, String status, PageRequest page) {
    Integer ordinal = status == null ? null : BatchStatus.valueOf(status).ordinal();
    try (Connection connection = dataSource.getConnection()) {
      long total;
      try (PreparedStatement count =
          filtered(connection, "SELECT count(*)" + EXECUTIONS, job, ordinal)) {
        try (ResultSet rows = count.executeQuery()) {
          rows.next();
          total = rows.getLong(1);
        }
      }
      List<Long> ids = new ArrayList<>();
      try (PreparedStatement select =
          filtered(
              connection,
              "SELECT e.jobexecid" + EXECUTIONS + " ORDER BY e.jobexecid DESC LIMIT ? OFFSET ?",
              job,
              ordinal)) {
        select.setInt(5, page.size());
        select.setLong(6, page.offset());
        try (ResultSet rows = select.executeQuery()) {
          while (rows.next()) {
            ids.add(rows.getLong(1));
          }
        }
      }
      return new IdPage(ids, total);
    } catch (SQLException e) {
      throw new IllegalStateException("reading the job repository's executions failed", e);
    }
  }

  /** The partitions an execution ran, by step name, each in the order of its number. */
  public Map<String, List<PartitionRun>> partitions(long executionId) {
    Map<String, List<PartitionRun>> byStep = new HashMap<>();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select =
            connection.prepareStatement(
                "SELECT stepname, partnum, batchstatus, exitstatus, starttime, endtime, m_read,"
                    + " m_write FROM platform.batch_stepthreadexecution"
                    + " WHERE fk_jobexecid = ? AND partnum >= 0 ORDER BY stepname, partnum")) {
      select.setLong(1, executionId);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          byStep
              .computeIfAbsent(rows.getString("stepname"), step -> new ArrayList<>())
              .add(
                  new PartitionRun(
                      rows.getInt("partnum"),
                      BatchStatus.values()[rows.getInt("batchstatus")].name(),
                      rows.getString("exitstatus"),
                      instant(rows.getTimestamp("starttime")),
                      instant(rows.getTimestamp("endtime")),
                      rows.getLong("m_read"),
                      rows.getLong("m_write")));
        }
      }
      return byStep;
    } catch (SQLException e) {
      throw new IllegalStateException("reading the job repository's partitions failed", e);
    }
  }

  /**
   * Per partitioned step of the execution's instance: how many partitions its plan holds, and how
   * many of them completed in this execution or an earlier one of the same instance (a restart runs
   * only the others).
   */
  public Map<String, int[]> partitionPlans(long executionId) {
    Map<String, int[]> plans = new HashMap<>();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select =
            connection.prepareStatement(
                "SELECT s.stepname, s.partitionplansize,"
                    + " (SELECT count(DISTINCT p.partnum) FROM platform.batch_stepthreadexecution p"
                    + "  JOIN platform.batch_jobexecution pe ON pe.jobexecid = p.fk_jobexecid"
                    + "  WHERE pe.fk_jobinstanceid = e.fk_jobinstanceid AND pe.jobexecid <= e.jobexecid"
                    + "  AND p.stepname = s.stepname AND p.partnum >= 0 AND p.batchstatus = ?)"
                    + " FROM platform.batch_jobexecution e"
                    + " JOIN platform.batch_stepthreadinstance s"
                    + "  ON s.fk_jobinstanceid = e.fk_jobinstanceid AND s.threadtype = 'T'"
                    + " WHERE e.jobexecid = ? AND s.partitionplansize > 0")) {
      select.setInt(1, BatchStatus.COMPLETED.ordinal());
      select.setLong(2, executionId);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          plans.put(rows.getString(1), new int[] {rows.getInt(2), rows.getInt(3)});
        }
      }
      return plans;
    } catch (SQLException e) {
      throw new IllegalStateException("reading the job repository's partition plans failed", e);
    }
  }

  /** A partition's end as {@link #settleCutPartitions} records it. */
  static final String CUT =
      "Its end was not recorded (the database or server went away as it ended): counted FAILED so"
          + " that the run restarts, and the restart runs it again.";

  /**
   * The partitions of an ended (FAILED or STOPPED) execution whose own rows still say they are
   * starting, started or stopping, recorded FAILED; their numbers. An ended execution has no
   * partition running (its step waits for every partition before it ends), so such a row is one
   * whose end the job repository never received: the database went away as the partition ended.
   * Liberty refuses to restart a run with such a row ("step ... partition ... is still in a
   * non-final state") and gives this repair; without it the run of that day could never be
   * restarted. Nothing is written for an execution that has not ended. Its own transaction, so that
   * the runtime's restart (which reads the repository in its own) sees it.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public List<Integer> settleCutPartitions(long executionId) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement update =
            connection.prepareStatement(
                "UPDATE platform.batch_stepthreadexecution p SET batchstatus = ?, exitstatus = ?,"
                    + " endtime = coalesce(p.endtime, now())"
                    + " FROM platform.batch_jobexecution e"
                    + " WHERE e.jobexecid = p.fk_jobexecid AND e.jobexecid = ?"
                    + " AND e.batchstatus IN (?, ?) AND p.partnum >= 0"
                    + " AND p.batchstatus IN (?, ?, ?) RETURNING p.partnum")) {
      update.setInt(1, BatchStatus.FAILED.ordinal());
      update.setString(2, CUT);
      update.setLong(3, executionId);
      update.setInt(4, BatchStatus.FAILED.ordinal());
      update.setInt(5, BatchStatus.STOPPED.ordinal());
      update.setInt(6, BatchStatus.STARTING.ordinal());
      update.setInt(7, BatchStatus.STARTED.ordinal());
      update.setInt(8, BatchStatus.STOPPING.ordinal());
      List<Integer> settled = new ArrayList<>();
      try (ResultSet rows = update.executeQuery()) {
        while (rows.next()) {
          settled.add(rows.getInt(1));
        }
      }
      return settled;
    } catch (SQLException e) {
      throw new IllegalStateException("settling the job repository's cut partitions failed", e);
    }
  }

  private static PreparedStatement filtered(
      Connection connection, String sql, String job, Integer ordinal) throws SQLException {
    PreparedStatement statement = connection.prepareStatement(sql);
    statement.setString(1, job);
    statement.setString(2, job);
    statement.setObject(3, ordinal, java.sql.Types.INTEGER);
    statement.setObject(4, ordinal, java.sql.Types.INTEGER);
    return statement;
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }
}

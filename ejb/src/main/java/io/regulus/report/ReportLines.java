package io.regulus.report;

import io.regulus.scoring.AssessmentScore;
import io.regulus.scoring.ControlStatus;
import io.regulus.scoring.ImplementationStatus;
import io.regulus.scoring.Score;
import io.regulus.scoring.TenantScoring;
import io.regulus.scoring.TestStatus;
import io.regulus.tenancy.ActiveTenant;
import io.regulus.tenancy.TenantBinding;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The lines of a tenant's report workbook read from its schema: each control of each assessment
 * (its status and points from the scoring engine, the points summed over the action instances that
 * serve it), and each action instance of each assessment with its effective statuses, owner,
 * evidence count and due date. Rows are read by the position of the columns the queries name.
 */
@ApplicationScoped
public class ReportLines {

  /** Each control of each assessment with the instances serving it (one row per instance). */
  static final String CONTROLS =
      "SELECT s.id AS assessment_id, s.name AS assessment, c.control_id, c.title, i.id AS instance"
          + " FROM assessment s JOIN assessment_control c ON c.assessment_id = s.id"
          + " LEFT JOIN assessment_control_action aca ON aca.control_id = c.id"
          + " LEFT JOIN action_instance i ON i.action_id = aca.action_id"
          + " AND coalesce(i.group_id, s.group_id) = s.group_id"
          + " ORDER BY s.name, s.id, c.position, c.control_id";

  /** Each instance of each assessment, its controls there joined, with its owner and evidence. */
  static final String ACTIONS =
      "SELECT i.id AS instance, a.title, s.name AS assessment,"
          + " string_agg(DISTINCT c.control_id, ', ') AS controls,"
          + " e.implementation_status, e.test_status, i.assignee_name AS owner,"
          + " (SELECT count(*) FROM evidence v WHERE v.instance_id = i.id) AS evidence,"
          + " a.points, i.due_date"
          + " FROM assessment s JOIN assessment_control c ON c.assessment_id = s.id"
          + " JOIN assessment_control_action aca ON aca.control_id = c.id"
          + " JOIN action a ON a.id = aca.action_id"
          + " JOIN action_instance i ON i.action_id = a.id"
          + " AND coalesce(i.group_id, s.group_id) = s.group_id"
          + " JOIN action_instance_effective e ON e.id = i.id"
          + " GROUP BY i.id, a.title, s.name, s.id, e.implementation_status, e.test_status,"
          + " i.assignee_name, a.points, i.due_date"
          + " ORDER BY s.name, s.id, a.points DESC, a.title";

  @PersistenceContext(unitName = "tenant")
  private EntityManager em;

  @Inject private TenantBinding binding;

  public List<ControlLine> controls(ActiveTenant tenant, TenantScoring scoring) {
    binding.bind(em, tenant);
    Map<Long, Score> contributions = scoring.contributions();
    Map<String, AssessmentScore> assessments = scoring.scores().assessments();
    Map<List<Object>, Tally> tallies = new LinkedHashMap<>();
    for (Object[] row : rows(CONTROLS)) {
      String assessment = String.valueOf(row[0]);
      String control = (String) row[2];
      Tally tally =
          tallies.computeIfAbsent(
              List.of(assessment, control),
              key -> new Tally((String) row[1], control, (String) row[3]));
      Object instance = row[4];
      if (instance != null) {
        tally.actions++;
        tally.score =
            tally.score.plus(
                contributions.getOrDefault(((Number) instance).longValue(), Score.ZERO));
      }
      AssessmentScore scored = assessments.get(assessment);
      tally.status =
          scored == null
              ? ControlStatus.NONE
              : scored.controls().getOrDefault(control, ControlStatus.NONE);
    }
    List<ControlLine> lines = new ArrayList<>();
    for (Tally tally : tallies.values()) {
      lines.add(
          new ControlLine(
              tally.assessment,
              tally.control,
              tally.title,
              tally.status,
              tally.score,
              tally.actions));
    }
    return lines;
  }

  public List<ActionLine> actions(ActiveTenant tenant, LocalDate day) {
    binding.bind(em, tenant);
    List<ActionLine> lines = new ArrayList<>();
    for (Object[] row : rows(ACTIONS)) {
      ImplementationStatus implementation = ImplementationStatus.valueOf((String) row[4]);
      TestStatus test = TestStatus.valueOf((String) row[5]);
      LocalDate due = date(row[9]);
      boolean done =
          test == TestStatus.PASSED
              || test == TestStatus.OUT_OF_SCOPE
              || implementation == ImplementationStatus.OUT_OF_SCOPE;
      lines.add(
          new ActionLine(
              (String) row[1],
              (String) row[2],
              (String) row[3],
              implementation,
              test,
              (String) row[6],
              ((Number) row[7]).intValue(),
              ((Number) row[8]).doubleValue(),
              due,
              due != null && due.isBefore(day) && !done));
    }
    return lines;
  }

  private static LocalDate date(Object value) {
    if (value == null) {
      return null;
    }
    return value instanceof LocalDate day ? day : ((Date) value).toLocalDate();
  }

  @SuppressWarnings("unchecked")
  private List<Object[]> rows(String sql) {
    return em.createNativeQuery(sql).getResultList();
  }

  /** A control's line as its rows are read. */
  private static final class Tally {
    final String assessment;
    final String control;
    final String title;
    ControlStatus status = ControlStatus.NONE;
    Score score = Score.ZERO;
    int actions;

    Tally(String assessment, String control, String title) {
      this.assessment = assessment;
      this.control = control;
      this.title = title;
    }
  }
}

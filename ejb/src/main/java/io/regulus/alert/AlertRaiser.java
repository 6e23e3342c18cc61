package io.regulus.alert;

import io.regulus.action.ActionChanged;
import io.regulus.action.ActionInstance;
import io.regulus.directory.Member;
import io.regulus.directory.TenantMembers;
import io.regulus.history.ScoreSnapshotRecorded;
import io.regulus.notification.Notice;
import io.regulus.notification.NoticeKind;
import io.regulus.notification.Notices;
import io.regulus.problem.DomainException;
import io.regulus.tenancy.ActiveTenant;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * Raises alerts where the events happen, in their transaction (a change rolled back raises
 * nothing): every change row of the action history ({@link ActionChanged}, whichever way in wrote
 * it: the API, a bulk workbook, a job's system caller), and each tenant's score snapshot of a day
 * ({@link ScoreSnapshotRecorded}: the score against the day before's, and the daily check of
 * evidence expiring). Each alert posts a notice to each recipient.
 *
 * <p>Recipients by role are the tenant's members as Keycloak lists them, read once for the tenant
 * and kept {@link #ROSTER_KEPT} on this node, so neither a bulk change of hundreds of actions nor a
 * busy tenant asks Keycloak per change row; a member who joins is told from the next read on. When
 * Keycloak does not answer, the alert is still raised and kept, and only its role recipients go
 * untold (a change never fails for want of the directory).
 */
@ApplicationScoped
public class AlertRaiser {

  private static final Logger LOG = Logger.getLogger(AlertRaiser.class.getName());

  /** How long this node keeps a tenant's members for recipients by role. */
  static final java.time.Duration ROSTER_KEPT = java.time.Duration.ofMinutes(1);

  private static final int SUMMARY_MAX = 300;

  @Inject private AlertPolicyRepository policies;
  @Inject private AlertRepository alerts;
  @EJB private Notices notices;
  @EJB private TenantMembers members;
  @Resource private TransactionSynchronizationRegistry transactions;

  private final Clock clock = Clock.systemUTC();

  private record Roster(List<Member> members, Instant read) {}

  private final Map<String, Roster> rosters = new ConcurrentHashMap<>();

  /** A change row of an action: the policies it raises, each an alert and its notices. */
  void onChange(@Observes ActionChanged change) {
    ActionInstance instance = change.instance();
    List<AlertPolicy> raised =
        PolicyMatch.raisedBy(
            policies(change.tenant()),
            new PolicyMatch.Changed(
                instance.id(),
                instance.category(),
                instance.assessments(),
                change.field(),
                change.newValue()));
    if (raised.isEmpty()) {
      return;
    }
    AlertRepository.Assigned assigned = alerts.assigned(change.tenant(), instance.id());
    Instant now = clock.instant();
    String summary = summary(change);
    for (AlertPolicy policy : raised) {
      alerts
          .raise(
              change.tenant(),
              new AlertRepository.Raised(
                  policy,
                  summary,
                  instance.id(),
                  instance.key(),
                  null,
                  change.oldValue(),
                  change.newValue(),
                  null,
                  null,
                  now,
                  change.who().id()))
          .ifPresent(
              id ->
                  tell(
                      change.tenant(),
                      policy,
                      summary,
                      assigned.assigneeId(),
                      assigned.testerId(),
                      change.who().id(),
                      now));
    }
  }

  /** A tenant's snapshot of a day: its score moves since the day before, and evidence expiring. */
  void onSnapshot(@Observes ScoreSnapshotRecorded recorded) {
    ActiveTenant tenant = recorded.tenant();
    List<AlertPolicy> all = policies(tenant).stream().filter(AlertPolicy::enabled).toList();
    Instant now = clock.instant();
    scoreMoves(tenant, recorded.day(), all, now, recorded.by());
    expiring(tenant, recorded.day(), all, now, recorded.by());
  }

  private void scoreMoves(
      ActiveTenant tenant, LocalDate day, List<AlertPolicy> all, Instant now, String by) {
    List<AlertPolicy> watching =
        all.stream().filter(p -> p.kind() == AlertKind.SCORE_CHANGE).toList();
    if (watching.isEmpty()) {
      return;
    }
    Map<LocalDate, Map<String, AlertRepository.SnapshotLine>> days = alerts.snapshots(tenant, day);
    Map<String, AlertRepository.SnapshotLine> before =
        days.getOrDefault(day.minusDays(1), Map.of());
    Map<String, AlertRepository.SnapshotLine> today = days.getOrDefault(day, Map.of());
    for (AlertPolicy policy : watching) {
      String line = line(policy.scope());
      AlertRepository.SnapshotLine was = before.get(line);
      AlertRepository.SnapshotLine is = today.get(line);
      if (was == null || is == null) {
        continue;
      }
      PolicyMatch.scoreMove(policy, was.score(), is.score())
          .ifPresent(
              move -> {
                boolean percent = policy.unit() == ThresholdUnit.PERCENT;
                double from = percent ? was.score().percent() : was.score().achieved();
                double to = percent ? is.score().percent() : is.score().achieved();
                String unit = percent ? " percent" : " points";
                String label = is.label().isEmpty() ? "the tenant" : "'" + is.label() + "'";
                String summary =
                    String.format(
                        Locale.ROOT,
                        "Score of %s %s by %.2f%s on %s (from %.2f to %.2f)",
                        label,
                        move < 0 ? "dropped" : "rose",
                        Math.abs(move),
                        unit,
                        day,
                        from,
                        to);
                alerts
                    .raise(
                        tenant,
                        new AlertRepository.Raised(
                            policy,
                            summary,
                            null,
                            null,
                            is.label().isEmpty() ? "tenant" : is.label(),
                            String.format(Locale.ROOT, "%.2f", from),
                            String.format(Locale.ROOT, "%.2f", to),
                            day,
                            null,
                            now,
                            by))
                    .ifPresent(id -> tell(tenant, policy, summary, null, null, null, now));
              });
    }
  }

  private void expiring(
      ActiveTenant tenant, LocalDate day, List<AlertPolicy> all, Instant now, String by) {
    List<AlertPolicy> watching =
        all.stream().filter(p -> p.kind() == AlertKind.EVIDENCE_EXPIRING).toList();
    if (watching.isEmpty()) {
      return;
    }
    int longest = watching.stream().mapToInt(p -> p.threshold().intValue()).max().orElseThrow();
    for (AlertRepository.Expiring evidence : alerts.expiring(tenant, day, day.plusDays(longest))) {
      for (AlertPolicy policy : watching) {
        if (evidence.validUntil().isAfter(day.plusDays(policy.threshold().intValue()))
            || !policy
                .scope()
                .covers(evidence.instanceId(), evidence.category(), evidence.assessments())) {
          continue;
        }
        String summary =
            clip(
                "Evidence '"
                    + evidence.evidence()
                    + "' of action "
                    + evidence.actionKey()
                    + " expires on "
                    + evidence.validUntil());
        alerts
            .raise(
                tenant,
                new AlertRepository.Raised(
                    policy,
                    summary,
                    evidence.instanceId(),
                    evidence.actionKey(),
                    null,
                    null,
                    evidence.validUntil().toString(),
                    null,
                    evidence.evidenceId(),
                    now,
                    by))
            .ifPresent(
                id ->
                    tell(
                        tenant,
                        policy,
                        summary,
                        evidence.assigneeId(),
                        evidence.testerId(),
                        null,
                        now));
      }
    }
  }

  private void tell(
      ActiveTenant tenant,
      AlertPolicy policy,
      String summary,
      String assigneeId,
      String testerId,
      String actor,
      Instant now) {
    List<Member> roster = policy.recipientRoles().isEmpty() ? List.of() : roster(tenant);
    String slug = tenant.slug().value();
    for (String user : Recipients.of(policy, roster, assigneeId, testerId, actor)) {
      notices.post(
          new Notice(
              user,
              slug,
              NoticeKind.ALERT,
              clip("[" + policy.severity() + "] " + summary),
              "/app/alerts.xhtml?tenant=" + slug,
              now));
    }
  }

  /** The tenant's members, as read at most {@link #ROSTER_KEPT} ago; none when Keycloak fails. */
  private List<Member> roster(ActiveTenant tenant) {
    String slug = tenant.slug().value();
    Roster kept = rosters.get(slug);
    Instant now = clock.instant();
    if (kept != null && kept.read().plus(ROSTER_KEPT).isAfter(now)) {
      return kept.members();
    }
    try {
      List<Member> read = members.of(tenant);
      rosters.put(slug, new Roster(read, now));
      return read;
    } catch (DomainException | jakarta.ejb.EJBException e) {
      LOG.warning(
          () ->
              "alert recipients by role of tenant "
                  + slug
                  + " not told: the directory did not answer ("
                  + e.getMessage()
                  + ")");
      return kept == null ? List.of() : kept.members();
    }
  }

  /** The tenant's policies, read once per transaction (a bulk change raises from many rows). */
  @SuppressWarnings("unchecked")
  private List<AlertPolicy> policies(ActiveTenant tenant) {
    String key = "alert-policies:" + tenant.schemaName();
    boolean inTransaction =
        transactions.getTransactionStatus() == jakarta.transaction.Status.STATUS_ACTIVE;
    if (inTransaction) {
      Object kept = transactions.getResource(key);
      if (kept != null) {
        return (List<AlertPolicy>) kept;
      }
    }
    List<AlertPolicy> read = policies.all(tenant);
    if (inTransaction) {
      transactions.putResource(key, read);
    }
    return read;
  }

  private static String line(PolicyScope scope) {
    return switch (scope.kind()) {
      case TENANT -> "TENANT:";
      case ASSESSMENT -> "ASSESSMENT:" + scope.assessmentId();
      case CATEGORY -> "CATEGORY:" + scope.category();
      case ACTION -> "ACTION:" + scope.actionId();
    };
  }

  /** One line in words: what changed of which action, from what to what. */
  static String summary(ActionChanged change) {
    ActionInstance instance = change.instance();
    String action = "Action " + instance.key() + " '" + instance.title() + "'";
    String text;
    if ("evidence".equals(change.field())) {
      text =
          change.newValue() == null
              ? action + ": evidence removed (" + change.oldValue() + ")"
              : action + ": evidence added (" + change.newValue() + ")";
    } else {
      text =
          action
              + ": "
              + words(change.field())
              + " changed from "
              + (change.oldValue() == null ? "none" : change.oldValue())
              + " to "
              + (change.newValue() == null ? "none" : change.newValue());
    }
    String by = change.who().name() == null ? change.who().id() : change.who().name();
    return clip(text + " by " + by);
  }

  private static String words(String field) {
    return switch (field) {
      case "implementationStatus" -> "implementation status";
      case "testStatus" -> "test status";
      default -> field;
    };
  }

  private static String clip(String text) {
    return text.length() <= SUMMARY_MAX ? text : text.substring(0, SUMMARY_MAX - 1) + "…";
  }
}

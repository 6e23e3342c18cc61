package io.regulus.alert;

import io.regulus.access.TenantRole;
import io.regulus.problem.DomainException;
import io.regulus.problem.InvalidInputException;
import io.regulus.problem.Violation;
import io.regulus.scoring.ImplementationStatus;
import io.regulus.scoring.TestStatus;
import io.regulus.text.ReadableText;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The rules of a policy, as one pure function from a draft to a policy: every fault at once, each
 * naming its field and what it takes (422), so nothing half-made is kept.
 *
 * <ul>
 *   <li>a name of 1 to 200 readable characters; a known kind and severity;
 *   <li>a score change: a threshold above 0, at most 100 percent or 100,000 points, a direction
 *       (DROP when none), and a scope of the tenant, an assessment or a category (a score has no
 *       line per action, and no assignee or tester to tell);
 *   <li>evidence expiring: whole days from 1 to 365;
 *   <li>other kinds: no threshold; status changes may name the new statuses that raise;
 *   <li>the scope's one field for ASSESSMENT, CATEGORY or ACTION, and no other;
 *   <li>at least one recipient: a role, the assignee or the tester.
 * </ul>
 */
public final class PolicyRules {

  public static final int NAME_MAX = 200;
  public static final int CATEGORY_MAX = 60;
  static final BigDecimal MAX_PERCENT = new BigDecimal("100");
  static final BigDecimal MAX_POINTS = new BigDecimal("100000");
  static final int MAX_DAYS = 365;

  private PolicyRules() {}

  /** The policy the draft describes, or every fault of it at once. */
  public static AlertPolicy check(long id, PolicyDraft draft, Instant updatedAt, String updatedBy) {
    List<Violation> faults = new ArrayList<>();
    String name = name(draft.name(), faults);
    AlertKind kind = known(AlertKind.class, draft.kind(), "kind", faults).orElse(null);
    Severity severity = known(Severity.class, draft.severity(), "severity", faults).orElse(null);
    PolicyScope scope = scope(draft, faults);
    ThresholdUnit unit = null;
    ScoreDirection direction = null;
    Set<String> toValues = Set.of();
    if (kind == AlertKind.SCORE_CHANGE) {
      unit = known(ThresholdUnit.class, draft.unit(), "unit", faults).orElse(null);
      if (unit == ThresholdUnit.DAYS) {
        faults.add(new Violation("unit", "a score change counts in POINTS or PERCENT"));
      }
      threshold(
          draft.threshold(), unit == ThresholdUnit.PERCENT ? MAX_PERCENT : MAX_POINTS, faults);
      direction =
          draft.direction() == null
              ? ScoreDirection.DROP
              : known(ScoreDirection.class, draft.direction(), "direction", faults).orElse(null);
      if (scope != null && scope.kind() == PolicyScope.Kind.ACTION) {
        faults.add(
            new Violation(
                "scope", "a score change watches the tenant, an assessment or a category"));
      }
      if (Boolean.TRUE.equals(draft.notifyAssignee())
          || Boolean.TRUE.equals(draft.notifyTester())) {
        faults.add(
            new Violation(
                "notifyAssignee", "a score change is about no one action: tell roles instead"));
      }
    } else if (kind == AlertKind.EVIDENCE_EXPIRING) {
      unit = ThresholdUnit.DAYS;
      if (draft.unit() != null && !"DAYS".equals(draft.unit())) {
        faults.add(new Violation("unit", "evidence expiring counts in DAYS"));
      }
      BigDecimal days = draft.threshold();
      if (days == null
          || days.stripTrailingZeros().scale() > 0
          || days.compareTo(BigDecimal.ONE) < 0
          || days.compareTo(BigDecimal.valueOf(MAX_DAYS)) > 0) {
        faults.add(
            new Violation(
                "threshold", "the days before expiry: a whole number from 1 to " + MAX_DAYS));
      }
    } else if (kind != null) {
      if (draft.threshold() != null || draft.unit() != null) {
        faults.add(
            new Violation("threshold", "only score change and evidence expiring take a threshold"));
      }
    }
    if (kind != null && kind != AlertKind.SCORE_CHANGE && draft.direction() != null) {
      faults.add(new Violation("direction", "only a score change takes a direction"));
    }
    if (kind != null) {
      toValues = toValues(kind, draft.toValues(), faults);
    }
    Set<TenantRole> roles = roles(draft.recipientRoles(), faults);
    boolean assignee = Boolean.TRUE.equals(draft.notifyAssignee());
    boolean tester = Boolean.TRUE.equals(draft.notifyTester());
    if (draft.recipientRoles().isEmpty() && !assignee && !tester) {
      faults.add(
          new Violation(
              "recipientRoles",
              "tell someone: a role (admin, assessor, contributor, reader), the assignee or the"
                  + " tester"));
    }
    if (!faults.isEmpty()) {
      throw new InvalidInputException("The alert policy cannot be kept", faults);
    }
    return new AlertPolicy(
        id,
        name,
        kind,
        severity,
        kind == AlertKind.SCORE_CHANGE || kind == AlertKind.EVIDENCE_EXPIRING
            ? draft.threshold()
            : null,
        unit,
        direction,
        toValues,
        scope,
        draft.enabled() == null || draft.enabled(),
        roles,
        assignee,
        tester,
        updatedAt,
        updatedBy);
  }

  private static String name(String name, List<Violation> faults) {
    if (name == null || name.isBlank() || name.strip().length() > NAME_MAX) {
      faults.add(new Violation("name", "a name of 1 to " + NAME_MAX + " characters"));
      return null;
    }
    try {
      return ReadableText.line("name", name.strip());
    } catch (DomainException e) {
      faults.addAll(e.violations());
      return null;
    }
  }

  private static void threshold(BigDecimal threshold, BigDecimal max, List<Violation> faults) {
    if (threshold == null
        || threshold.signum() <= 0
        || threshold.compareTo(max) > 0
        || threshold.stripTrailingZeros().scale() > 2) {
      faults.add(
          new Violation(
              "threshold",
              "the smallest move that raises: above 0 and at most "
                  + max.toPlainString()
                  + ", with at most two decimals"));
    }
  }

  private static PolicyScope scope(PolicyDraft draft, List<Violation> faults) {
    PolicyScope.Kind kind =
        draft.scope() == null
            ? PolicyScope.Kind.TENANT
            : known(PolicyScope.Kind.class, draft.scope(), "scope", faults).orElse(null);
    if (kind == null) {
      return null;
    }
    int before = faults.size();
    need(kind == PolicyScope.Kind.ASSESSMENT, draft.assessmentId(), "assessmentId", faults);
    need(kind == PolicyScope.Kind.ACTION, draft.actionId(), "actionId", faults);
    String category = draft.category() == null ? null : draft.category().strip();
    need(kind == PolicyScope.Kind.CATEGORY, category, "category", faults);
    if (category != null && (category.isEmpty() || category.length() > CATEGORY_MAX)) {
      faults.add(new Violation("category", "a category of 1 to " + CATEGORY_MAX + " characters"));
    }
    if (faults.size() > before) {
      return null;
    }
    return new PolicyScope(kind, draft.assessmentId(), category, draft.actionId());
  }

  private static void need(boolean needed, Object value, String field, List<Violation> faults) {
    if (needed && value == null) {
      faults.add(new Violation(field, "this scope names its " + field));
    } else if (!needed && value != null) {
      faults.add(new Violation(field, "only its own scope takes " + field));
    }
  }

  private static Set<String> toValues(AlertKind kind, List<String> given, List<Violation> faults) {
    if (given.isEmpty()) {
      return Set.of();
    }
    Set<String> allowed =
        switch (kind) {
          case IMPLEMENTATION_STATUS_CHANGE -> names(ImplementationStatus.values());
          case TEST_STATUS_CHANGE -> names(TestStatus.values());
          default -> Set.of();
        };
    if (allowed.isEmpty()) {
      faults.add(new Violation("toValues", "only status changes name the statuses that raise"));
      return Set.of();
    }
    Set<String> values = new LinkedHashSet<>();
    for (int i = 0; i < given.size(); i++) {
      String value = given.get(i);
      if (value == null || !allowed.contains(value)) {
        faults.add(new Violation("toValues[" + i + "]", "one of " + String.join(", ", allowed)));
      } else {
        values.add(value);
      }
    }
    return values;
  }

  private static Set<TenantRole> roles(List<String> given, List<Violation> faults) {
    Set<TenantRole> roles = EnumSet.noneOf(TenantRole.class);
    for (int i = 0; i < given.size(); i++) {
      Optional<TenantRole> role =
          given.get(i) == null ? Optional.empty() : TenantRole.fromId(given.get(i));
      if (role.isEmpty()) {
        faults.add(
            new Violation(
                "recipientRoles[" + i + "]", "one of admin, assessor, contributor, reader"));
      } else {
        roles.add(role.get());
      }
    }
    return roles;
  }

  private static Set<String> names(Enum<?>[] values) {
    return Arrays.stream(values)
        .map(Enum::name)
        .collect(Collectors.toCollection(LinkedHashSet::new));
  }

  private static <E extends Enum<E>> Optional<E> known(
      Class<E> type, String value, String field, List<Violation> faults) {
    Optional<E> found = Named.find(type, value);
    if (found.isEmpty()) {
      faults.add(new Violation(field, Named.rule(type, value)));
    }
    return found;
  }
}

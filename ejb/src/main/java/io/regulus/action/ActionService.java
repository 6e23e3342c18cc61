package io.regulus.action;

import io.regulus.identity.AccessDeniedException;
import io.regulus.identity.Caller;
import io.regulus.identity.TenantRole;
import io.regulus.problem.InvalidInputException;
import io.regulus.problem.Violation;
import io.regulus.scoring.ImplementationStatus;
import io.regulus.scoring.TestStatus;
import io.regulus.tenancy.ActiveTenant;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Reading action instances and changing their statuses under PRODUCT.md's workflow rules: contributors set the
 * implementation, assessors the test result, admins both; a test result needs the action implemented; the
 * implementation date goes with an implemented action. Every change lands in the history.
 */
@Stateless
public class ActionService {

  @Inject private ActionRepository actions;
  @Inject private ActionHistory history;

  public List<ActionInstance> list(ActiveTenant tenant) {
    return actions.all(tenant);
  }

  public ActionInstance get(ActiveTenant tenant, long id) {
    return actions.find(tenant, id, false).orElseThrow(() -> new ActionInstanceNotFoundException(id));
  }

  public List<ActionChange> history(ActiveTenant tenant, long id) {
    get(tenant, id);
    return history.of(tenant, id);
  }

  public ActionInstance change(ActiveTenant tenant, Caller caller, TenantRole role, long id, StatusChange change) {
    if (change.touchesImplementation() && role != TenantRole.ADMIN && role != TenantRole.CONTRIBUTOR) {
      throw new AccessDeniedException("Setting the implementation needs the contributor or admin role; you are "
          + role.id() + " in this tenant.");
    }
    if (change.touchesTest() && role != TenantRole.ADMIN && role != TenantRole.ASSESSOR) {
      throw new AccessDeniedException("Recording a test result needs the assessor or admin role; you are "
          + role.id() + " in this tenant.");
    }
    ActionInstance before = actions.find(tenant, id, true).orElseThrow(() -> new ActionInstanceNotFoundException(id));
    ActionInstance after = apply(before, change);
    actions.update(tenant, before, after, new ActionHistory.Who(caller.subject(), caller.name()));
    return get(tenant, id);
  }

  /** The instance after the change, or every broken rule at once. */
  static ActionInstance apply(ActionInstance before, StatusChange change) {
    List<Violation> violations = new ArrayList<>();
    ImplementationStatus implementation =
        change.implementationStatus() != null ? change.implementationStatus() : before.implementationStatus();
    LocalDate date = before.implementationDate();
    if (change.implementationStatus() != null && change.implementationStatus() != before.implementationStatus()) {
      date = implementation.done() ? LocalDate.now(ZoneOffset.UTC) : null;
    }
    if (change.implementationDate() != null) {
      if (!implementation.done()) {
        violations.add(new Violation("implementationDate", "an implementation date goes only with status"
            + " implemented or alternative implementation; the status is " + implementation));
      } else if (change.implementationDate().isAfter(LocalDate.now(ZoneOffset.UTC).plusDays(1))) {
        violations.add(new Violation("implementationDate", "an implementation date is not in the future"));
      }
      date = change.implementationDate();
    }
    TestStatus test = change.testStatus() != null ? change.testStatus() : before.testStatus();
    if (!implementation.done() && implementation != ImplementationStatus.OUT_OF_SCOPE) {
      if (change.testStatus() != null && change.testStatus() != TestStatus.NONE) {
        violations.add(new Violation("testStatus", "a test result is recorded only once the action is implemented"
            + " (or implemented another way); its implementation status is " + implementation));
      }
      test = TestStatus.NONE;
    }
    BigDecimal fraction = change.passedFraction() != null ? change.passedFraction() : before.passedFraction();
    if (test != TestStatus.PARTIALLY_TESTED) {
      if (change.passedFraction() != null) {
        violations.add(new Violation("passedFraction", "a passed fraction goes only with test status"
            + " PARTIALLY_TESTED"));
      }
      fraction = null;
    } else if (fraction == null || fraction.signum() < 0 || fraction.compareTo(BigDecimal.ONE) > 0) {
      violations.add(new Violation("passedFraction", "PARTIALLY_TESTED needs a passed fraction from 0 to 1"));
    }
    String notes = change.notes() != null ? (change.notes().isBlank() ? null : change.notes().strip()) : before.notes();
    if (notes != null && notes.length() > 4000) {
      violations.add(new Violation("notes", "at most 4000 characters"));
    }
    if (!violations.isEmpty()) {
      throw new InvalidInputException("The change was not saved", violations);
    }
    return new ActionInstance(before.id(), before.key(), before.title(), before.type(), before.points(),
        before.category(), before.solution(), before.origin(), before.groupId(), before.group(), implementation,
        date, test, fraction, notes, before.updatedAt(), before.updatedBy(), before.version());
  }
}

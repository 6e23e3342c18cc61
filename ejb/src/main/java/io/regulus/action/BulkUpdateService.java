package io.regulus.action;

import io.regulus.access.Guarded;
import io.regulus.access.Permission;
import io.regulus.access.Requires;
import io.regulus.access.TenantCaller;
import io.regulus.access.TenantRole;
import io.regulus.action.workbook.ActionSheet;
import io.regulus.directory.AssignmentPurpose;
import io.regulus.directory.Member;
import io.regulus.directory.TenantMembers;
import io.regulus.problem.DomainException;
import io.regulus.problem.InvalidInputException;
import io.regulus.problem.Violation;
import io.regulus.scoring.ActionState;
import io.regulus.scoring.ScoringRepository;
import io.regulus.spreadsheet.CellError;
import io.regulus.spreadsheet.EnumLabels;
import io.regulus.tenancy.ActiveTenant;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Bulk update through Excel, like Compliance Manager's: the (filtered) actions exported to a
 * workbook; the edited workbook read back, each row checked against the same workflow rules as a
 * single change, its version against the action's (a row of a stale export is a fault); a preview
 * of what changes and the score effect; and an apply that is all or nothing, in one transaction.
 */
@Stateless
@Guarded
public class BulkUpdateService {

  /** The workbook column of each field of an update. */
  private static final Map<String, String> COLUMNS =
      Map.ofEntries(
          Map.entry("implementationStatus", "Implementation status"),
          Map.entry("implementationDate", "Implementation date"),
          Map.entry("testStatus", "Test status"),
          Map.entry("passedFraction", "Passed fraction"),
          Map.entry("testOverrideReason", "Test status"),
          Map.entry("notes", "Notes"),
          Map.entry("assigneeId", "Assignee"),
          Map.entry("testerId", "Tester"),
          Map.entry("dueDate", "Due date"),
          Map.entry("priority", "Priority"));

  /** The fields a row may change, in the workbook's order, each as an instance holds it. */
  private static final Map<String, Function<ActionInstance, Object>> FIELDS = new LinkedHashMap<>();

  static {
    FIELDS.put("assigneeId", ActionInstance::assigneeName);
    FIELDS.put("testerId", ActionInstance::testerName);
    FIELDS.put("implementationStatus", ActionInstance::implementationStatus);
    FIELDS.put("implementationDate", ActionInstance::implementationDate);
    FIELDS.put("testStatus", ActionInstance::testStatus);
    FIELDS.put("passedFraction", ActionInstance::passedFraction);
    FIELDS.put("dueDate", ActionInstance::dueDate);
    FIELDS.put("priority", ActionInstance::priority);
    FIELDS.put("notes", ActionInstance::notes);
  }

  @Inject private ActionRepository actions;
  @Inject private ScoringRepository scoring;
  @EJB private TenantMembers members;

  /** Writes the actions the filter lists (every page) as the bulk-update workbook. */
  @Requires(Permission.READ_TENANT)
  public void export(TenantCaller caller, ActionFilter filter, OutputStream out) {
    ActiveTenant tenant = caller.tenant();
    LocalDate today = today();
    Map<String, String> names =
        members.of(tenant).stream()
            .collect(Collectors.toMap(Member::id, Member::username, (a, b) -> a));
    List<ActionSheet.Row> rows =
        actions.all(tenant).stream()
            .filter(instance -> filter.lists(instance, today))
            .map(
                i ->
                    new ActionSheet.Row(
                        i.id(),
                        i.version(),
                        i.key(),
                        i.title(),
                        i.group(),
                        i.type(),
                        i.points(),
                        name(names, i.assigneeId(), i.assigneeName()),
                        name(names, i.testerId(), i.testerName()),
                        i.implementationStatus(),
                        i.implementationDate(),
                        i.testStatus(),
                        i.passedFraction(),
                        i.dueDate(),
                        i.priority(),
                        i.notes()))
            .toList();
    try {
      ActionSheet.write(rows, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What the workbook would change, and the score before and after; nothing is written. */
  @Requires(Permission.WORK_ON_ACTIONS)
  public BulkOutcome preview(TenantCaller caller, InputStream workbook) {
    return run(caller, workbook, false);
  }

  /** Applies every change of the workbook, or none: any fault refuses the whole workbook. */
  @Requires(Permission.WORK_ON_ACTIONS)
  public BulkOutcome apply(TenantCaller caller, InputStream workbook) {
    return run(caller, workbook, true);
  }

  private BulkOutcome run(TenantCaller caller, InputStream workbook, boolean apply) {
    ActiveTenant tenant = caller.tenant();
    TenantRole role = caller.requireRole();
    ActionSheet.Parsed parsed;
    try {
      parsed = ActionSheet.read(workbook);
    } catch (IOException e) {
      throw new InvalidInputException(
          new Violation("workbook", "the upload could not be read whole: " + e.getMessage()));
    }
    List<CellError> errors = new ArrayList<>(parsed.errors());
    Map<Long, ActionInstance> byId =
        actions.all(tenant).stream()
            .collect(Collectors.toMap(ActionInstance::id, Function.identity()));
    Map<String, Member> people = people(tenant);
    LocalDate today = today();
    Map<ActionInstance, ActionInstance> changes = new LinkedHashMap<>();
    List<BulkChange> rowChanges = new ArrayList<>();
    for (ActionSheet.Edit edit : parsed.edits()) {
      ActionInstance before = byId.get(edit.actionId());
      if (before == null) {
        errors.add(
            fault(
                edit,
                "Action id",
                Long.toString(edit.actionId()),
                "no action "
                    + edit.actionId()
                    + " in this tenant: keep the ids of the exported workbook"));
        continue;
      }
      if (before.version() != edit.version()) {
        errors.add(
            fault(
                edit,
                "Version",
                Long.toString(edit.version()),
                "the action changed after this workbook"
                    + " was exported (it is at version "
                    + before.version()
                    + " now): export again and redo this row"));
        continue;
      }
      int faults = errors.size();
      ActionWorkflow.Person assignee =
          person(
              edit, "Assignee", edit.assignee(), people, AssignmentPurpose.IMPLEMENTATION, errors);
      ActionWorkflow.Person tester =
          person(edit, "Tester", edit.tester(), people, AssignmentPurpose.TESTING, errors);
      if (errors.size() > faults) {
        continue;
      }
      ActionUpdate update = diff(before, edit, assignee, tester);
      if (update == null) {
        continue;
      }
      try {
        ActionInstance after =
            ActionWorkflow.apply(before, update, role, caller.id(), assignee, tester, today);
        if (after.testStatus() != edit.testStatus()) {
          // the row states a whole state: a test result beside an unimplemented action is not one
          errors.add(
              fault(
                  edit,
                  "Test status",
                  edit.testStatus().name(),
                  "a test result goes only with an"
                      + " implemented action, and this row's implementation status is "
                      + edit.implementationStatus()));
          continue;
        }
        changes.put(before, after);
        rowChanges.add(change(edit.rowNumber(), before, after));
      } catch (InvalidInputException e) {
        e.violations().forEach(v -> errors.add(fault(edit, v.field(), v.rule())));
      } catch (DomainException e) {
        String field = COLUMNS.containsKey(e.field()) ? e.field() : firstTouched(update);
        errors.add(fault(edit, field, e.detail()));
      }
    }
    errors.sort(java.util.Comparator.comparingInt(CellError::row));
    ScoringRepository.Loaded loaded = scoring.input(tenant);
    Map<Long, ActionState> states = new HashMap<>();
    changes.forEach(
        (before, after) -> {
          ActionState state = after.state();
          states.put(after.id(), state);
          byId.values().stream()
              .filter(i -> Objects.equals(i.parentInstanceId(), after.id()))
              .forEach(child -> states.put(child.id(), state));
        });
    List<Long> changed = changes.keySet().stream().map(ActionInstance::id).toList();
    int rows =
        parsed.edits().size()
            + (int) parsed.errors().stream().map(CellError::row).distinct().count();
    BulkOutcome outcome =
        new BulkOutcome(
            rows,
            changes.size(),
            changed,
            rowChanges,
            errors,
            loaded.scoresWith(Map.of()).tenant(),
            loaded.scoresWith(states).tenant(),
            false);
    if (!apply) {
      return outcome;
    }
    if (!errors.isEmpty()) {
      throw new InvalidWorkbookException(errors);
    }
    ActionHistory.Who who = new ActionHistory.Who(caller.id(), caller.name());
    changes.forEach(
        (before, after) -> {
          ActionInstance locked = actions.lock(tenant, before.id()).orElseThrow();
          if (locked.version() != before.version()) {
            throw new InvalidWorkbookException(
                List.of(
                    new CellError(
                        ActionSheet.SHEET,
                        0,
                        "Version",
                        Long.toString(before.version()),
                        "action "
                            + before.id()
                            + " changed while the workbook was applied:"
                            + " upload it again")));
          }
          actions.update(tenant, before, after, who);
        });
    return new BulkOutcome(
        outcome.rows(),
        outcome.changed(),
        changed,
        outcome.changes(),
        List.of(),
        outcome.scoreBefore(),
        outcome.scoreAfter(),
        true);
  }

  /** What the row changes of its action, field by field, as the workbook shows the values. */
  private static BulkChange change(int row, ActionInstance before, ActionInstance after) {
    List<BulkChange.Field> fields = new ArrayList<>();
    FIELDS.forEach(
        (field, value) -> {
          String was = shown(value.apply(before));
          String is = shown(value.apply(after));
          if (!was.equals(is)) {
            fields.add(new BulkChange.Field(COLUMNS.get(field), was, is));
          }
        });
    return new BulkChange(row, before.id(), before.key(), before.title(), fields);
  }

  private static String shown(Object value) {
    if (value instanceof Enum<?> constant) {
      return EnumLabels.label(constant);
    }
    return value instanceof BigDecimal number
        ? number.toPlainString()
        : Objects.toString(value, "");
  }

  /** The change a row asks for against the instance, or null when it asks for none. */
  private static ActionUpdate diff(
      ActionInstance before,
      ActionSheet.Edit edit,
      ActionWorkflow.Person assignee,
      ActionWorkflow.Person tester) {
    Set<String> clear = new java.util.HashSet<>();
    boolean statusChanged = edit.implementationStatus() != before.implementationStatus();
    LocalDate date = null;
    if (!Objects.equals(edit.implementationDate(), before.implementationDate())) {
      if (edit.implementationDate() != null) {
        date = edit.implementationDate();
      } else if (!statusChanged) {
        clear.add("implementationDate");
      }
    }
    java.math.BigDecimal fraction =
        edit.passedFraction() != null
                && (before.passedFraction() == null
                    || edit.passedFraction().compareTo(before.passedFraction()) != 0)
            ? edit.passedFraction()
            : null;
    String notes = null;
    if (!Objects.equals(edit.notes(), before.notes())) {
      if (edit.notes() == null) {
        clear.add("notes");
      } else {
        notes = edit.notes();
      }
    }
    String assigneeId = assignee == null ? null : assignee.id();
    if (!Objects.equals(assigneeId, before.assigneeId()) && assigneeId == null) {
      clear.add("assigneeId");
    }
    String testerId = tester == null ? null : tester.id();
    if (!Objects.equals(testerId, before.testerId()) && testerId == null) {
      clear.add("testerId");
    }
    LocalDate due = null;
    if (!Objects.equals(edit.dueDate(), before.dueDate())) {
      if (edit.dueDate() == null) {
        clear.add("dueDate");
      } else {
        due = edit.dueDate();
      }
    }
    ActionUpdate update =
        new ActionUpdate(
            statusChanged ? edit.implementationStatus() : null,
            date,
            edit.testStatus() != before.testStatus() ? edit.testStatus() : null,
            fraction,
            notes,
            Objects.equals(assigneeId, before.assigneeId()) ? null : assigneeId,
            Objects.equals(testerId, before.testerId()) ? null : testerId,
            due,
            edit.priority() != before.priority() ? edit.priority() : null,
            null,
            clear);
    boolean nothing =
        update.implementationStatus() == null
            && date == null
            && update.testStatus() == null
            && fraction == null
            && notes == null
            && update.assigneeId() == null
            && update.testerId() == null
            && due == null
            && update.priority() == null
            && clear.isEmpty();
    return nothing ? null : update;
  }

  /** The member a cell names by username or email, if they may be assigned for that purpose. */
  private static ActionWorkflow.Person person(
      ActionSheet.Edit edit,
      String column,
      String name,
      Map<String, Member> people,
      AssignmentPurpose purpose,
      List<CellError> errors) {
    if (name == null) {
      return null;
    }
    Member member = people.get(name.toLowerCase(Locale.ROOT));
    if (member == null || !member.enabled() || !purpose.admits(member.role())) {
      errors.add(
          fault(
              edit,
              column,
              name,
              member == null
                  ? "no member of this tenant has this username or email"
                  : "this member may not be assigned "
                      + purpose.id()
                      + " ("
                      + purpose.holders()
                      + ")"));
      return null;
    }
    return new ActionWorkflow.Person(member.id(), member.username());
  }

  private Map<String, Member> people(ActiveTenant tenant) {
    Map<String, Member> byName = new HashMap<>();
    for (Member member : members.of(tenant)) {
      byName.put(member.username().toLowerCase(Locale.ROOT), member);
      if (member.email() != null) {
        byName.putIfAbsent(member.email().toLowerCase(Locale.ROOT), member);
      }
    }
    return byName;
  }

  /** The first field the update sets, in the order the workflow checks them. */
  private static String firstTouched(ActionUpdate update) {
    return Stream.of(update.implementationField(), update.testField(), update.assignmentField())
        .filter(Objects::nonNull)
        .findFirst()
        .orElse("notes");
  }

  /** What the row's cell of a field held, as the workbook shows it. */
  private static String cell(ActionSheet.Edit edit, String field) {
    Object value =
        switch (field) {
          case "implementationStatus" -> edit.implementationStatus();
          case "implementationDate" -> edit.implementationDate();
          case "testStatus", "testOverrideReason" -> edit.testStatus();
          case "passedFraction" -> edit.passedFraction();
          case "notes" -> edit.notes();
          case "assigneeId" -> edit.assignee();
          case "testerId" -> edit.tester();
          case "dueDate" -> edit.dueDate();
          case "priority" -> edit.priority();
          default -> null;
        };
    return shown(value);
  }

  /** A fault of one field of a row, under its column, with the value the cell held. */
  private static CellError fault(ActionSheet.Edit edit, String field, String reason) {
    return fault(edit, COLUMNS.getOrDefault(field, "Action id"), cell(edit, field), reason);
  }

  private static CellError fault(
      ActionSheet.Edit edit, String column, String value, String reason) {
    return new CellError(
        ActionSheet.SHEET, edit.rowNumber(), column, value == null ? "" : value, reason);
  }

  private static String name(Map<String, String> names, String id, String fallback) {
    return id == null ? null : names.getOrDefault(id, fallback);
  }

  private static LocalDate today() {
    return LocalDate.now(ZoneOffset.UTC);
  }
}

package io.regulus.ui.action;

import io.regulus.action.ActionInstance;
import io.regulus.action.ActionUpdate;
import io.regulus.scoring.ImplementationStatus;
import io.regulus.scoring.TestStatus;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * What a member typed into an action's workflow form, over the version of the action it was filled
 * from. The form is the same for every role (what each sees of it is the workflow's answer); {@link
 * #changes} sends the workflow exactly the fields that differ from that version, as a PATCH of the
 * API would, so the workflow judges every one of them.
 */
public class WorkflowForm implements Serializable {

  private static final long serialVersionUID = 1L;

  private final long version;
  private ImplementationStatus implementationStatus;
  private LocalDate implementationDate;
  private TestStatus testStatus;
  private BigDecimal passedFraction;
  private String testOverrideReason;
  private String notes;

  private WorkflowForm(long version) {
    this.version = version;
  }

  /** The form filled with the action's values. */
  static WorkflowForm of(ActionInstance action) {
    WorkflowForm form = new WorkflowForm(action.version());
    form.implementationStatus = action.implementationStatus();
    form.implementationDate = action.implementationDate();
    form.testStatus = action.testStatus();
    form.passedFraction = action.passedFraction();
    form.testOverrideReason = action.testOverrideReason();
    form.notes = action.notes();
    return form;
  }

  /** The version of the action the form was filled from: the ETag its change is sent with. */
  long version() {
    return version;
  }

  /**
   * The change of the action the form holds: each field that differs from {@code base} (the action
   * as the form was filled); an emptied date or notes are cleared; an override reason goes with the
   * test status it explains.
   */
  ActionUpdate changes(ActionInstance base) {
    Set<String> clear = new HashSet<>();
    LocalDate date = null;
    if (!Objects.equals(implementationDate, base.implementationDate())) {
      if (implementationDate == null) {
        clear.add("implementationDate");
      } else {
        date = implementationDate;
      }
    }
    String reason = blankToNull(testOverrideReason);
    boolean reasonChanged = !Objects.equals(reason, base.testOverrideReason());
    TestStatus test = testStatus != base.testStatus() || reasonChanged ? testStatus : null;
    BigDecimal fraction =
        passedFraction != null
                && (base.passedFraction() == null
                    || passedFraction.compareTo(base.passedFraction()) != 0)
            ? passedFraction
            : null;
    String newNotes = null;
    if (!Objects.equals(blankToNull(notes), base.notes())) {
      if (blankToNull(notes) == null) {
        clear.add("notes");
      } else {
        newNotes = notes;
      }
    }
    return new ActionUpdate(
        implementationStatus != base.implementationStatus() ? implementationStatus : null,
        date,
        test,
        fraction,
        newNotes,
        null,
        null,
        null,
        null,
        test == null ? null : reason,
        clear);
  }

  /** Whether the form holds any change of {@code base}. */
  boolean changed(ActionInstance base) {
    ActionUpdate update = changes(base);
    return update.implementationStatus() != null
        || update.implementationDate() != null
        || update.testStatus() != null
        || update.passedFraction() != null
        || update.notes() != null
        || !update.clear().isEmpty();
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }

  public ImplementationStatus getImplementationStatus() {
    return implementationStatus;
  }

  public void setImplementationStatus(ImplementationStatus implementationStatus) {
    this.implementationStatus = implementationStatus;
  }

  public LocalDate getImplementationDate() {
    return implementationDate;
  }

  public void setImplementationDate(LocalDate implementationDate) {
    this.implementationDate = implementationDate;
  }

  public TestStatus getTestStatus() {
    return testStatus;
  }

  public void setTestStatus(TestStatus testStatus) {
    this.testStatus = testStatus;
  }

  public BigDecimal getPassedFraction() {
    return passedFraction;
  }

  public void setPassedFraction(BigDecimal passedFraction) {
    this.passedFraction = passedFraction;
  }

  public String getTestOverrideReason() {
    return testOverrideReason;
  }

  public void setTestOverrideReason(String testOverrideReason) {
    this.testOverrideReason = testOverrideReason;
  }

  public String getNotes() {
    return notes;
  }

  public void setNotes(String notes) {
    this.notes = notes;
  }
}

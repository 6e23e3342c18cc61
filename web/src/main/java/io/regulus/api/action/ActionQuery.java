package io.regulus.api.action;

import io.regulus.action.ActionFilter;
import io.regulus.action.Priority;
import io.regulus.action.TestingSource;
import io.regulus.problem.InvalidInputException;
import io.regulus.problem.Violation;
import io.regulus.scoring.ActionType;
import io.regulus.scoring.ImplementationStatus;
import io.regulus.scoring.TestStatus;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import java.io.Serializable;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The filter of the actions list and of its workbook export, from the query (the API) or from a
 * page's filter bar (the actions page binds its inputs to the same properties); every criterion is
 * optional.
 */
public class ActionQuery implements Serializable {

  private static final long serialVersionUID = 1L;

  @QueryParam("regulation")
  String regulation;

  @QueryParam("assessment")
  @Parameter(description = "An assessment's id")
  Long assessment;

  @QueryParam("group")
  @Parameter(description = "An assessment group's id")
  Long group;

  @QueryParam("category")
  String category;

  @QueryParam("solution")
  String solution;

  @QueryParam("type")
  @Parameter(description = "TECHNICAL, OPERATIONAL or DOCUMENTATION")
  String type;

  @QueryParam("implementationStatus")
  @Parameter(description = "One or more, comma-separated")
  String implementationStatus;

  @QueryParam("testStatus")
  @Parameter(description = "One or more, comma-separated")
  String testStatus;

  @QueryParam("assignee")
  @Parameter(description = "A member's id, or 'me' for my actions")
  String assignee;

  @QueryParam("tester")
  @Parameter(description = "A member's id, or 'me'")
  String tester;

  @QueryParam("testingSource")
  @Parameter(description = "MANUAL, AUTOMATIC or PARENT")
  String testingSource;

  @QueryParam("priority")
  @Parameter(description = "LOW, MEDIUM, HIGH or CRITICAL")
  String priority;

  @QueryParam("overdue")
  Boolean overdue;

  @QueryParam("q")
  @Parameter(description = "Words in the title or key")
  String text;

  @QueryParam("includePassed")
  @DefaultValue("false")
  @Parameter(description = "Passed actions are hidden unless true")
  boolean includePassed;

  /** The filter; {@code me} is the caller's Keycloak id, for "me" in assignee or tester. */
  public ActionFilter filter(String me) {
    return new ActionFilter(
        blank(regulation),
        assessment,
        group,
        blank(category),
        blank(solution),
        one(ActionType.class, "type", type),
        many(ImplementationStatus.class, "implementationStatus", implementationStatus),
        many(TestStatus.class, "testStatus", testStatus),
        member(assignee, me),
        member(tester, me),
        one(TestingSource.class, "testingSource", testingSource),
        one(Priority.class, "priority", priority),
        overdue,
        blank(text),
        includePassed);
  }

  public String getRegulation() {
    return regulation;
  }

  public void setRegulation(String regulation) {
    this.regulation = regulation;
  }

  public Long getAssessment() {
    return assessment;
  }

  public void setAssessment(Long assessment) {
    this.assessment = assessment;
  }

  public Long getGroup() {
    return group;
  }

  public void setGroup(Long group) {
    this.group = group;
  }

  public String getCategory() {
    return category;
  }

  public void setCategory(String category) {
    this.category = category;
  }

  public String getSolution() {
    return solution;
  }

  public void setSolution(String solution) {
    this.solution = solution;
  }

  public String getType() {
    return type;
  }

  public void setType(String type) {
    this.type = type;
  }

  public String getImplementationStatus() {
    return implementationStatus;
  }

  public void setImplementationStatus(String implementationStatus) {
    this.implementationStatus = implementationStatus;
  }

  public String getTestStatus() {
    return testStatus;
  }

  public void setTestStatus(String testStatus) {
    this.testStatus = testStatus;
  }

  public String getAssignee() {
    return assignee;
  }

  public void setAssignee(String assignee) {
    this.assignee = assignee;
  }

  public String getTester() {
    return tester;
  }

  public void setTester(String tester) {
    this.tester = tester;
  }

  public String getTestingSource() {
    return testingSource;
  }

  public void setTestingSource(String testingSource) {
    this.testingSource = testingSource;
  }

  public String getPriority() {
    return priority;
  }

  public void setPriority(String priority) {
    this.priority = priority;
  }

  public Boolean getOverdue() {
    return overdue;
  }

  public void setOverdue(Boolean overdue) {
    this.overdue = overdue;
  }

  public String getText() {
    return text;
  }

  public void setText(String text) {
    this.text = text;
  }

  public boolean isIncludePassed() {
    return includePassed;
  }

  public void setIncludePassed(boolean includePassed) {
    this.includePassed = includePassed;
  }

  private static String member(String id, String me) {
    String value = blank(id);
    return "me".equalsIgnoreCase(value) ? me : value;
  }

  static String blank(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static <E extends Enum<E>> E one(Class<E> type, String field, String value) {
    Set<E> parsed = many(type, field, value);
    if (parsed.size() > 1) {
      throw new InvalidInputException(new Violation(field, "one value, not " + value));
    }
    return parsed.isEmpty() ? null : parsed.iterator().next();
  }

  private static <E extends Enum<E>> Set<E> many(Class<E> type, String field, String value) {
    Set<E> parsed = EnumSet.noneOf(type);
    if (blank(value) == null) {
      return parsed;
    }
    for (String name : value.split(",")) {
      try {
        parsed.add(
            Enum.valueOf(
                type, name.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_')));
      } catch (IllegalArgumentException e) {
        throw new InvalidInputException(
            new Violation(field, "'" + name.strip() + "' is not one of " + EnumSet.allOf(type)));
      }
    }
    return parsed;
  }
}

package io.regulus.ui.template;

import io.regulus.signal.RuleDefinition;
import io.regulus.template.TemplateDraft;
import java.io.Serializable;
import java.math.BigDecimal;

/** A new action as the form holds it, before the domain checks it. */
public class ActionRow implements Serializable {

  private static final long serialVersionUID = 1L;

  private String key;
  private String title;
  private String description;
  private String howTo;
  private String type;
  private Integer points;
  private String category;
  private String solution;
  private String managedBy = "CUSTOMER";
  private String testingSource = "MANUAL";
  private String testSignal;
  private String testExpect;
  private BigDecimal testAtLeast;
  private String testFreshness;
  private String testRisk;

  TemplateDraft.Action draft() {
    return new TemplateDraft.Action(
        blank(key),
        title,
        description,
        blank(howTo),
        type,
        points,
        category,
        blank(solution),
        managedBy,
        testingSource,
        rule());
  }

  /** The rule as typed, or none when neither its signal nor its expression is given. */
  private RuleDefinition rule() {
    if (blank(testSignal) == null && blank(testExpect) == null) {
      return null;
    }
    return new RuleDefinition(
        blank(testSignal), blank(testExpect), testAtLeast, blank(testFreshness), blank(testRisk));
  }

  static String blank(String value) {
    return value == null || value.isBlank() ? null : value;
  }

  public String getKey() {
    return key;
  }

  public void setKey(String key) {
    this.key = key;
  }

  public String getTitle() {
    return title;
  }

  public void setTitle(String title) {
    this.title = title;
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }

  public String getHowTo() {
    return howTo;
  }

  public void setHowTo(String howTo) {
    this.howTo = howTo;
  }

  public String getType() {
    return type;
  }

  public void setType(String type) {
    this.type = type;
  }

  public Integer getPoints() {
    return points;
  }

  public void setPoints(Integer points) {
    this.points = points;
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

  public String getManagedBy() {
    return managedBy;
  }

  public void setManagedBy(String managedBy) {
    this.managedBy = managedBy;
  }

  public String getTestingSource() {
    return testingSource;
  }

  public void setTestingSource(String testingSource) {
    this.testingSource = testingSource;
  }

  public String getTestSignal() {
    return testSignal;
  }

  public void setTestSignal(String testSignal) {
    this.testSignal = testSignal;
  }

  public String getTestExpect() {
    return testExpect;
  }

  public void setTestExpect(String testExpect) {
    this.testExpect = testExpect;
  }

  public BigDecimal getTestAtLeast() {
    return testAtLeast;
  }

  public void setTestAtLeast(BigDecimal testAtLeast) {
    this.testAtLeast = testAtLeast;
  }

  public String getTestFreshness() {
    return testFreshness;
  }

  public void setTestFreshness(String testFreshness) {
    this.testFreshness = testFreshness;
  }

  public String getTestRisk() {
    return testRisk;
  }

  public void setTestRisk(String testRisk) {
    this.testRisk = testRisk;
  }
}

package io.regulus.ui.template;

import io.regulus.template.TemplateDraft;
import java.io.Serializable;

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
        null,
        null);
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
}

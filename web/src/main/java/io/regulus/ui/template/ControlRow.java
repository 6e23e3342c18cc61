package io.regulus.ui.template;

import io.regulus.template.TemplateDraft;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;

/**
 * A control as the form holds it; its actions are the keys typed one after another, separated by
 * commas or spaces.
 */
public class ControlRow implements Serializable {

  private static final long serialVersionUID = 1L;

  private String id;
  private String family;
  private String title;
  private String description;
  private Boolean mandatory;
  private String nature;
  private String actions;

  TemplateDraft.Control draft() {
    List<String> keys =
        actions == null
            ? List.of()
            : Arrays.stream(actions.split("[,\\s]+")).filter(key -> !key.isBlank()).toList();
    return new TemplateDraft.Control(id, family, title, description, mandatory, nature, keys);
  }

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }

  public String getFamily() {
    return family;
  }

  public void setFamily(String family) {
    this.family = family;
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

  public Boolean getMandatory() {
    return mandatory;
  }

  public void setMandatory(Boolean mandatory) {
    this.mandatory = mandatory;
  }

  public String getNature() {
    return nature;
  }

  public void setNature(String nature) {
    this.nature = nature;
  }

  public String getActions() {
    return actions;
  }

  public void setActions(String actions) {
    this.actions = actions;
  }
}

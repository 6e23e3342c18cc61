package io.regulus.template;

import java.util.List;

/**
 * A control as a template version (or an assessment's snapshot of one) holds it: its texts, its
 * classification and the keys of the actions mapped to it.
 */
public record TemplateControl(
    String id,
    String family,
    String title,
    String description,
    boolean mandatory,
    String nature,
    boolean fromExtension,
    List<String> actions) {

  public TemplateControl {
    actions = List.copyOf(actions);
  }
}

package io.regulus.template;

import io.regulus.signal.RuleDefinition;
import java.util.List;

/**
 * The content of a new private template or extension version, as the tenant wrote it: its own new
 * actions and its controls. A control's {@code actions} name actions by key: the draft's own, the
 * tenant's earlier ones or the global library's. Checked whole by {@link DraftCheck} before
 * anything is written.
 *
 * @param extendsKey a global template's key when this is an extension, else null
 */
public record TemplateDraft(
    String key,
    String title,
    String regulation,
    String description,
    String extendsKey,
    List<Action> actions,
    List<Control> controls) {

  public TemplateDraft {
    actions = copy(actions);
    controls = copy(controls);
  }

  /** An unmodifiable copy that keeps null elements, for {@link DraftCheck} to report them. */
  static <T> List<T> copy(List<T> list) {
    return list == null
        ? List.of()
        : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(list));
  }

  /**
   * A new action of the tenant's own; {@code points} null means derived from its strongest control,
   * {@code managedBy} (customer or provider) null means customer-managed, {@code testingSource}
   * (manual or automatic) null means manual (or, written again, as it was); {@code test} the test
   * rule of an automatic action (docs/signals.md, "Test rules"), or null.
   */
  public record Action(
      String key,
      String title,
      String description,
      String howTo,
      String type,
      Integer points,
      String category,
      String solution,
      String managedBy,
      String testingSource,
      RuleDefinition test) {}

  /**
   * A control: its classification and the keys of the actions that satisfy it (its responsibility
   * is derived from theirs).
   */
  public record Control(
      String id,
      String family,
      String title,
      String description,
      Boolean mandatory,
      String nature,
      List<String> actions) {

    public Control {
      actions = copy(actions);
    }
  }
}

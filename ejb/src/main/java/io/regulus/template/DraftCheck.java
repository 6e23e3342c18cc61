package io.regulus.template;

import io.regulus.problem.InvalidInputException;
import io.regulus.problem.Violation;
import io.regulus.scoring.ActionType;
import io.regulus.scoring.Classification;
import io.regulus.scoring.ManagedBy;
import io.regulus.signal.RuleDefinition;
import io.regulus.signal.SignalCatalog;
import io.regulus.template.exchange.ActionKeys;
import io.regulus.text.ReadableText;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a {@link TemplateDraft} whole, naming every field at fault with its rule, and gives back
 * the content ready to write: enums parsed, points given or derived from the strongest control each
 * new action serves.
 */
final class DraftCheck {

  static final Pattern KEY = ActionKeys.NAME;
  static final int KEY_MAX = 60;
  static final int ACTION_KEY_MAX = ActionKeys.MAX;

  /** The longest field read as one line (titles); a longer one is a description, with lines. */
  private static final int LINE_MAX = 300;

  /** A new action of the tenant, checked. */
  record NewAction(
      String key,
      String title,
      String description,
      String howTo,
      ActionType type,
      int points,
      String category,
      String solution,
      ManagedBy managedBy,
      String testingSource,
      RuleDefinition test,
      boolean revision) {}

  /** A control, checked; {@code position} keeps the draft's order. */
  record NewControl(
      String id,
      String family,
      String title,
      String description,
      boolean mandatory,
      Classification.Nature nature,
      List<String> actions,
      int position) {}

  record Checked(List<NewAction> actions, List<NewControl> controls) {}

  private final List<Violation> violations = new ArrayList<>();
  private final String namespace;
  private Map<String, ActionContent> owned = Map.of();

  private DraftCheck(String namespace) {
    this.namespace = namespace;
  }

  /**
   * @param namespace the namespace of the actions the draft declares: {@link ActionKeys#TENANT} for
   *     a tenant's own, "" for the library's (whose keys are plain names); a control's plain key
   *     always names a library action
   * @param knownActions keys of actions a control may reference besides the draft's own (the
   *     library's and the tenant's); a new action may not take one of them
   * @param reservedControls control ids the draft may not use (an extension's global template
   *     already has them)
   */
  static Checked check(
      String namespace,
      TemplateDraft draft,
      Set<String> knownActions,
      Set<String> reservedControls) {
    return check(namespace, draft, List.of(), false, knownActions, Map.of(), reservedControls);
  }

  /**
   * Checks a new version of a template that owns {@code owned} (the tenant's actions it declared
   * first, with their content in the catalogue): the version may write those again, changed, as
   * long as the change keeps the action's instances as they are (per group or tenant-wide,
   * customer- or provider-managed).
   */
  static Checked checkVersion(
      String namespace,
      TemplateDraft draft,
      Set<String> knownActions,
      Map<String, ActionContent> owned,
      Set<String> reservedControls) {
    return check(namespace, draft, List.of(), false, knownActions, owned, reservedControls);
  }

  /**
   * Checks a new template whole: its title, regulation and description as well as its content,
   * reported together with {@code earlier}, what the caller found wrong with its key and the
   * template it extends, so a form shows every fault at once.
   */
  static Checked checkNew(
      String namespace,
      TemplateDraft draft,
      List<Violation> earlier,
      Set<String> knownActions,
      Set<String> reservedControls) {
    return check(namespace, draft, earlier, true, knownActions, Map.of(), reservedControls);
  }

  private static Checked check(
      String namespace,
      TemplateDraft draft,
      List<Violation> earlier,
      boolean header,
      Set<String> knownActions,
      Map<String, ActionContent> owned,
      Set<String> reservedControls) {
    DraftCheck check = new DraftCheck(namespace);
    check.owned = owned;
    check.violations.addAll(earlier);
    if (header) {
      check.text("title", draft.title(), LINE_MAX, true);
      check.text("regulation", draft.regulation(), LINE_MAX, true);
      check.text("description", draft.description(), 4000, false);
    }
    Checked checked = check.run(draft, knownActions, reservedControls);
    if (!check.violations.isEmpty()) {
      throw new InvalidInputException(
          "The template is not valid; nothing was saved", check.violations);
    }
    return checked;
  }

  private Checked run(TemplateDraft draft, Set<String> knownActions, Set<String> reservedControls) {
    Map<String, Integer> declared = new HashMap<>();
    for (int i = 0; i < draft.actions().size(); i++) {
      if (draft.actions().get(i) == null) {
        fail("actions[" + i + "]", "an action, not null");
        continue;
      }
      String key = draft.actions().get(i).key();
      String field = "actions[" + i + "].key";
      if (!ActionKeys.valid(key)) {
        fail(
            field,
            "an action key is "
                + (namespace.isEmpty() ? "" : "'" + namespace + ":' then ")
                + "lower-case words and digits joined by '-', at most "
                + ACTION_KEY_MAX
                + " characters in all, e.g. '"
                + ActionKeys.in(namespace, "vendor-security-review")
                + "'");
      } else if (!ActionKeys.namespace(key).equals(namespace)) {
        fail(field, outOfNamespace(key, knownActions.contains(key)));
        // named, so its controls' references are not reported again
        declared.putIfAbsent(key, i);
      } else if (knownActions.contains(key) && !owned.containsKey(key)) {
        fail(
            field,
            "'"
                + key
                + "' is already an action of "
                + (namespace.isEmpty() ? "the library" : "this tenant")
                + ": reference it from a control's actions instead of declaring it again, or"
                + " choose another key");
      } else if (declared.putIfAbsent(key, i) != null) {
        fail(field, "'" + key + "' is declared twice in this template");
      }
    }
    if (draft.controls().isEmpty()) {
      fail("controls", "a template version has at least one control");
    }
    List<NewControl> controls = new ArrayList<>();
    Set<String> controlIds = new HashSet<>();
    Map<String, Integer> derivedPoints = new HashMap<>();
    for (int i = 0; i < draft.controls().size(); i++) {
      TemplateDraft.Control control = draft.controls().get(i);
      String at = "controls[" + i + "]";
      if (control == null) {
        fail(at, "a control, not null");
        continue;
      }
      String id = text(at + ".id", control.id(), 80, true);
      if (id != null && !controlIds.add(id)) {
        fail(at + ".id", "control '" + id + "' appears twice in this template");
      } else if (id != null && reservedControls.contains(id)) {
        fail(
            at + ".id",
            "the extended template already has a control '"
                + id
                + "': an extension adds controls"
                + " under ids of its own");
      }
      String family = text(at + ".family", control.family(), 200, true);
      String title = text(at + ".title", control.title(), 300, true);
      String description = text(at + ".description", control.description(), 4000, true);
      if (control.mandatory() == null) {
        fail(
            at + ".mandatory",
            "say whether the control is mandatory (true) or discretionary (false)");
      }
      Classification.Nature nature =
          parse(Classification.Nature.class, at + ".nature", control.nature(), null);
      if (control.actions().isEmpty()) {
        fail(
            at + ".actions",
            "a control maps at least one action: name the actions that satisfy it");
      }
      Set<String> mapped = new java.util.LinkedHashSet<>();
      for (int j = 0; j < control.actions().size(); j++) {
        String key = control.actions().get(j);
        if (key == null || !(declared.containsKey(key) || knownActions.contains(key))) {
          fail(at + ".actions[" + j + "]", unknown(key));
        } else if (!mapped.add(key)) {
          fail(at + ".actions[" + j + "]", "'" + key + "' is mapped twice to this control");
        } else if (nature != null && control.mandatory() != null) {
          derivedPoints.merge(
              key, new Classification(nature, control.mandatory()).points(), Math::max);
        }
      }
      controls.add(
          new NewControl(
              id,
              family,
              title,
              description,
              Boolean.TRUE.equals(control.mandatory()),
              nature,
              List.copyOf(mapped),
              i));
    }
    List<NewAction> actions = new ArrayList<>();
    for (int i = 0; i < draft.actions().size(); i++) {
      TemplateDraft.Action action = draft.actions().get(i);
      String at = "actions[" + i + "]";
      if (action == null) {
        continue;
      }
      String title = text(at + ".title", action.title(), 300, true);
      String description = text(at + ".description", action.description(), 4000, true);
      String howTo = text(at + ".howTo", action.howTo(), 4000, false);
      String category = text(at + ".category", action.category(), 60, true);
      String solution = text(at + ".solution", action.solution(), 120, false);
      ActionType type = parse(ActionType.class, at + ".type", action.type(), null);
      ActionContent was = action.key() == null ? null : owned.get(action.key());
      ManagedBy managedBy =
          parse(
              ManagedBy.class,
              at + ".managedBy",
              action.managedBy(),
              was == null ? ManagedBy.CUSTOMER : was.managedBy());
      if (action.points() != null && (action.points() < 1 || action.points() > 99)) {
        fail(
            at + ".points",
            "points are a whole number from 1 to 99 (got "
                + action.points()
                + "), or left out to"
                + " derive them from the strongest control the action serves");
      }
      boolean isMapped =
          action.key() != null
              && draft.controls().stream()
                  .anyMatch(control -> control != null && control.actions().contains(action.key()));
      if (action.key() != null && !isMapped) {
        fail(
            at,
            "action '"
                + action.key()
                + "' is mapped to no control: every action satisfies at least one"
                + " control, so name it in a control's actions or leave it out");
      }
      int points =
          action.points() != null ? action.points() : derivedPoints.getOrDefault(action.key(), 1);
      if (was != null && type != null && type.perGroup() != was.type().perGroup()) {
        fail(
            at + ".type",
            "'"
                + action.key()
                + "' is "
                + was.type().name().toLowerCase(Locale.ROOT)
                + ": a new version may change it to another type only if the action keeps one status"
                + " per assessment group (operational, documentation) or one for the whole tenant"
                + " (technical) as it has now; declare a new action under another key instead");
      }
      String testingSource = testingSource(at + ".testingSource", action.testingSource(), was);
      RuleDefinition test = null;
      if (action.test() != null) {
        // the rule's own faults are reported too, so that one answer names every fault
        RuleDefinition checked =
            RuleDefinition.check(
                at + ".test",
                action.test(),
                RuleDefinition.Keys.ANY,
                SignalCatalog.builtIn(),
                violations);
        if (!"AUTOMATIC".equals(testingSource)) {
          fail(
              at + ".test",
              "only an action tested automatically has a test rule: set testingSource to"
                  + " automatic, or leave test out");
        } else {
          test = checked;
        }
      }
      if (was != null && managedBy != null && managedBy != was.managedBy()) {
        fail(
            at + ".managedBy",
            "'"
                + action.key()
                + "' is "
                + was.managedBy().name().toLowerCase(Locale.ROOT)
                + "-managed, and who manages an action decides how it counts and how many statuses"
                + " it has: declare a new action under another key instead");
      }
      actions.add(
          new NewAction(
              action.key(),
              title,
              description,
              howTo,
              type,
              points,
              category,
              solution,
              managedBy,
              testingSource,
              test,
              was != null));
    }
    return new Checked(actions, controls);
  }

  /**
   * MANUAL or AUTOMATIC as the draft says (null: manual, or as the action written again has it); an
   * action written again keeps its testing source.
   */
  private String testingSource(String field, String value, ActionContent was) {
    String kept = was == null ? "MANUAL" : was.testingSource();
    if (value == null) {
      return kept;
    }
    String parsed = value.strip().toUpperCase(Locale.ROOT);
    if (!parsed.equals("MANUAL") && !parsed.equals("AUTOMATIC")) {
      fail(field, "manual or automatic (got '" + value + "')");
      return kept;
    }
    if (was != null && !parsed.equals(kept)) {
      fail(
          field,
          "'"
              + was.key()
              + "' is tested "
              + kept.toLowerCase(Locale.ROOT)
              + "ly, and its instances keep the testing source they were created with: declare a"
              + " new action under another key instead");
    }
    return parsed;
  }

  /** Why a declared key outside the draft's namespace is refused, and how to write it. */
  private String outOfNamespace(String key, boolean known) {
    String name = key.substring(key.indexOf(':') + 1);
    if (namespace.isEmpty()) {
      return "a library action's key is a plain name, without a namespace: write '" + name + "'";
    }
    return "'"
        + key
        + "' is "
        + (ActionKeys.namespace(key).isEmpty()
            ? "a plain key"
            : "in namespace '" + ActionKeys.namespace(key) + "'")
        + ": your own actions' keys start with '"
        + namespace
        + ":' ("
        + ActionKeys.in(namespace, name)
        + "), so that a new library version can never take them; a plain key names a library"
        + " action"
        + (known
            ? " (the library has '" + key + "': map it from a control's actions instead)"
            : "");
  }

  /** Why a control's reference to an action is refused, by the namespace of its key. */
  private String unknown(String key) {
    if (key != null && !namespace.isEmpty() && ActionKeys.namespace(key).isEmpty()) {
      return "the library has no action '"
          + key
          + "': a plain key names a library action; your own actions' keys start with '"
          + namespace
          + ":' (declare it under actions as '"
          + ActionKeys.in(namespace, key)
          + "'), or correct the key";
    }
    return "no action '"
        + key
        + "' in this template"
        + (namespace.isEmpty() ? "" : ", this tenant")
        + " or the library: declare it under actions, or correct the key";
  }

  /**
   * A one-line text field (a name, a title); a longer text ({@code max} over 300) may hold lines.
   */
  private String text(String field, String value, int max, boolean required) {
    if (value == null || value.isBlank()) {
      if (required) {
        fail(field, "required, and not blank");
      }
      return null;
    }
    String stripped = value.strip();
    if (stripped.length() > max) {
      fail(field, "at most " + max + " characters (got " + stripped.length() + ")");
    }
    ReadableText.fault(stripped, max > LINE_MAX).ifPresent(rule -> fail(field, rule));
    return stripped;
  }

  private <E extends Enum<E>> E parse(Class<E> type, String field, String value, E fallback) {
    if (value == null && fallback != null) {
      return fallback;
    }
    List<String> allowed =
        java.util.Arrays.stream(type.getEnumConstants())
            .map(constant -> constant.name().toLowerCase(Locale.ROOT).replace('_', '-'))
            .toList();
    String normalised =
        value == null ? "" : value.strip().toUpperCase(Locale.ROOT).replace('-', '_');
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equals(normalised)) {
        return constant;
      }
    }
    fail(
        field,
        "one of " + String.join(", ", allowed) + (value == null ? "" : " (got '" + value + "')"));
    return null;
  }

  private void fail(String field, String rule) {
    violations.add(new Violation(field, rule));
  }
}

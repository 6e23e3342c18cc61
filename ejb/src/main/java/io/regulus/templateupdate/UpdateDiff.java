package io.regulus.templateupdate;

import io.regulus.template.ActionContent;
import io.regulus.template.TemplateControl;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What moving an assessment from its snapshot to a template version changes: controls added,
 * removed or changed (texts, classification, actions mapped), and actions added, removed or changed
 * (the controls that map them, or their content: the catalogue's now against the version's).
 */
public record UpdateDiff(List<ControlChange> controls, List<ActionChange> actions) {

  public UpdateDiff {
    controls = List.copyOf(controls);
    actions = List.copyOf(actions);
  }

  /** How a control or an action fares. */
  public enum Change {
    ADDED,
    REMOVED,
    CHANGED
  }

  /**
   * A control added, removed or changed; {@code fields} names what changed (family, title,
   * description, mandatory, nature, actions), with the actions it gains and loses.
   */
  public record ControlChange(
      String id,
      Change change,
      String title,
      List<String> fields,
      List<String> actionsAdded,
      List<String> actionsRemoved) {}

  /**
   * An action added, removed or changed; {@code fields} names what changed (controls for its
   * mapping, and its content's fields), {@code before} and {@code after} its content (null when
   * absent on that side).
   */
  public record ActionChange(
      String key,
      Change change,
      List<String> fields,
      ActionContent before,
      ActionContent after,
      List<String> controlsBefore,
      List<String> controlsAfter) {

    /** The title to show: the one it will have, or the one it had. */
    public String title() {
      return after != null ? after.title() : before.title();
    }
  }

  public boolean isEmpty() {
    return controls.isEmpty() && actions.isEmpty();
  }

  /**
   * The diff from an assessment's snapshot {@code before} to a version's controls {@code after},
   * with the catalogue's content of the actions now ({@code catalogue}) and the version's ({@code
   * target}).
   */
  public static UpdateDiff between(
      List<TemplateControl> before,
      List<TemplateControl> after,
      Map<String, ActionContent> catalogue,
      Map<String, ActionContent> target) {
    Map<String, TemplateControl> was = byId(before);
    Map<String, TemplateControl> now = byId(after);
    List<ControlChange> controls = new ArrayList<>();
    for (TemplateControl control : after) {
      TemplateControl old = was.get(control.id());
      if (old == null) {
        controls.add(
            new ControlChange(
                control.id(),
                Change.ADDED,
                control.title(),
                List.of(),
                List.copyOf(new TreeSet<>(control.actions())),
                List.of()));
        continue;
      }
      List<String> fields = new ArrayList<>();
      compare(fields, "family", old.family(), control.family());
      compare(fields, "title", old.title(), control.title());
      compare(fields, "description", old.description(), control.description());
      compare(fields, "mandatory", old.mandatory(), control.mandatory());
      compare(fields, "nature", old.nature(), control.nature());
      List<String> gained = minus(control.actions(), old.actions());
      List<String> lost = minus(old.actions(), control.actions());
      if (!gained.isEmpty() || !lost.isEmpty()) {
        fields.add("actions");
      }
      if (!fields.isEmpty()) {
        controls.add(
            new ControlChange(control.id(), Change.CHANGED, control.title(), fields, gained, lost));
      }
    }
    for (TemplateControl control : before) {
      if (!now.containsKey(control.id())) {
        controls.add(
            new ControlChange(
                control.id(),
                Change.REMOVED,
                control.title(),
                List.of(),
                List.of(),
                List.copyOf(new TreeSet<>(control.actions()))));
      }
    }
    Map<String, Set<String>> mappedBefore = mappings(before);
    Map<String, Set<String>> mappedAfter = mappings(after);
    Set<String> keys = new TreeSet<>(mappedBefore.keySet());
    keys.addAll(mappedAfter.keySet());
    List<ActionChange> actions = new ArrayList<>();
    for (String key : keys) {
      Set<String> from = mappedBefore.getOrDefault(key, Set.of());
      Set<String> to = mappedAfter.getOrDefault(key, Set.of());
      ActionContent old = catalogue.get(key);
      ActionContent fresh = target.getOrDefault(key, old);
      if (from.isEmpty()) {
        actions.add(
            new ActionChange(
                key, Change.ADDED, List.of(), null, fresh, List.of(), List.copyOf(to)));
      } else if (to.isEmpty()) {
        actions.add(
            new ActionChange(
                key, Change.REMOVED, List.of(), old, null, List.copyOf(from), List.of()));
      } else {
        List<String> fields = new ArrayList<>();
        if (!from.equals(to)) {
          fields.add("controls");
        }
        if (old != null && fresh != null) {
          fields.addAll(fresh.changedFrom(old));
        }
        if (!fields.isEmpty()) {
          actions.add(
              new ActionChange(
                  key, Change.CHANGED, fields, old, fresh, List.copyOf(from), List.copyOf(to)));
        }
      }
    }
    return new UpdateDiff(controls, actions);
  }

  private static Map<String, TemplateControl> byId(List<TemplateControl> controls) {
    Map<String, TemplateControl> byId = new LinkedHashMap<>();
    controls.forEach(control -> byId.put(control.id(), control));
    return byId;
  }

  /** Each action key with the ids of the controls that map it, sorted. */
  private static Map<String, Set<String>> mappings(List<TemplateControl> controls) {
    Map<String, Set<String>> mapped = new TreeMap<>();
    for (TemplateControl control : controls) {
      for (String key : control.actions()) {
        mapped.computeIfAbsent(key, k -> new TreeSet<>()).add(control.id());
      }
    }
    return mapped;
  }

  private static List<String> minus(List<String> these, List<String> those) {
    Set<String> left = new LinkedHashSet<>(new TreeSet<>(these));
    those.forEach(left::remove);
    return List.copyOf(left);
  }

  private static void compare(List<String> fields, String field, Object old, Object now) {
    if (!Objects.equals(old, now)) {
      fields.add(field);
    }
  }
}

package io.regulus.template.imports;

import io.regulus.template.exchange.ActionKeys;
import io.regulus.template.exchange.ExchangeAction;
import io.regulus.template.exchange.ExchangeControl;
import io.regulus.template.exchange.ImportProblem;
import io.regulus.template.exchange.TemplateHeader;
import io.regulus.template.exchange.TemplateSink;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Checks a file's items whatever their format, as a reader streams them: what Regulus' tables need
 * (lengths, known values), keys unique, every control's actions defined somewhere in the file (or
 * already known to the owner's library), and at least one control. Keeps the first {@link #KEPT}
 * problems and counts the rest; the action keys seen, for the checks against the database.
 */
final class ImportCheck implements TemplateSink {

  static final int KEPT = 1000;
  private static final Set<String> TYPES = Set.of("TECHNICAL", "OPERATIONAL", "DOCUMENTATION");
  private static final Set<String> NATURES = Set.of("PREVENTATIVE", "DETECTIVE", "CORRECTIVE");
  private static final Set<String> MANAGED = Set.of("CUSTOMER", "PROVIDER");

  private final List<ImportProblem> problems = new ArrayList<>();
  private final List<ImportProblem> notices = new ArrayList<>();
  private final Map<String, ExchangeAction> actions = new HashMap<>();
  private final Set<String> controls = new HashSet<>();
  private final Map<String, String> referencedBy = new HashMap<>();
  private final Consumer<Object> next;
  private TemplateHeader header;
  private int problemCount;
  private int items;

  /** {@code next} receives each header, action and control that passed, in file order. */
  ImportCheck(Consumer<Object> next) {
    this.next = next;
  }

  @Override
  public void header(TemplateHeader header) {
    if (this.header != null) {
      return;
    }
    this.header = header;
    text("template", "title", header.title(), 300, true);
    text("template", "regulation", header.regulation(), 300, true);
    next.accept(header);
  }

  @Override
  public void action(ExchangeAction action) {
    items++;
    String where = "action " + quote(action.title());
    boolean fine = key(where, "key", action.key());
    fine &= text(where, "title", action.title(), 300, true);
    fine &= known(where, "type", action.type(), TYPES);
    fine &= known(where, "managedBy", action.managedBy(), MANAGED);
    fine &= text(where, "category", action.category(), 60, true);
    fine &= text(where, "solution", action.solution(), 120, false);
    fine &= text(where, "descriptionTitle", action.descriptionTitle(), 300, false);
    if (action.points() != null && (action.points() < 1 || action.points() > 99)) {
      fine = problem(where, "points", String.valueOf(action.points()), "points are 1 to 99");
    }
    if (action.key() != null && actions.putIfAbsent(action.key(), action) != null) {
      fine =
          problem(
              where,
              "key",
              action.key(),
              "two actions have the key '"
                  + action.key()
                  + "' (their titles give the same key): give one of them another title");
    }
    if (fine) {
      next.accept(action);
    }
  }

  @Override
  public void control(ExchangeControl control) {
    items++;
    String where = "control " + quote(control.id());
    boolean fine = text(where, "id", control.id(), 80, true);
    fine &= text(where, "family", control.family(), 200, true);
    fine &= text(where, "title", control.title(), 300, true);
    fine &= known(where, "nature", control.nature(), NATURES);
    if (control.id() != null && !controls.add(control.id())) {
      fine = problem(where, "id", control.id(), "two controls have this id: ids are unique");
    }
    for (String key : control.actionKeys()) {
      referencedBy.putIfAbsent(key, control.id());
    }
    if (fine) {
      next.accept(control);
    }
  }

  @Override
  public void problem(ImportProblem problem) {
    problemCount++;
    if (problems.size() < KEPT) {
      problems.add(problem);
    }
  }

  @Override
  public void notice(ImportProblem notice) {
    if (notices.size() < KEPT) {
      notices.add(notice);
    }
  }

  /** The keys controls reference that the file does not define. */
  Set<String> undefinedReferences() {
    Set<String> undefined = new HashSet<>(referencedBy.keySet());
    undefined.removeAll(actions.keySet());
    return undefined;
  }

  /** Ends the file: those of {@code undefined} that are not {@code known} are problems. */
  void finish(Set<String> undefined, Set<String> known) {
    boolean readWhole = problemCount == 0;
    if (header == null && readWhole) {
      problem(
          ImportProblem.ofFile(
              "the file names no template title: a workbook's Template tab has it in its title"
                  + " column, an OSCAL catalog in its metadata"));
    }
    if (controls.isEmpty() && readWhole) {
      problem(ImportProblem.ofFile("the file has no control: a template needs at least one"));
    }
    undefined.stream()
        .filter(key -> !known.contains(key))
        .sorted()
        .forEach(
            key ->
                problem(
                    "control " + quote(referencedBy.get(key)),
                    "actions",
                    key,
                    "names an action the file does not define and "
                        + (ActionKeys.namespace(key).isEmpty()
                            ? "the library does not have (a plain key names a library action;"
                                + " your own actions' keys start with 'tenant:')"
                            : "no action of yours has")
                        + ": add it, or correct the name"));
  }

  List<ImportProblem> problems() {
    return problems;
  }

  int problemCount() {
    return problemCount;
  }

  List<ImportProblem> notices() {
    return notices;
  }

  TemplateHeader header() {
    return header;
  }

  Map<String, ExchangeAction> actions() {
    return actions;
  }

  int items() {
    return items;
  }

  private boolean key(String where, String field, String key) {
    if (key == null || key.isEmpty()) {
      return problem(where, field, key, "missing");
    }
    if (!ActionKeys.valid(key)) {
      return problem(
          where,
          field,
          key,
          "an action key is lower-case words joined by '-' (a library action's), or 'tenant:'"
              + " and such words (a tenant's own), at most "
              + ActionKeys.MAX
              + " characters in all");
    }
    return true;
  }

  private boolean text(String where, String field, String value, int max, boolean required) {
    if (value == null || value.isBlank()) {
      return !required || problem(where, field, value, "missing: it is required");
    }
    if (value.length() > max) {
      return problem(where, field, value, "longer than " + max + " characters: shorten it");
    }
    return true;
  }

  private boolean known(String where, String field, String value, Set<String> known) {
    if (value == null || !known.contains(value)) {
      return problem(
          where, field, value, "not one of " + String.join(", ", known.stream().sorted().toList()));
    }
    return true;
  }

  private boolean problem(String where, String field, String value, String reason) {
    problem(
        new ImportProblem(
            where,
            null,
            field,
            value == null ? null : value.substring(0, Math.min(200, value.length())),
            reason));
    return false;
  }

  private static String quote(String text) {
    return "'"
        + (text == null ? "" : text.length() > 80 ? text.substring(0, 80) + "…" : text)
        + "'";
  }
}

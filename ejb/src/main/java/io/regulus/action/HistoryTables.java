package io.regulus.action;

import io.regulus.spreadsheet.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The layouts of the history exports, one for an action's history and one for the tenant's activity
 * feed, kept beside the data so that every way out (a download, a nightly report, the browser)
 * shows the same columns. A change is shown by its author's name when known, else by their Keycloak
 * id; a missing value is an empty text.
 */
public final class HistoryTables {

  private static final List<String> CHANGE =
      List.of("Field", "Old value", "New value", "Changed by", "Changed at");
  private static final List<String> ACTIVITY =
      Stream.concat(Stream.of("Entry", "Action id", "Action", "Group id"), CHANGE.stream())
          .toList();

  private HistoryTables() {}

  /**
   * One action's history, a row per change: Field, Old value, New value, Changed by, Changed at.
   */
  public static Table history(List<ActionChange> changes) {
    return new Table(
        CHANGE,
        changes.stream()
            .map(
                c ->
                    change(
                        c.field(),
                        c.oldValue(),
                        c.newValue(),
                        c.changedBy(),
                        c.changedByName(),
                        c.changedAt()))
            .toList());
  }

  /**
   * The activity feed, a row per change: Entry, Action id, Action, Group id, then the columns of a
   * change.
   */
  public static Table activity(List<ActivityEntry> entries) {
    return new Table(ACTIVITY, entries.stream().map(HistoryTables::activityRow).toList());
  }

  private static List<Object> activityRow(ActivityEntry e) {
    List<Object> row =
        new ArrayList<>(
            List.of(e.id(), e.actionId(), e.actionKey(), e.groupId() == null ? "" : e.groupId()));
    row.addAll(
        change(
            e.field(),
            e.oldValue(),
            e.newValue(),
            e.changedBy(),
            e.changedByName(),
            e.changedAt()));
    return row;
  }

  private static List<Object> change(
      String field,
      String oldValue,
      String newValue,
      String changedBy,
      String changedByName,
      Instant changedAt) {
    return List.of(
        field,
        text(oldValue),
        text(newValue),
        changedByName == null ? changedBy : changedByName,
        changedAt);
  }

  private static String text(String value) {
    return value == null ? "" : value;
  }
}

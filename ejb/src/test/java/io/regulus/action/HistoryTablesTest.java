package io.regulus.action;

import static org.assertj.core.api.Assertions.assertThat;

import io.regulus.spreadsheet.Table;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The columns of the history exports, whoever writes them: the author by name when known, nothing
 * as empty.
 */
class HistoryTablesTest {

  private static final Instant AT = Instant.parse("2026-03-31T09:15:00Z");

  @Test
  void anActionsHistoryShowsEachChangeByItsAuthorsName() throws IOException {
    List<ActionChange> changes =
        List.of(
            new ActionChange("testStatus", "NONE", "PASSED", "kc-1", "alice", AT),
            new ActionChange("notes", null, "done", "kc-2", null, AT));

    assertThat(csv(HistoryTables.history(changes)))
        .containsExactly(
            "Field,Old value,New value,Changed by,Changed at",
            "testStatus,NONE,PASSED,alice,2026-03-31T09:15:00Z",
            "notes,,done,kc-2,2026-03-31T09:15:00Z");
  }

  @Test
  void theActivityFeedNamesTheActionAndItsGroupBeforeTheChange() throws IOException {
    List<ActivityEntry> entries =
        List.of(
            new ActivityEntry(7, 3, "mfa", 12L, "priority", "LOW", "HIGH", "kc-1", "alice", AT),
            new ActivityEntry(
                6, 4, "backup", null, "dueDate", "2026-04-01", null, "kc-2", null, AT));

    assertThat(csv(HistoryTables.activity(entries)))
        .containsExactly(
            "Entry,Action id,Action,Group id,Field,Old value,New value,Changed by,Changed at",
            "7,3,mfa,12,priority,LOW,HIGH,alice,2026-03-31T09:15:00Z",
            "6,4,backup,,dueDate,2026-04-01,,kc-2,2026-03-31T09:15:00Z");
  }

  private static List<String> csv(Table table) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    table.writeCsv(out);
    return out.toString(StandardCharsets.UTF_8).replace("\uFEFF", "").lines().toList();
  }
}

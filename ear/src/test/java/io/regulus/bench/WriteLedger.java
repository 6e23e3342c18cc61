package io.regulus.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Every write the load test sent, with what the server answered, and the check that no update was
 * lost: after the run, each written action's history and state must be exactly the writes the
 * server accepted. A write sets the action's notes to a token of its own and toggles its
 * implementation status, with the ETag its client read in {@code If-Match}; the server either
 * applies it (200, the new version in the ETag), refuses it (412: another write came first) or, for
 * a request cut off at the run's hard deadline, leaves its outcome unknown.
 */
final class WriteLedger {

  /** How a write ended, as the client saw it. */
  enum Outcome {
    ACCEPTED,
    REFUSED,
    UNKNOWN
  }

  /**
   * One write: the token it set as notes, the status it set, the version it expected and the one it
   * got.
   */
  record Write(String token, String status, long expectedVersion, Outcome outcome, long version) {}

  /** An action the writes may touch, as it was before the run. */
  record Target(String tenant, long id, long version, String status, String notes) {}

  /** The result of the check: counts, and every mismatch found (empty when no update was lost). */
  record Verdict(
      int actions,
      int accepted,
      int refused,
      int unknown,
      int unknownApplied,
      int historyRows,
      List<String> mismatches) {
    boolean passed() {
      return mismatches.isEmpty();
    }
  }

  /** Reads an action's state and history after the run. */
  interface Reader {
    JsonNode action(Target target);

    JsonNode history(Target target);
  }

  private final Map<Target, List<Write>> writes = new LinkedHashMap<>();
  private final List<String> problems = new ArrayList<>();

  synchronized void add(Target target, Write write) {
    writes.computeIfAbsent(target, t -> new ArrayList<>()).add(write);
  }

  /** Something a client saw that breaks the write contract (a 412 without the current action). */
  synchronized void problem(String description) {
    problems.add(description);
  }

  synchronized Map<Outcome, Integer> counts() {
    Map<Outcome, Integer> counts = new LinkedHashMap<>();
    for (Outcome outcome : Outcome.values()) {
      counts.put(outcome, 0);
    }
    writes.values().forEach(list -> list.forEach(w -> counts.merge(w.outcome(), 1, Integer::sum)));
    return counts;
  }

  /** Checks every written action; reads from the server, so call it after every client stopped. */
  synchronized Verdict verify(Reader reader) {
    List<String> mismatches = new ArrayList<>(problems);
    int accepted = 0;
    int refused = 0;
    int unknown = 0;
    int unknownApplied = 0;
    int rows = 0;
    for (Map.Entry<Target, List<Write>> entry : writes.entrySet()) {
      Target target = entry.getKey();
      String where = target.tenant() + " action " + target.id();
      int found = mismatches.size();
      List<Write> sent = entry.getValue();
      Map<String, Write> byToken = new HashMap<>();
      for (Write write : sent) {
        byToken.put(write.token(), write);
        switch (write.outcome()) {
          case ACCEPTED -> accepted++;
          case REFUSED -> refused++;
          case UNKNOWN -> unknown++;
        }
      }
      JsonNode history = reader.history(target);
      rows += history.size();
      List<JsonNode> notes = new ArrayList<>();
      List<JsonNode> statuses = new ArrayList<>();
      for (JsonNode change : history) {
        switch (change.path("field").asText()) {
          case "notes" -> notes.add(change);
          case "implementationStatus" -> statuses.add(change);
          default -> {}
        }
      }
      // the writes applied, in the order of the history; each token at most once, none refused
      List<Write> applied = new ArrayList<>();
      Set<String> seen = new HashSet<>();
      String previous = target.notes();
      for (JsonNode change : notes) {
        String token = text(change, "newValue");
        Write write = byToken.get(token);
        if (!Objects.equals(text(change, "oldValue"), previous)) {
          mismatches.add(
              where
                  + ": notes change to "
                  + token
                  + " has old value "
                  + text(change, "oldValue")
                  + ", but the value before was "
                  + previous);
        }
        previous = token;
        if (write == null) {
          mismatches.add(where + ": history holds notes " + token + ", which no client wrote");
        } else if (!seen.add(token)) {
          mismatches.add(where + ": write " + token + " is in the history more than once");
        } else if (write.outcome() == Outcome.REFUSED) {
          mismatches.add(where + ": write " + token + " was refused (412) but is in the history");
        } else {
          applied.add(write);
          unknownApplied += write.outcome() == Outcome.UNKNOWN ? 1 : 0;
        }
      }
      List<Write> acceptedInOrder =
          sent.stream()
              .filter(w -> w.outcome() == Outcome.ACCEPTED)
              .sorted(Comparator.comparingLong(Write::version))
              .toList();
      for (Write write : acceptedInOrder) {
        if (!seen.contains(write.token())) {
          mismatches.add(
              where
                  + ": accepted write "
                  + write.token()
                  + " (version "
                  + write.version()
                  + ") is not in the history: a lost update");
        }
      }
      List<Write> appliedAccepted =
          applied.stream().filter(w -> w.outcome() == Outcome.ACCEPTED).toList();
      if (mismatches.size() == found && !appliedAccepted.equals(acceptedInOrder)) {
        mismatches.add(
            where
                + ": the history's order of the accepted writes is not the order of their versions");
      }
      long version = target.version();
      for (Write write : applied) {
        version++;
        if (write.outcome() == Outcome.ACCEPTED && write.version() != version) {
          mismatches.add(
              where
                  + ": write "
                  + write.token()
                  + " got version "
                  + write.version()
                  + ", expected "
                  + version
                  + " (one version per applied write)");
        }
      }
      // each applied write toggled the status it had read: one status change per write, with its
      // value
      if (statuses.size() != applied.size()) {
        mismatches.add(
            where
                + ": "
                + statuses.size()
                + " implementation status changes in the history for "
                + applied.size()
                + " applied writes");
      } else {
        String status = target.status();
        for (int i = 0; i < applied.size(); i++) {
          JsonNode change = statuses.get(i);
          if (!applied.get(i).status().equals(text(change, "newValue"))
              || !Objects.equals(status, text(change, "oldValue"))) {
            mismatches.add(
                where
                    + ": status change "
                    + (i + 1)
                    + " is "
                    + text(change, "oldValue")
                    + " -> "
                    + text(change, "newValue")
                    + ", but write "
                    + applied.get(i).token()
                    + " set "
                    + applied.get(i).status()
                    + " on "
                    + status);
          }
          status = applied.get(i).status();
        }
      }
      JsonNode now = reader.action(target);
      Write last = applied.isEmpty() ? null : applied.get(applied.size() - 1);
      String notesNow = last == null ? target.notes() : last.token();
      String statusNow = last == null ? target.status() : last.status();
      if (now.path("version").asLong() != version
          || !Objects.equals(text(now, "notes"), notesNow)
          || !statusNow.equals(text(now, "implementationStatus"))) {
        mismatches.add(
            where
                + ": now version "
                + now.path("version").asLong()
                + ", notes "
                + text(now, "notes")
                + ", status "
                + text(now, "implementationStatus")
                + "; the last applied write leaves version "
                + version
                + ", notes "
                + notesNow
                + ", status "
                + statusNow);
      }
    }
    return new Verdict(writes.size(), accepted, refused, unknown, unknownApplied, rows, mismatches);
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isNull() || value.isMissingNode() ? null : value.asText();
  }
}

package io.regulus.signal;

import io.regulus.scoring.TestStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The outcome of a test rule over a tenant's signals at a time, as one pure function
 * (docs/signals.md, "The sweep and overrides"), given the latest signal of each resource of the
 * rule's key:
 *
 * <ol>
 *   <li>no signal of the key at all: {@code TO_BE_DETECTED};
 *   <li>signals, but none observed within the freshness window: {@code COULD_NOT_BE_DETECTED};
 *   <li>fresh ones, all undetermined (JSON null): {@code COULD_NOT_BE_DETECTED};
 *   <li>else over the fresh resources, a resource passes when {@code expect} is true on its value;
 *       an undetermined value never passes and counts; an expression that errors on a value fails
 *       that resource and is named: a passed fraction at or above {@code atLeast} is {@code
 *       PASSED}, none is the risk's {@code FAILED_*}, anything between is {@code PARTIALLY_TESTED}.
 * </ol>
 *
 * The signals that decided it are the fresh ones (the stale ones when none is fresh).
 */
public final class TestOutcomes {

  /** How many resources an explanation names in each list before saying how many more. */
  static final int NAMED = 5;

  private TestOutcomes() {}

  /**
   * @param latest the latest signal of each resource of the rule's key (one per resource)
   */
  public static TestOutcome outcome(TestRule rule, List<RecordedSignal> latest, Instant now) {
    String key = rule.signal();
    if (latest.isEmpty()) {
      return new TestOutcome(
          TestStatus.TO_BE_DETECTED,
          null,
          List.of(),
          "No signal " + key + " has been received yet: the test waits for the first one.");
    }
    Instant oldest = now.minus(rule.freshness());
    List<RecordedSignal> sorted =
        latest.stream().sorted(Comparator.comparing(RecordedSignal::resource)).toList();
    List<RecordedSignal> fresh = new ArrayList<>();
    List<RecordedSignal> stale = new ArrayList<>();
    for (RecordedSignal signal : sorted) {
      (signal.observedAt().isBefore(oldest) ? stale : fresh).add(signal);
    }
    String window = words(rule.freshness());
    if (fresh.isEmpty()) {
      Instant newest =
          stale.stream()
              .map(RecordedSignal::observedAt)
              .max(Comparator.naturalOrder())
              .orElseThrow();
      return new TestOutcome(
          TestStatus.COULD_NOT_BE_DETECTED,
          null,
          ids(stale),
          "Every signal "
              + key
              + " is older than "
              + window
              + " ("
              + count(stale.size(), "resource")
              + ": "
              + names(stale, List.of())
              + "; the newest observed "
              + newest
              + "): could not be detected until a fresh one comes.");
    }
    List<RecordedSignal> undetermined =
        fresh.stream().filter(RecordedSignal::undetermined).toList();
    String staleNote =
        stale.isEmpty()
            ? ""
            : " Left out as older than " + window + ": " + names(stale, List.of()) + ".";
    if (undetermined.size() == fresh.size()) {
      return new TestOutcome(
          TestStatus.COULD_NOT_BE_DETECTED,
          null,
          ids(fresh),
          "Every fresh signal "
              + key
              + " is undetermined ("
              + count(fresh.size(), "resource")
              + ": "
              + names(fresh, List.of())
              + "): could not be detected."
              + staleNote);
    }
    Expectation expectation = Expectation.compile(rule.expect());
    List<RecordedSignal> met = new ArrayList<>();
    List<RecordedSignal> notMet = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    List<RecordedSignal> failedByError = new ArrayList<>();
    for (RecordedSignal signal : fresh) {
      if (signal.undetermined()) {
        continue;
      }
      Expectation.Result result = expectation.test(signal.value(), signal.resource());
      switch (result.verdict()) {
        case MET -> met.add(signal);
        case NOT_MET -> notMet.add(signal);
        case ERROR -> {
          failedByError.add(signal);
          errors.add(signal.resource() + " (" + signal.value() + ": " + result.error() + ")");
        }
      }
    }
    double fraction = (double) met.size() / fresh.size();
    TestStatus status =
        fraction >= rule.atLeast()
            ? TestStatus.PASSED
            : met.isEmpty() ? rule.risk().failed() : TestStatus.PARTIALLY_TESTED;
    StringBuilder explanation =
        new StringBuilder()
            .append(met.size())
            .append(" of ")
            .append(count(fresh.size(), "fresh resource"))
            .append(" of ")
            .append(key)
            .append(" meet '")
            .append(rule.expect())
            .append("' (")
            .append(percent(fraction))
            .append("; ")
            .append(percent(rule.atLeast()))
            .append(" needed): ")
            .append(words(status, rule))
            .append('.');
    if (!notMet.isEmpty()) {
      explanation.append(" Not met: ").append(names(notMet, notMet)).append('.');
    }
    if (!undetermined.isEmpty()) {
      explanation.append(" Undetermined: ").append(names(undetermined, List.of())).append('.');
    }
    if (!errors.isEmpty()) {
      explanation
          .append(" The expression failed on ")
          .append(String.join("; ", errors.subList(0, Math.min(NAMED, errors.size()))))
          .append(errors.size() > NAMED ? " and " + (errors.size() - NAMED) + " more" : "")
          .append(", counted as not met.");
    }
    explanation.append(staleNote);
    return new TestOutcome(status, fraction, ids(fresh), explanation.toString());
  }

  private static String words(TestStatus status, TestRule rule) {
    return switch (status) {
      case PASSED -> "passed";
      case PARTIALLY_TESTED -> "partially tested";
      default -> "failed, " + rule.risk().name().toLowerCase(Locale.ROOT) + " risk";
    };
  }

  private static List<Long> ids(List<RecordedSignal> signals) {
    return signals.stream().map(RecordedSignal::id).toList();
  }

  /**
   * The first resources' names (with their values when {@code valued} holds them), and how many
   * more.
   */
  private static String names(List<RecordedSignal> signals, List<RecordedSignal> valued) {
    List<String> shown = new ArrayList<>();
    for (RecordedSignal signal : signals.subList(0, Math.min(NAMED, signals.size()))) {
      shown.add(
          valued.contains(signal) ? signal.resource() + " = " + signal.value() : signal.resource());
    }
    return String.join(", ", shown)
        + (signals.size() > NAMED ? " and " + (signals.size() - NAMED) + " more" : "");
  }

  private static String count(int n, String thing) {
    return n + " " + thing + (n == 1 ? "" : "s");
  }

  private static String percent(double fraction) {
    double percent = fraction * 100;
    return (percent == Math.rint(percent)
            ? String.format(Locale.ROOT, "%.0f", percent)
            : String.format(Locale.ROOT, "%.1f", percent))
        + " %";
  }

  /** P7D as "7 days", PT12H as "12 hours". */
  static String words(Duration duration) {
    if (duration.toHours() % 24 == 0) {
      return count((int) duration.toDays(), "day");
    }
    if (duration.toMinutes() % 60 == 0) {
      return count((int) duration.toHours(), "hour");
    }
    return count((int) duration.toMinutes(), "minute");
  }
}

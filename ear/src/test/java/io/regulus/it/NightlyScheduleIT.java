package io.regulus.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Issue 17, acceptance 3: two Liberty servers of the application on one database (the stack's
 * server and a copy of it on the next free port), each with the nightly schedule switched on for a
 * time a minute ahead, start exactly one run of the day: one server claims the day and starts the
 * job, the other finds it claimed. The job repository holds one new execution of {@code
 * score-recompute}, {@code platform.scheduled_run} one row naming it, and the schedule shows it.
 * The stack's server gets its own environment back, and the second server is stopped and removed.
 */
class NightlyScheduleIT {

  private static final String JOB = "score-recompute";

  /** The second server: the stack's HTTP port + 10 (43090 beside 43080). */
  private static final String PEER = "regulus-peer";

  private static final int PEER_PORT = Integer.getInteger("regulus.http-port", 29080) + 10;

  /** How far ahead of the servers' start the schedule is due: about as long as they take. */
  private static final Duration LEAD = Duration.ofSeconds(75);

  private static final Set<String> NOT_COPIED = Set.of("logs", "workarea", "dropins");

  @Test
  void twoServersWithTheScheduleDueStartExactlyOneRun() throws Exception {
    Platform.awaitReady();
    Platform.tenant("nightly", null);
    long lastExecution =
        TestDatabase.count(
            "SELECT coalesce(max(e.jobexecid), 0) FROM platform.batch_jobexecution e"
                + " JOIN platform.batch_jobinstance i ON i.jobinstanceid = e.fk_jobinstanceid"
                + " WHERE i.jobname = ?",
            JOB);
    Path env = LibertyServer.directory(LibertyServer.name()).resolve("server.env");
    String original = Files.readString(env);

    LibertyServer.stop();
    try {
      Instant due = Instant.now().plus(LEAD).truncatedTo(ChronoUnit.SECONDS);
      LocalDate day = LocalDate.ofInstant(due, ZoneOffset.UTC);
      Map<String, String> schedule =
          Map.of(
              "REGULUS_NIGHTLY",
              "on",
              "REGULUS_NIGHTLY_AT",
              LocalTime.ofInstant(due, ZoneOffset.UTC).toString());
      assertThat(
              TestDatabase.count(
                  "SELECT count(*) FROM platform.scheduled_run WHERE job = ? AND day = ?",
                  JOB,
                  java.sql.Date.valueOf(day)))
          .as("no run of the day claimed before")
          .isZero();
      Files.writeString(env, withSettings(original, schedule));
      copyServer(
          PEER, Map.of("REGULUS_HTTP_PORT", Integer.toString(PEER_PORT)), Map.copyOf(schedule));

      String peerUrl = "http://127.0.0.1:" + PEER_PORT;
      CompletableFuture<Void> stack = launched(LibertyServer.name(), Api.BASE_URL);
      CompletableFuture<Void> peer = launched(PEER, peerUrl);
      stack.join();
      peer.join();
      System.out.println(
          "[nightly] both servers ready "
              + Duration.between(Instant.now(), due).toSeconds()
              + " s before the schedule was due");

      // each server decides once about the day: one starts the run, the other finds it claimed
      long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
      Optional<Decision> ofStack = Optional.empty();
      Optional<Decision> ofPeer = Optional.empty();
      while (ofStack.isEmpty() || ofPeer.isEmpty()) {
        assertThat(System.nanoTime())
            .as("both servers decided about " + day + " (" + ofStack + ", " + ofPeer + ")")
            .isLessThan(deadline);
        TemplateImports.sleep(1000);
        ofStack = decision(LibertyServer.name(), day);
        ofPeer = decision(PEER, day);
      }
      List<Decision> decisions = List.of(ofStack.get(), ofPeer.get());
      System.out.println("[nightly] " + decisions);
      List<Decision> started = decisions.stream().filter(Decision::started).toList();
      assertThat(started).as("one server started the run").hasSize(1);
      Decision run = started.get(0);
      Decision other = decisions.stream().filter(d -> !d.started()).findFirst().orElseThrow();
      assertThat(other.node()).as("the other found the day claimed by it").isEqualTo(run.node());
      assertThat(run.node()).isNotEqualTo(other.self());

      String operator = Platform.operator();
      JsonPath state = awaitCompleted(operator, run.executionId());
      assertThat(state.getString("day")).isEqualTo(day.toString());
      assertThat(
              TestDatabase.rows(
                  "SELECT e.jobexecid FROM platform.batch_jobexecution e"
                      + " JOIN platform.batch_jobinstance i ON i.jobinstanceid = e.fk_jobinstanceid"
                      + " WHERE i.jobname = '"
                      + JOB
                      + "' AND e.jobexecid > "
                      + lastExecution))
          .as("one execution of the job since both servers started")
          .containsExactly(Long.toString(run.executionId()));
      assertThat(
              TestDatabase.rows(
                  "SELECT execution_id || ' ' || node FROM platform.scheduled_run"
                      + " WHERE job = '"
                      + JOB
                      + "' AND day = DATE '"
                      + day
                      + "'"))
          .containsExactly(run.executionId() + " " + run.node());
      // the nightly run's last step started the day's reports, once
      List<String> reports =
          TestDatabase.rows(
              "SELECT e.jobexecid FROM platform.batch_jobexecution e"
                  + " JOIN platform.batch_jobinstance i ON i.jobinstanceid = e.fk_jobinstanceid"
                  + " WHERE i.jobname = 'report-build' AND e.jobexecid > "
                  + lastExecution);
      assertThat(reports).as("one reports run after the nightly recomputation").hasSize(1);
      assertThat(
              Api.as(operator)
                  .get("/platform/report-builds/" + reports.get(0))
                  .then()
                  .statusCode(200)
                  .extract()
                  .jsonPath()
                  .getString("day"))
          .isEqualTo(day.toString());

      // operators see the schedule on either server
      JsonPath seen =
          Api.as(operator)
              .baseUri(peerUrl)
              .get("/platform/score-recomputes/schedule")
              .then()
              .statusCode(200)
              .extract()
              .jsonPath();
      assertThat(seen.getBoolean("on")).isTrue();
      assertThat(seen.getString("at")).isEqualTo(schedule.get("REGULUS_NIGHTLY_AT"));
      assertThat(seen.getString("timeZone")).isEqualTo("UTC");
      assertThat(Instant.parse(seen.getString("nextDue"))).isEqualTo(due.plus(Duration.ofDays(1)));
      assertThat(seen.getString("lastRun.day")).isEqualTo(day.toString());
      assertThat(seen.getLong("lastRun.executionId")).isEqualTo(run.executionId());
      assertThat(seen.getString("lastRun.node")).isEqualTo(run.node());
      assertThat(seen.getString("lastRun.status")).isEqualTo("COMPLETED");
      assertThat(Instant.parse(seen.getString("lastRun.claimedAt")))
          .as("claimed once due")
          .isAfterOrEqualTo(due);
    } finally {
      try {
        // a server that would not stop keeps its directory, so that the stack's stop finds it
        if (quietly(() -> LibertyServer.stop(PEER))) {
          delete(LibertyServer.directory(PEER));
        }
        quietly(LibertyServer::stop);
      } finally {
        Files.writeString(env, original);
        LibertyServer.start();
      }
    }
  }

  /** What a server logged about the day's nightly run: it started it, or found it claimed. */
  private record Decision(String self, boolean started, long executionId, String node) {}

  private static final String STARTED =
      "nightly score recompute of %s started as execution (\\d+) on (\\S+)";
  private static final String CLAIMED =
      "nightly score recompute of %s claimed by (\\S+) already \\(execution (\\S+)\\): nothing to start on (\\S+)";

  private static Optional<Decision> decision(String server, LocalDate day) throws IOException {
    Path log = LibertyServer.messages(server);
    if (!Files.exists(log)) {
      return Optional.empty();
    }
    String messages = Files.readString(log);
    Matcher started = Pattern.compile(String.format(STARTED, day)).matcher(messages);
    Matcher claimed = Pattern.compile(String.format(CLAIMED, day)).matcher(messages);
    List<Decision> found = new ArrayList<>();
    while (started.find()) {
      found.add(
          new Decision(started.group(2), true, Long.parseLong(started.group(1)), started.group(2)));
    }
    while (claimed.find()) {
      found.add(
          new Decision(
              claimed.group(3),
              false,
              "null".equals(claimed.group(2)) ? 0 : Long.parseLong(claimed.group(2)),
              claimed.group(1)));
    }
    assertThat(found).as(server + " decides once about " + day).hasSizeLessThanOrEqualTo(1);
    return found.stream().findFirst();
  }

  private static JsonPath awaitCompleted(String operator, long executionId) {
    long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    while (true) {
      JsonPath state =
          Api.as(operator)
              .get("/platform/score-recomputes/" + executionId)
              .then()
              .statusCode(200)
              .extract()
              .jsonPath();
      if ("COMPLETED".equals(state.getString("status"))) {
        return state;
      }
      assertThat(state.getString("status")).isNotIn("FAILED", "STOPPED", "ABANDONED");
      assertThat(System.nanoTime()).as(state.prettify()).isLessThan(deadline);
      TemplateImports.sleep(500);
    }
  }

  /** Starts server {@code name} and waits, beside the other, until it is ready. */
  private static CompletableFuture<Void> launched(String name, String baseUrl) {
    return CompletableFuture.runAsync(
        () -> {
          try {
            LibertyServer.launch(name);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
          }
          Platform.awaitReady(baseUrl);
        });
  }

  /**
   * A copy of the stack's server under {@code name}: its configuration, environment and
   * application, with its own logs and work area, the environment changed by {@code changes}.
   */
  @SafeVarargs
  private static void copyServer(String name, Map<String, String>... changes) throws IOException {
    Path from = LibertyServer.directory(LibertyServer.name());
    Path to = LibertyServer.directory(name);
    delete(to);
    try (Stream<Path> files = Files.walk(from)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        Path relative = from.relativize(file);
        if (relative.getNameCount() > 0 && NOT_COPIED.contains(relative.getName(0).toString())) {
          continue;
        }
        Path target = to.resolve(relative.toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
    Path env = to.resolve("server.env");
    String settings = Files.readString(env);
    for (Map<String, String> change : changes) {
      settings = withSettings(settings, change);
    }
    Files.writeString(env, settings);
  }

  /** A server.env with {@code settings} set (replaced where present, added where not). */
  private static String withSettings(String serverEnv, Map<String, String> settings) {
    List<String> lines = new ArrayList<>();
    for (String line : serverEnv.split("\n")) {
      if (settings.keySet().stream().noneMatch(key -> line.startsWith(key + "="))) {
        lines.add(line);
      }
    }
    settings.forEach((key, value) -> lines.add(key + "=" + value));
    return String.join("\n", lines) + "\n";
  }

  private static void delete(Path directory) throws IOException {
    if (!Files.exists(directory)) {
      return;
    }
    try (Stream<Path> files = Files.walk(directory)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    }
  }

  private interface Step {
    void run() throws Exception;
  }

  /** A stop of a server that may not be running (a start that failed); whether it went well. */
  private static boolean quietly(Step step) {
    try {
      step.run();
      return true;
    } catch (Exception e) {
      System.out.println("[nightly] " + e.getMessage());
      return false;
    }
  }
}

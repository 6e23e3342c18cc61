package io.regulus.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * One client of the load test: a tenant's admin sending one request after the other, without pause,
 * until the deadline, each a draw from the mix: {@link #LIST_SHARE}% the actions list (one of
 * {@link #LISTS}), {@link #DASHBOARD_SHARE}% the dashboard, the rest a write: GET an action for its
 * ETag, then PATCH it with {@code If-Match}, toggling its implementation status (NOT_IMPLEMENTED
 * and PLANNED, always allowed) and setting its notes to a token of this write. {@link #HOT_SHARE}%
 * of the writes go to one of the tenant's two hot actions (its first two writable ones), which all
 * its clients write, so some writes meet a change they have not seen (412). No request starts after
 * the deadline; each one's timeout ends at the hard deadline, so the run cannot outlast it.
 *
 * <p>Unpaced (the default), a client sends its next request as soon as it has the answer: the run
 * measures how much the server does, and by Little's law each request then takes about clients /
 * throughput. Paced, a client sends one request every {@code interval} (its share of an offered
 * rate), on a fixed schedule from a random offset, so the latencies are those at that load; a
 * request that starts more than one interval late counts as late (the server did not keep up).
 */
final class LoadClient implements Runnable {

  static final int LIST_SHARE = 45;
  static final int DASHBOARD_SHARE = 25;
  static final int HOT_SHARE = 20;
  static final int HOT_ACTIONS = 2;
  private static final Duration LONGEST = Duration.ofSeconds(30);

  /** The outcome of a request cut off by the hard deadline. */
  static final String CUT_OFF = "cut off at the hard deadline";

  /** The list requests a client draws from: what the actions screen asks for. */
  static final List<String> LISTS =
      List.of(
          "",
          "?type=TECHNICAL&implementationStatus=NOT_IMPLEMENTED,PLANNED&sort=-points",
          "?q=encrypt",
          "?groupBy=implementationStatus",
          "?page=1&size=100",
          "?assignee=me&sort=dueDate",
          "?overdue=true",
          "?priority=HIGH&includePassed=true",
          "?groupBy=category&sort=title");

  /** The statistics of one phase, by kind of request, and the paced requests that started late. */
  record Kinds(
      RequestStats list,
      RequestStats dashboard,
      RequestStats read,
      RequestStats write,
      LongAdder late) {
    static Kinds fresh() {
      return new Kinds(
          new RequestStats("GET actions list"),
          new RequestStats("GET dashboard"),
          new RequestStats("GET action (ETag)"),
          new RequestStats("PATCH action (If-Match)"),
          new LongAdder());
    }

    List<RequestStats> all() {
      return List.of(list, dashboard, read, write);
    }
  }

  private final String name;
  private final LoadTenant tenant;
  private final Kinds stats;
  private final WriteLedger ledger;
  private final long deadline;
  private final long hardDeadline;
  private final Random random;
  private final long interval;
  private long next;
  private int writes;

  /**
   * @param name the client's name, unique in the run: part of every token it writes
   * @param deadline when the client stops starting requests ({@link System#nanoTime()})
   * @param hardDeadline when any request still running is cut off
   * @param interval nanoseconds between the starts of two requests of this client; 0: unpaced
   */
  LoadClient(
      String name,
      LoadTenant tenant,
      Kinds stats,
      WriteLedger ledger,
      long deadline,
      long hardDeadline,
      long interval,
      long seed) {
    this.name = name;
    this.tenant = tenant;
    this.stats = stats;
    this.ledger = ledger;
    this.deadline = deadline;
    this.hardDeadline = hardDeadline;
    this.random = new Random(seed);
    this.interval = interval;
    this.next = System.nanoTime() + (interval > 0 ? (long) (random.nextDouble() * interval) : 0);
  }

  @Override
  public void run() {
    String base = tenant.admin().path();
    while (pace() && !Thread.currentThread().isInterrupted()) {
      int draw = random.nextInt(100);
      if (draw < LIST_SHARE) {
        send(
            stats.list(),
            "GET",
            base + "/actions" + LISTS.get(random.nextInt(LISTS.size())),
            null,
            null);
      } else if (draw < LIST_SHARE + DASHBOARD_SHARE) {
        send(stats.dashboard(), "GET", base + "/dashboard", null, null);
      } else {
        write(base);
      }
    }
  }

  private void write(String base) {
    List<WriteLedger.Target> targets = tenant.targets();
    WriteLedger.Target target =
        random.nextInt(100) < HOT_SHARE
            ? targets.get(random.nextInt(Math.min(HOT_ACTIONS, targets.size())))
            : targets.get(random.nextInt(targets.size()));
    String path = base + "/actions/" + target.id();
    ApiClient.Answer read = send(stats.read(), "GET", path, null, null);
    if (read == null || read.status() != 200 || read.etag() == null || !pace()) {
      return;
    }
    JsonNode action = tenant.admin().api().read(path, read);
    String status =
        "PLANNED".equals(action.path("implementationStatus").asText())
            ? "NOT_IMPLEMENTED"
            : "PLANNED";
    String token = name + "-w" + (++writes);
    Map<String, Object> change = new LinkedHashMap<>();
    change.put("implementationStatus", status);
    change.put("notes", token);
    long expected = version(read.etag());
    ApiClient.Answer answer = send(stats.write(), "PATCH", path, change, read.etag());
    WriteLedger.Outcome outcome;
    long version = -1;
    if (answer == null || answer.status() >= 500) {
      outcome = WriteLedger.Outcome.UNKNOWN;
    } else if (answer.status() == 200) {
      outcome = WriteLedger.Outcome.ACCEPTED;
      version = answer.etag() == null ? -1 : version(answer.etag());
    } else {
      outcome = WriteLedger.Outcome.REFUSED;
      if (answer.status() == 412) {
        JsonNode current = tenant.admin().api().read(path, answer).path("current");
        if (current.path("version").asLong(-1) <= expected) {
          ledger.problem(
              path
                  + ": 412 for version "
                  + expected
                  + " without a newer current action: "
                  + answer.text());
        }
      }
    }
    ledger.add(target, new WriteLedger.Write(token, status, expected, outcome, version));
  }

  /**
   * Waits for this client's next slot when paced; false when the deadline has come (no request
   * starts after it).
   */
  private boolean pace() {
    if (interval > 0) {
      long wait = next - System.nanoTime();
      if (wait > 0) {
        LockSupport.parkNanos(wait);
      } else if (-wait > interval) {
        stats.late().increment();
      }
      next += interval;
    }
    return System.nanoTime() < deadline;
  }

  /**
   * One request, timed and counted; null when no answer came (the failure is counted by its
   * exception).
   */
  private ApiClient.Answer send(
      RequestStats kind, String method, String path, Object body, String ifMatch) {
    long left = hardDeadline - System.nanoTime();
    if (left <= 0) {
      return null;
    }
    try {
      ApiClient.Answer answer =
          tenant
              .admin()
              .api()
              .exchange(
                  method, path, body, ifMatch, Duration.ofNanos(Math.min(left, LONGEST.toNanos())));
      kind.answered(answer.status(), answer.nanos());
      return answer;
    } catch (HttpTimeoutException e) {
      kind.failed(System.nanoTime() >= hardDeadline - 1_000_000 ? CUT_OFF : "timeout");
      return null;
    } catch (IOException e) {
      kind.failed(e.getClass().getSimpleName());
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      kind.failed("interrupted");
      return null;
    }
  }

  private static long version(String etag) {
    return Long.parseLong(etag.strip().replaceFirst("^W/", "").replace("\"", ""));
  }
}

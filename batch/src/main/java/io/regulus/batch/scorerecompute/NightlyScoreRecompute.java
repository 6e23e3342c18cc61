package io.regulus.batch.scorerecompute;

import io.regulus.access.SystemCaller;
import io.regulus.history.NightlySchedule;
import io.regulus.history.NightlyStart;
import io.regulus.history.ScoreRecomputeService;
import io.regulus.settings.Settings;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.ScheduleExpression;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Date;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The nightly score recomputation's schedule on this node: a non-persistent calendar timer at
 * REGULUS_NIGHTLY_AT (UTC) on every node, and at start-up, when the day's time has passed, one
 * attempt at once (a node down at the hour makes up the day). Each attempt asks the domain, as
 * {@link SystemCaller#SCHEDULE}, to start the day's run; the node that claims the day first starts
 * it, the others find it claimed (docs/history.md). A run going at the hour (an operator's) is
 * waited for; a failure (database or batch runtime not ready) is tried again a while.
 */
@Singleton
@Startup
@DependsOn("PlatformStartup")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class NightlyScoreRecompute {

  private static final Logger LOG = Logger.getLogger(NightlyScoreRecompute.class.getName());

  private static final long RETRY_MILLIS = 10_000;
  private static final int ATTEMPTS = 60;
  private static final long RUN_GOING_RETRY_MILLIS = 5 * 60_000;
  private static final Duration EARLY = Duration.ofMinutes(1);

  @EJB private ScoreRecomputeService recomputes;
  @Inject private Settings settings;
  @Resource private TimerService timers;

  @PostConstruct
  void createTimers() {
    NightlySchedule schedule = schedule();
    if (!schedule.on()) {
      LOG.info("nightly score recomputation off (REGULUS_NIGHTLY=off)");
      return;
    }
    LocalTime at = schedule.at();
    timers.createCalendarTimer(
        new ScheduleExpression()
            .timezone("UTC")
            .hour(at.getHour())
            .minute(at.getMinute())
            .second(at.getSecond()),
        new TimerConfig(1, false));
    Instant now = Instant.now();
    boolean due = schedule.due(now);
    if (due) {
      timers.createSingleActionTimer(0, new TimerConfig(1, false));
    }
    LOG.info(
        () ->
            "nightly score recomputation at "
                + at
                + " UTC on "
                + settings.node()
                + (due
                    ? "; today's time has passed: trying today's run now"
                    : "; next " + schedule.next(now).orElseThrow()));
  }

  /** One attempt at today's run (attempt {@code timer.getInfo()}, counting failures). */
  @Timeout
  void attempt(Timer timer) {
    int attempt = (Integer) timer.getInfo();
    NightlyStart start;
    try {
      start = startNightly();
    } catch (RuntimeException e) {
      if (attempt < ATTEMPTS) {
        LOG.log(Level.FINE, "nightly score recomputation not started yet, trying again", e);
        timers.createSingleActionTimer(RETRY_MILLIS, new TimerConfig(attempt + 1, false));
      } else {
        LOG.log(Level.SEVERE, "the nightly score recomputation could not be started", e);
      }
      return;
    }
    switch (start.outcome()) {
      case STARTED -> {
        // the domain logs the run it started
      }
      case CLAIMED ->
          LOG.info(
              () ->
                  "nightly score recompute of "
                      + start.day()
                      + " claimed by "
                      + start.node()
                      + " already (execution "
                      + start.executionId()
                      + "): nothing to start on "
                      + settings.node());
      case RUN_GOING -> {
        LOG.info(
            () ->
                "nightly score recompute of "
                    + start.day()
                    + " waits: run "
                    + start.executionId()
                    + " is going; trying again in 5 minutes");
        timers.createSingleActionTimer(RUN_GOING_RETRY_MILLIS, new TimerConfig(1, false));
      }
      case NOT_DUE -> {
        // a timer a moment early: once more at the time itself
        Instant now = Instant.now();
        schedule()
            .next(now)
            .filter(next -> Duration.between(now, next).compareTo(EARLY) < 0)
            .ifPresent(
                next ->
                    timers.createSingleActionTimer(
                        Date.from(next), new TimerConfig(attempt, false)));
      }
    }
  }

  /**
   * The one place the schedule starts its work: today's nightly run, if this node claims the day.
   * (Work to chain after the nightly recomputation starts from here.)
   */
  NightlyStart startNightly() {
    return recomputes.startNightly(SystemCaller.SCHEDULE);
  }

  private NightlySchedule schedule() {
    return NightlySchedule.of(settings);
  }
}

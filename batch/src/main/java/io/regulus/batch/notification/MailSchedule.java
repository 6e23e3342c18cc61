package io.regulus.batch.notification;

import io.regulus.access.SystemCaller;
import io.regulus.history.NightlySchedule;
import io.regulus.notification.DigestService;
import io.regulus.notification.MailOutbox;
import io.regulus.settings.Settings;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
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
import java.time.Instant;
import java.time.LocalTime;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The timers of the notifications on this node (non-persistent EJB timers, every node has them):
 * the outbox's sender every REGULUS_MAIL_POLL_SECONDS, sending what is due as {@link
 * SystemCaller#MAIL} (each mail taken by one node: {@link MailOutbox#sendNext}); and the daily
 * digest at REGULUS_DIGEST_AT (UTC), and at start-up when the day's time has passed, run by the
 * node that claims the day first ({@link DigestService#runToday}).
 */
@Singleton
@Startup
@DependsOn("PlatformStartup")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class MailSchedule {

  private static final Logger LOG = Logger.getLogger(MailSchedule.class.getName());
  private static final String OUTBOX = "outbox";
  private static final String DIGEST = "digest";

  /** The most mails one look at the outbox sends; the rest wait for the next look. */
  private static final int BATCH = 100;

  @EJB private MailOutbox outbox;
  @EJB private DigestService digests;
  @Inject private Settings settings;
  @Resource private TimerService timers;

  @PostConstruct
  void createTimers() {
    long poll = settings.mailPoll().toMillis();
    timers.createIntervalTimer(poll, poll, new TimerConfig(OUTBOX, false));
    NightlySchedule schedule = new NightlySchedule(settings.digest(), settings.digestAt());
    if (!schedule.on()) {
      LOG.info(
          "daily digest off (REGULUS_DIGEST=off); the outbox is looked at every " + poll + " ms");
      return;
    }
    LocalTime at = schedule.at();
    timers.createCalendarTimer(
        new ScheduleExpression()
            .timezone("UTC")
            .hour(at.getHour())
            .minute(at.getMinute())
            .second(at.getSecond()),
        new TimerConfig(DIGEST, false));
    if (schedule.due(Instant.now())) {
      timers.createSingleActionTimer(0, new TimerConfig(DIGEST, false));
    }
    LOG.info(() -> "daily digest at " + at + " UTC; the outbox is looked at every " + poll + " ms");
  }

  @Timeout
  void fire(Timer timer) {
    if (OUTBOX.equals(timer.getInfo())) {
      sendDue();
    } else {
      try {
        digests.runToday(SystemCaller.DIGEST);
      } catch (RuntimeException e) {
        LOG.log(Level.SEVERE, "the daily digest failed", e);
      }
    }
  }

  private void sendDue() {
    try {
      for (int sent = 0; sent < BATCH && outbox.sendNext(SystemCaller.MAIL); sent++) {
        // one transaction per mail
      }
    } catch (RuntimeException e) {
      // the database is away: the mail waits in the outbox for the next look
      LOG.log(Level.FINE, "the outbox could not be looked at", e);
    }
  }
}

package io.regulus.api.limit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.regulus.settings.Settings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * One token bucket per caller on this node (Bucket4j): {@code requests} tokens, refilled evenly
 * over the window, so a caller may burst up to the limit and then goes on at the window's pace. The
 * buckets live in a bounded Caffeine cache and are dropped once a window passes without a request
 * from their caller: by then the bucket is full again, so dropping it forgets nothing.
 *
 * <p>The limit holds per node: behind a load balancer that spreads one caller over N nodes, the
 * caller gets up to N times the limit (README: set the per-node figure accordingly).
 */
@ApplicationScoped
public class CallerBuckets {

  /** Callers remembered at once; beyond it the least recently seen one starts afresh. */
  private static final int MAX_CALLERS = 100_000;

  private static final Logger LOG = Logger.getLogger(CallerBuckets.class.getName());

  @Inject private Settings settings;
  private Settings.RateLimit limit;
  private Cache<String, Bucket> buckets;

  @PostConstruct
  void configure() {
    limit = settings.rateLimit().orElse(null);
    if (limit == null) {
      LOG.info("API rate limit switched off (REGULUS_RATE_LIMIT_ENABLED=false)");
      return;
    }
    buckets =
        Caffeine.newBuilder().maximumSize(MAX_CALLERS).expireAfterAccess(limit.window()).build();
    LOG.info(
        "API rate limit: "
            + limit.requests()
            + " requests per "
            + limit.window().toSeconds()
            + " s per caller on this node");
  }

  /** The limit, or empty when it is switched off. */
  Optional<Settings.RateLimit> limit() {
    return Optional.ofNullable(limit);
  }

  /**
   * Takes one request from the caller's bucket: empty when it may go on, else how long until it
   * may.
   */
  Optional<Duration> take(String caller) {
    if (limit == null) {
      return Optional.empty();
    }
    var probe = buckets.get(caller, key -> newBucket()).tryConsumeAndReturnRemaining(1);
    return probe.isConsumed()
        ? Optional.empty()
        : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
  }

  private Bucket newBucket() {
    return Bucket.builder()
        .addLimit(
            Bandwidth.builder()
                .capacity(limit.requests())
                .refillGreedy(limit.requests(), limit.window())
                .build())
        .build();
  }
}

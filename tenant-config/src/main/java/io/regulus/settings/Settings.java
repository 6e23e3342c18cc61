package io.regulus.settings;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every setting the code reads, read here and nowhere else, each injected by MicroProfile Config
 * from the server.xml variable of the same name (an environment variable overrides it; README lists
 * them all). The rest of the variables (HTTP, database, token checks, browser sign-in) are used by
 * server.xml alone.
 */
@ApplicationScoped
public class Settings {

  @Inject
  @ConfigProperty(name = "REGULUS_KEYCLOAK_URL")
  String keycloakUrl;

  @Inject
  @ConfigProperty(name = "REGULUS_KEYCLOAK_REALM")
  String keycloakRealm;

  @Inject
  @ConfigProperty(name = "REGULUS_KEYCLOAK_ADMIN_CLIENT_ID", defaultValue = "regulus-admin")
  String keycloakAdminClientId;

  /** Optional here: a missing secret is refused by {@link SecretCheck} with a clear message. */
  @Inject
  @ConfigProperty(name = "REGULUS_KEYCLOAK_ADMIN_CLIENT_SECRET")
  Optional<String> keycloakAdminClientSecret;

  @Inject
  @ConfigProperty(name = "REGULUS_KEYCLOAK_TIMEOUT_MS", defaultValue = "3000")
  long keycloakTimeoutMillis;

  @Inject
  @ConfigProperty(name = "REGULUS_INVITE_EMAILS", defaultValue = "false")
  boolean invitationEmails;

  @Inject
  @ConfigProperty(name = "REGULUS_EVIDENCE_MAX_BYTES", defaultValue = "26214400")
  long evidenceMaxBytes;

  @Inject
  @ConfigProperty(name = "REGULUS_JSON_MAX_BYTES", defaultValue = "1048576")
  long jsonMaxBytes;

  @Inject
  @ConfigProperty(name = "REGULUS_TEMPLATE_IMPORT_MAX_BYTES", defaultValue = "52428800")
  long templateImportMaxBytes;

  @Inject
  @ConfigProperty(name = "REGULUS_RECOMPUTE_THREADS", defaultValue = "4")
  int recomputeThreads;

  /** The nightly score recomputation: {@code on} or {@code off}. */
  @Inject
  @ConfigProperty(name = "REGULUS_NIGHTLY", defaultValue = "on")
  String nightly;

  /** Its time of day, UTC ({@code 02:30}, or {@code 02:30:15}). */
  @Inject
  @ConfigProperty(name = "REGULUS_NIGHTLY_AT", defaultValue = "02:30")
  String nightlyAt;

  /** This server's HTTP port: with the host name, its name in the schedule's claims. */
  @Inject
  @ConfigProperty(name = "REGULUS_HTTP_PORT", defaultValue = "9080")
  String httpPort;

  /** Reports job: how many partitions build at once. */
  @Inject
  @ConfigProperty(name = "REGULUS_REPORT_THREADS", defaultValue = "2")
  int reportThreads;

  /** Reports job: how many days of reports are kept. */
  @Inject
  @ConfigProperty(name = "REGULUS_REPORT_DAYS", defaultValue = "30")
  int reportDays;

  /** How many tenants one partition of the score recomputation records, on average. */
  @Inject
  @ConfigProperty(name = "REGULUS_RECOMPUTE_PARTITION_TENANTS", defaultValue = "50")
  int recomputePartitionTenants;

  // Notifications by e-mail (docs/notifications.md); the SMTP server itself is server.xml's
  // mailSession.

  /** The daily digest of notices: {@code on} or {@code off}. */
  @Inject
  @ConfigProperty(name = "REGULUS_DIGEST", defaultValue = "on")
  String digest;

  /** The daily digest's time of day, UTC. */
  @Inject
  @ConfigProperty(name = "REGULUS_DIGEST_AT", defaultValue = "07:00")
  String digestAt;

  /** An action due within this many days is due soon. */
  @Inject
  @ConfigProperty(name = "REGULUS_DUE_SOON_DAYS", defaultValue = "7")
  int dueSoonDays;

  /** Evidence valid until no more than this many days ahead is expiring. */
  @Inject
  @ConfigProperty(name = "REGULUS_EVIDENCE_EXPIRING_DAYS", defaultValue = "14")
  int evidenceExpiringDays;

  /** How often the outbox is looked at for mail due, in seconds. */
  @Inject
  @ConfigProperty(name = "REGULUS_MAIL_POLL_SECONDS", defaultValue = "5")
  int mailPollSeconds;

  /** The wait after a mail's first failed attempt, in seconds; it doubles after each. */
  @Inject
  @ConfigProperty(name = "REGULUS_MAIL_RETRY_SECONDS", defaultValue = "30")
  int mailRetrySeconds;

  /** The longest wait between two attempts, in seconds. */
  @Inject
  @ConfigProperty(name = "REGULUS_MAIL_RETRY_MAX_SECONDS", defaultValue = "3600")
  int mailRetryMaxSeconds;

  /** Attempts after which a mail is left for an operator. */
  @Inject
  @ConfigProperty(name = "REGULUS_MAIL_MAX_ATTEMPTS", defaultValue = "12")
  int mailMaxAttempts;

  /**
   * Optional: MicroProfile Config treats an empty value as missing, and production leaves it empty.
   */
  @Inject
  @ConfigProperty(name = "REGULUS_DEMO_TENANTS")
  Optional<String> demoTenants;

  @Inject
  @ConfigProperty(name = "REGULUS_PUBLIC_URL", defaultValue = "http://localhost:9080")
  String publicUrl;

  /**
   * True only in the local stacks (run, tests, benchmarks): their Liberty override sets it, the
   * shipped server.xml and the container image never do.
   */
  @Inject
  @ConfigProperty(name = "REGULUS_LOCAL_STACK", defaultValue = "false")
  boolean localStack;

  /** Signals: days a signal is kept after it was observed. */
  @Inject
  @ConfigProperty(name = "REGULUS_SIGNAL_RETENTION_DAYS", defaultValue = "90")
  int signalRetentionDays;

  /** Signals: the longest batch body the API reads, in bytes (8 MB). */
  @Inject
  @ConfigProperty(name = "REGULUS_SIGNAL_MAX_BYTES", defaultValue = "8388608")
  long signalMaxBytes;

  /** Signals: the most entries one batch may hold. */
  @Inject
  @ConfigProperty(name = "REGULUS_SIGNAL_BATCH_MAX", defaultValue = "10000")
  int signalBatchMax;

  /** The secrets are looked up by name, each listed once in {@link Secret#ALL}. */
  @Inject Config config;

  @Inject
  @ConfigProperty(name = "REGULUS_EVIDENCE_MAX_PER_ACTION", defaultValue = "100")
  int evidenceMaxPerAction;

  @Inject
  @ConfigProperty(name = "REGULUS_RATE_LIMIT_ENABLED", defaultValue = "true")
  boolean rateLimitEnabled;

  @Inject
  @ConfigProperty(name = "REGULUS_RATE_LIMIT_REQUESTS", defaultValue = "600")
  int rateLimitRequests;

  @Inject
  @ConfigProperty(name = "REGULUS_RATE_LIMIT_WINDOW_SECONDS", defaultValue = "60")
  int rateLimitWindowSeconds;

  /** The longest scanner findings document one import reads, in bytes (docs/signals.md). */
  @Inject
  @ConfigProperty(name = "REGULUS_FINDINGS_MAX_BYTES", defaultValue = "67108864")
  long findingsMaxBytes;

  /**
   * The issuer as browsers reach it (its login page and token endpoint), for code that CDI does not
   * create: the OpenAPI document's filter, which the runtime instantiates itself.
   */
  public static Optional<String> browserIssuer() {
    return ConfigProvider.getConfig(Settings.class.getClassLoader())
        .getOptionalValue("REGULUS_OIDC_ISSUER", String.class)
        .map(issuer -> issuer.replaceAll("/+$", ""));
  }

  /** Keycloak's base URL as this server reaches it (it may differ from the public issuer). */
  public String keycloakUrl() {
    return keycloakUrl.replaceAll("/+$", "");
  }

  public String keycloakRealm() {
    return keycloakRealm;
  }

  /** The realm's base URL as this server reaches it. */
  public URI realmUrl() {
    return URI.create(keycloakUrl() + "/realms/" + keycloakRealm);
  }

  /** The confidential client whose service account administers users and groups. */
  public String keycloakAdminClientId() {
    return keycloakAdminClientId;
  }

  public String keycloakAdminClientSecret() {
    return keycloakAdminClientSecret.orElse("");
  }

  /** The connect and read timeout of every call to Keycloak's admin API. */
  public long keycloakTimeoutMillis() {
    return keycloakTimeoutMillis;
  }

  /** Whether an invited new user gets Keycloak's set-password email (the realm needs SMTP). */
  public boolean invitationEmails() {
    return invitationEmails;
  }

  /** The largest evidence file one upload may store, in bytes. */
  /** The largest template file one import may upload (REGULUS_TEMPLATE_IMPORT_MAX_BYTES). */
  public long templateImportMaxBytes() {
    return templateImportMaxBytes;
  }

  /** The longest findings document one import reads (REGULUS_FINDINGS_MAX_BYTES). */
  public long findingsMaxBytes() {
    return findingsMaxBytes;
  }

  /**
   * How many partitions of the score recomputation run at once (REGULUS_RECOMPUTE_THREADS), at
   * least one.
   */
  public int recomputeThreads() {
    return Math.max(1, recomputeThreads);
  }

  /**
   * Whether the nightly score recomputation runs (REGULUS_NIGHTLY: {@code on}, the default, or
   * {@code off}).
   */
  public boolean nightly() {
    return switch (nightly.trim().toLowerCase(java.util.Locale.ROOT)) {
      case "on" -> true;
      case "off" -> false;
      default ->
          throw new IllegalArgumentException(
              "REGULUS_NIGHTLY must be on or off, not '" + nightly + "'");
    };
  }

  /** The time of day (UTC) the nightly score recomputation starts at (REGULUS_NIGHTLY_AT). */
  public java.time.LocalTime nightlyAt() {
    try {
      return java.time.LocalTime.parse(nightlyAt.trim());
    } catch (java.time.format.DateTimeParseException e) {
      throw new IllegalArgumentException(
          "REGULUS_NIGHTLY_AT must be a time of day in UTC such as 02:30, not '" + nightlyAt + "'",
          e);
    }
  }

  /**
   * This server's name among the nodes sharing the database: its host name and HTTP port, as the
   * schedule's claims record it.
   */
  public String node() {
    String host;
    try {
      host = java.net.InetAddress.getLocalHost().getHostName();
    } catch (java.net.UnknownHostException e) {
      host = "localhost";
    }
    return host + ":" + httpPort;
  }

  /** Whether the daily digest of notices runs (REGULUS_DIGEST: {@code on} or {@code off}). */
  public boolean digest() {
    return onOff("REGULUS_DIGEST", digest);
  }

  /** The daily digest's time of day, UTC (REGULUS_DIGEST_AT). */
  public java.time.LocalTime digestAt() {
    return timeOfDay("REGULUS_DIGEST_AT", digestAt);
  }

  /** How many days ahead a due date is due soon (REGULUS_DUE_SOON_DAYS), at least zero. */
  public int dueSoonDays() {
    return Math.max(0, dueSoonDays);
  }

  /**
   * How many days ahead evidence's end of validity is expiring (REGULUS_EVIDENCE_EXPIRING_DAYS), at
   * least zero.
   */
  public int evidenceExpiringDays() {
    return Math.max(0, evidenceExpiringDays);
  }

  /** How often the outbox is looked at (REGULUS_MAIL_POLL_SECONDS), at least a second. */
  public java.time.Duration mailPoll() {
    return java.time.Duration.ofSeconds(Math.max(1, mailPollSeconds));
  }

  /**
   * The retries of a mail the SMTP server did not take: the first wait, the longest wait, and the
   * attempts after which it is left for an operator.
   */
  public MailRetry mailRetry() {
    return new MailRetry(
        java.time.Duration.ofSeconds(Math.max(1, mailRetrySeconds)),
        java.time.Duration.ofSeconds(Math.max(1, Math.max(mailRetrySeconds, mailRetryMaxSeconds))),
        Math.max(1, mailMaxAttempts));
  }

  /**
   * How a mail is retried (REGULUS_MAIL_RETRY_SECONDS, _MAX_SECONDS, REGULUS_MAIL_MAX_ATTEMPTS).
   */
  public record MailRetry(java.time.Duration first, java.time.Duration longest, int maxAttempts) {}

  private static boolean onOff(String name, String value) {
    return switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
      case "on" -> true;
      case "off" -> false;
      default ->
          throw new IllegalArgumentException(name + " must be on or off, not '" + value + "'");
    };
  }

  private static java.time.LocalTime timeOfDay(String name, String value) {
    try {
      return java.time.LocalTime.parse(value.trim());
    } catch (java.time.format.DateTimeParseException e) {
      throw new IllegalArgumentException(
          name + " must be a time of day in UTC such as 07:00, not '" + value + "'", e);
    }
  }

  /**
   * How many partitions of the reports job build at once (REGULUS_REPORT_THREADS), at least one.
   */
  public int reportThreads() {
    return Math.max(1, reportThreads);
  }

  /**
   * How many days of reports are kept (REGULUS_REPORT_DAYS), at least one: building a day removes
   * the reports of days this many days or more before it.
   */
  public int reportDays() {
    return Math.max(1, reportDays);
  }

  /**
   * How many tenants one partition of the score recomputation records, on average
   * (REGULUS_RECOMPUTE_PARTITION_TENANTS), at least one.
   */
  public int recomputePartitionTenants() {
    return Math.max(1, recomputePartitionTenants);
  }

  /** How many days a signal is kept after it was observed (REGULUS_SIGNAL_RETENTION_DAYS), >= 1. */
  public int signalRetentionDays() {
    return Math.max(1, signalRetentionDays);
  }

  /** The longest signal batch body the API reads, in bytes; a longer one is refused (413). */
  public long signalMaxBytes() {
    return signalMaxBytes;
  }

  /** The most entries one signal batch may hold (REGULUS_SIGNAL_BATCH_MAX), at least one. */
  public int signalBatchMax() {
    return Math.max(1, signalBatchMax);
  }

  public long evidenceMaxBytes() {
    return evidenceMaxBytes;
  }

  /** The longest JSON request body the API reads, in bytes; a longer one is refused (413). */
  public long jsonMaxBytes() {
    return jsonMaxBytes;
  }

  /**
   * The tenants provisioned at start-up when missing ({@code slug} or {@code slug@firm}); none in
   * production.
   */
  public List<String> demoTenants() {
    return demoTenants
        .map(
            value ->
                Arrays.stream(value.split(","))
                    .map(String::trim)
                    .filter(s -> !s.isEmpty())
                    .toList())
        .orElse(List.of());
  }

  /**
   * Where browsers reach Regulus, without a trailing slash (sign-in and sign-out come back here).
   */
  public String publicUrl() {
    return publicUrl.replaceAll("/+$", "");
  }

  /** Whether this server is one of the local stacks (run, tests, benchmarks). */
  public boolean localStack() {
    return localStack;
  }

  /**
   * Why this server must not start with its secrets (unset, or the local stacks' default outside
   * them); empty when it may.
   */
  public List<String> secretRefusals() {
    return Secret.refusals(
        Secret.ALL, localStack, name -> config.getOptionalValue(name, String.class));
  }

  /** The most pieces of evidence (files and links) one action may hold. */
  public int evidenceMaxPerAction() {
    return evidenceMaxPerAction;
  }

  /**
   * The request rate limit of one API caller on one node, or empty when it is switched off (the
   * benchmarks switch it off).
   */
  public Optional<RateLimit> rateLimit() {
    return rateLimitEnabled
        ? Optional.of(
            new RateLimit(rateLimitRequests, java.time.Duration.ofSeconds(rateLimitWindowSeconds)))
        : Optional.empty();
  }

  /**
   * At most {@code requests} API requests per {@code window} from one caller, refilled evenly over
   * the window.
   */
  public record RateLimit(int requests, java.time.Duration window) {

    public RateLimit {
      if (requests < 1 || window.isNegative() || window.isZero()) {
        throw new IllegalArgumentException(
            "REGULUS_RATE_LIMIT_REQUESTS and REGULUS_RATE_LIMIT_WINDOW_SECONDS must be positive"
                + " (REGULUS_RATE_LIMIT_ENABLED=false switches the limit off)");
      }
    }
  }
}

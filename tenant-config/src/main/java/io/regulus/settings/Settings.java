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

package io.regulus.settings;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
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

  @Inject
  @ConfigProperty(name = "REGULUS_KEYCLOAK_ADMIN_CLIENT_SECRET")
  String keycloakAdminClientSecret;

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

  /**
   * Optional: MicroProfile Config treats an empty value as missing, and production leaves it empty.
   */
  @Inject
  @ConfigProperty(name = "REGULUS_DEMO_TENANTS")
  Optional<String> demoTenants;

  @Inject
  @ConfigProperty(name = "REGULUS_PUBLIC_URL", defaultValue = "http://localhost:9080")
  String publicUrl;

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
    return keycloakAdminClientSecret;
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
}

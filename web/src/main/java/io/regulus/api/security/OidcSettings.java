package io.regulus.api.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Where tokens come from and what they must say; the values are server.xml variables (README lists them). */
@ApplicationScoped
public class OidcSettings {

  @Inject
  @ConfigProperty(name = "REGULUS_KEYCLOAK_URL")
  String keycloakUrl;

  @Inject
  @ConfigProperty(name = "REGULUS_KEYCLOAK_REALM")
  String realm;

  @Inject
  @ConfigProperty(name = "REGULUS_OIDC_ISSUER")
  String issuer;

  @Inject
  @ConfigProperty(name = "REGULUS_OIDC_AUDIENCE")
  String audience;

  @Inject
  @ConfigProperty(name = "REGULUS_OIDC_CLOCK_SKEW_SECONDS", defaultValue = "0")
  long clockSkewSeconds;

  public String issuer() {
    return issuer;
  }

  public String audience() {
    return audience;
  }

  public Duration clockSkew() {
    return Duration.ofSeconds(clockSkewSeconds);
  }

  /** The realm's base URL as this server reaches Keycloak (may differ from the public issuer). */
  public URI realmUrl() {
    return URI.create(keycloakUrl.replaceAll("/+$", "") + "/realms/" + realm);
  }

  public URI jwksUrl() {
    return URI.create(realmUrl() + "/protocol/openid-connect/certs");
  }
}

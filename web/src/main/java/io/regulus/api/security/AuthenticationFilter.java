package io.regulus.api.security;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.time.Clock;

/**
 * Every API request carries a bearer token; it is verified here (once per token and node, see
 * {@link VerifiedTokens}), and the caller read from it.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class AuthenticationFilter implements ContainerRequestFilter {

  private static final String BEARER = "Bearer ";

  @Inject private OidcSettings settings;
  @Inject private SigningKeys keys;
  @Inject private RequestContext context;
  @Inject private VerifiedTokens tokens;

  @Override
  public void filter(ContainerRequestContext request) {
    String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
    if (header == null || header.isBlank()) {
      throw new InvalidTokenException(
          "This API needs an access token: send 'Authorization: Bearer <token>' "
              + "(README.md shows how to get one from Keycloak).");
    }
    if (!header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      throw new InvalidTokenException("Only bearer tokens are accepted: 'Authorization: Bearer <token>'.");
    }
    TokenVerifier verifier =
        new TokenVerifier(settings.issuer(), settings.audience(), settings.clockSkew(), Clock.systemUTC(), keys::find);
    context.authenticate(tokens.caller(header.substring(BEARER.length()).trim(), verifier));
  }
}

package io.regulus.api.security;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Reads the caller of an API request from its bearer token. Liberty's mpJwt verified the token
 * before the request got here (signature by a realm key, issuer, audience, expiry: server.xml) and
 * refused it otherwise with a 401 (rendered by {@link
 * io.regulus.api.problem.UnauthenticatedProblem}); what mpJwt does not check, the token's type, is
 * checked here.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class AuthenticationFilter implements ContainerRequestFilter {

  @Inject private RequestContext context;

  @Override
  public void filter(ContainerRequestContext request) {
    if (!(request.getSecurityContext().getUserPrincipal() instanceof JsonWebToken token)) {
      // web.xml lets no request without a verified token reach the API; this holds should that ever
      // change
      throw new InvalidTokenException(
          "This API needs an access token: send 'Authorization: Bearer <token>' "
              + "(README.md shows how to get one from Keycloak).");
    }
    context.authenticate(CallerClaims.toCaller(token));
  }
}

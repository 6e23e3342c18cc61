package io.regulus.api.problem;

import io.regulus.api.contract.ApiHeaders;
import io.regulus.problem.ProblemKind;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * The 401 of an API request that Liberty's mpJwt refused (web.xml names this servlet the page of
 * every 401), as the same problem+json every other API error is. mpJwt answers a refused token with
 * a bare 401 and logs its reason, so the detail says what can be told from the request alone: no
 * token, another scheme than Bearer, not a JWT, an expiry in the past; anything else (signature,
 * key, algorithm, issuer, audience) is one answer, as the platform does not say which check failed.
 * The token is only read here to word the refusal, never trusted.
 */
@WebServlet(UnauthenticatedProblem.PATH)
public class UnauthenticatedProblem extends HttpServlet {

  static final String PATH = "/problems/unauthenticated";
  private static final long serialVersionUID = 1L;
  private static final String BEARER = "Bearer ";
  private static final Jsonb JSONB = JsonbBuilder.create();

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String header = request.getHeader("Authorization");
    String challenge = "Bearer realm=\"regulus\"";
    String detail;
    if (header == null || header.isBlank()) {
      detail =
          "This API needs an access token: send 'Authorization: Bearer <token>' "
              + "(README.md shows how to get one from Keycloak).";
    } else if (!header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      detail = "Only bearer tokens are accepted: 'Authorization: Bearer <token>'.";
    } else {
      challenge += ", error=\"invalid_token\"";
      detail = reason(header.substring(BEARER.length()).trim());
    }
    response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
    response.setHeader("WWW-Authenticate", challenge);
    ApiHeaders.apply(response);
    response.setContentType(Problems.MEDIA_TYPE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.getWriter().write(JSONB.toJson(Problems.problem(ProblemKind.UNAUTHENTICATED, detail)));
  }

  static String reason(String token) {
    JsonObject claims = claims(token);
    if (claims == null) {
      return "The bearer token is not a signed JWT (header.payload.signature).";
    }
    if (claims.get("exp") instanceof JsonNumber expiry
        && Instant.ofEpochSecond(expiry.longValue()).isBefore(Instant.now())) {
      return "The bearer token has expired; request a new one.";
    }
    return "The bearer token is not valid here: it is not signed by a key of the Regulus realm, or is signed with "
        + "another algorithm than RS256, or names another issuer, or lacks the Regulus API audience (the server does "
        + "not say which). Request an access token from the Regulus realm through a client that grants the Regulus "
        + "API audience, such as regulus-cli.";
  }

  /** The payload of a compact JWS, unverified; null when the token is not one. */
  private static JsonObject claims(String token) {
    String[] parts = token.split("\\.", -1);
    if (parts.length != 3) {
      return null;
    }
    try (var reader =
        Json.createReader(
            new StringReader(
                new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)))) {
      return reader.readObject();
    } catch (RuntimeException e) {
      return null;
    }
  }
}

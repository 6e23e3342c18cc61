package io.regulus.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/**
 * The platform operator's access token (password grant through the public {@code regulus-cli}
 * client, as the README's curl line gets one), or another user's with the same password, fetched
 * again a minute before it expires: a run outlives the realm's five-minute tokens. A machine
 * client's token the same way, by the client-credentials grant ({@link #machineClient}). Callers
 * fetch it outside their timed section.
 */
final class OperatorToken {

  private static final String OPERATOR = "olivia";

  /** The realm's demo password, which the benchmarks also give the users they create. */
  static final String PASSWORD = "regulus-demo";

  private static final Duration MARGIN = Duration.ofSeconds(60);

  private final HttpClient http;
  private final URI tokenEndpoint;
  private final String username;
  private final String clientSecret;
  private final ObjectMapper json = new ObjectMapper();
  private String token;
  private Instant renewAt = Instant.MIN;
  private int fetched;

  OperatorToken(HttpClient http, String keycloakUrl) {
    this(http, keycloakUrl, OPERATOR);
  }

  /** The token of {@code username}, whose password is {@link #PASSWORD}. */
  OperatorToken(HttpClient http, String keycloakUrl, String username) {
    this(http, keycloakUrl, username, null);
  }

  private OperatorToken(HttpClient http, String keycloakUrl, String name, String clientSecret) {
    this.http = http;
    this.tokenEndpoint = URI.create(keycloakUrl + "/realms/regulus/protocol/openid-connect/token");
    this.username = name;
    this.clientSecret = clientSecret;
  }

  /** A machine client's token (client-credentials grant with its id and secret). */
  static OperatorToken machineClient(
      HttpClient http, String keycloakUrl, String clientId, String secret) {
    return new OperatorToken(http, keycloakUrl, clientId, secret);
  }

  synchronized String get() {
    if (token == null || Instant.now().isAfter(renewAt)) {
      fetch();
    }
    return token;
  }

  /** How many tokens the run fetched (one per four minutes or so). */
  synchronized int fetched() {
    return fetched;
  }

  private void fetch() {
    String form =
        clientSecret != null
            ? "grant_type=client_credentials&client_id="
                + encode(username)
                + "&client_secret="
                + encode(clientSecret)
            : "grant_type=password&client_id=regulus-cli&username="
                + encode(username)
                + "&password="
                + encode(PASSWORD);
    HttpRequest request =
        HttpRequest.newBuilder(tokenEndpoint)
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build();
    try {
      Instant asked = Instant.now();
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException(
            "token request answered " + response.statusCode() + ": " + response.body());
      }
      JsonNode body = json.readTree(response.body());
      token = body.path("access_token").asText();
      long lifetime = body.path("expires_in").asLong(300);
      renewAt = asked.plusSeconds(lifetime).minus(MARGIN);
      fetched++;
    } catch (IOException e) {
      throw new IllegalStateException("cannot get a token from " + tokenEndpoint, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while getting a token", e);
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}

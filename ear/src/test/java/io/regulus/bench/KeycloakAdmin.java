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
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The bench stack's Keycloak admin API, for the users a benchmark needs: a tenant member is a user
 * in the group {@code /tenants/<tenant>/<role>} (docs/identity.md), so a benchmark that reads a
 * tenant's data creates one. The master realm's bootstrap admin (admin/admin, as the stack starts
 * Keycloak) signs the calls.
 */
final class KeycloakAdmin {

  private final HttpClient http;
  private final String keycloakUrl;
  private final ObjectMapper json = new ObjectMapper();

  KeycloakAdmin(HttpClient http, String keycloakUrl) {
    this.http = http;
    this.keycloakUrl = keycloakUrl;
  }

  /**
   * Creates {@code username} (password {@link OperatorToken#PASSWORD}) as a member of {@code
   * groupPath}, creating the group and its parents when missing; a user left by an earlier run on
   * the same Keycloak is reused.
   */
  void createMember(String username, String groupPath) {
    String token = adminToken();
    Map<String, Object> user =
        Map.of(
            "username",
            username,
            "enabled",
            true,
            "email",
            username + "@bench.example",
            "emailVerified",
            true,
            "firstName",
            "Bench",
            "lastName",
            "User",
            "credentials",
            List.of(
                Map.of("type", "password", "value", OperatorToken.PASSWORD, "temporary", false)));
    HttpResponse<String> created = send(token, "POST", "/users", user);
    if (created.statusCode() != 201 && created.statusCode() != 409) {
      throw new IllegalStateException(
          "creating user "
              + username
              + " answered "
              + created.statusCode()
              + ": "
              + created.body());
    }
    String userId =
        read(expect(
                send(token, "GET", "/users?exact=true&username=" + encode(username), null), 200))
            .path(0)
            .path("id")
            .asText();
    expect(
        send(token, "PUT", "/users/" + userId + "/groups/" + ensureGroup(token, groupPath), null),
        204);
  }

  /** The id of the group at {@code path}, created with its parents when missing. */
  private String ensureGroup(String token, String path) {
    HttpResponse<String> found = send(token, "GET", "/group-by-path" + path, null);
    if (found.statusCode() == 200) {
      return read(found).path("id").asText();
    }
    int split = path.lastIndexOf('/');
    String parent = split == 0 ? null : ensureGroup(token, path.substring(0, split));
    HttpResponse<String> created =
        send(
            token,
            "POST",
            parent == null ? "/groups" : "/groups/" + parent + "/children",
            Map.of("name", path.substring(split + 1)));
    if (!Set.of(201, 409).contains(created.statusCode())) {
      throw new IllegalStateException(
          "creating group " + path + " answered " + created.statusCode() + ": " + created.body());
    }
    return read(expect(send(token, "GET", "/group-by-path" + path, null), 200)).path("id").asText();
  }

  private String adminToken() {
    String form = "grant_type=password&client_id=admin-cli&username=admin&password=admin";
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create(keycloakUrl + "/realms/master/protocol/openid-connect/token"))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build();
    return read(expect(exchange(request), 200)).path("access_token").asText();
  }

  private HttpResponse<String> send(String token, String method, String path, Object body) {
    try {
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(keycloakUrl + "/admin/realms/regulus" + path))
              .timeout(Duration.ofSeconds(30))
              .header("Authorization", "Bearer " + token)
              .header("Content-Type", "application/json")
              .method(
                  method,
                  body == null
                      ? HttpRequest.BodyPublishers.noBody()
                      : HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
              .build();
      return exchange(request);
    } catch (IOException e) {
      throw new IllegalStateException("cannot write the body of " + method + " " + path, e);
    }
  }

  private HttpResponse<String> exchange(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(request.method() + " " + request.uri() + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted: " + request.method() + " " + request.uri(), e);
    }
  }

  private static HttpResponse<String> expect(HttpResponse<String> response, int status) {
    if (response.statusCode() != status) {
      throw new IllegalStateException(
          response.request().method()
              + " "
              + response.request().uri()
              + " answered "
              + response.statusCode()
              + ": "
              + response.body());
    }
    return response;
  }

  private JsonNode read(HttpResponse<String> response) {
    try {
      return json.readTree(response.body());
    } catch (IOException e) {
      throw new IllegalStateException(
          "not JSON from " + response.request().uri() + ": " + response.body(), e);
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}

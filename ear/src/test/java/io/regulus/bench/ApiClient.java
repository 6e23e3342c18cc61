package io.regulus.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * JSON calls to {@code /api/v1} as one user: untimed ones that build a benchmark's data, where any status but the
 * expected one stops the run with the server's answer, and timed GETs, measured by the client from sending the
 * request to reading the whole body. The token is fetched before the clock starts.
 */
final class ApiClient {

  /** One timed request: its duration and the size of the body read. */
  record Timed(long nanos, int bytes) {}

  private final HttpClient http;
  private final String apiUrl;
  private final OperatorToken token;
  private final ObjectMapper json = new ObjectMapper();

  ApiClient(HttpClient http, String baseUrl, OperatorToken token) {
    this.http = http;
    this.apiUrl = baseUrl + "/api/v1";
    this.token = token;
  }

  JsonNode get(String path) {
    return read(path, exchange(request("GET", path, null), 200));
  }

  JsonNode post(String path, Object body) {
    return read(path, exchange(request("POST", path, body), 201));
  }

  /** A change sent with the ETag the caller read ({@code If-Match}). */
  JsonNode patch(String path, Object body, String ifMatch) {
    HttpRequest request = HttpRequest.newBuilder(request("PATCH", path, body), (name, value) -> true)
        .header("If-Match", ifMatch)
        .build();
    return read(path, exchange(request, 200));
  }

  /** A GET answered 200, timed from sending to the body's last byte. */
  Timed timedGet(String path) {
    HttpRequest request = request("GET", path, null);
    try {
      long began = System.nanoTime();
      HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
      long elapsed = System.nanoTime() - began;
      if (response.statusCode() != 200) {
        throw new IllegalStateException(
            "GET " + path + " answered " + response.statusCode() + ": " + new String(response.body()));
      }
      return new Timed(elapsed, response.body().length);
    } catch (IOException e) {
      throw new IllegalStateException("GET " + path + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted: GET " + path, e);
    }
  }

  private HttpRequest request(String method, String path, Object body) {
    HttpRequest.BodyPublisher publisher;
    try {
      publisher = body == null ? HttpRequest.BodyPublishers.noBody()
          : HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body));
    } catch (IOException e) {
      throw new IllegalStateException("cannot write the body of " + method + " " + path, e);
    }
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(apiUrl + path))
            .timeout(Duration.ofMinutes(2))
            .header("Authorization", "Bearer " + token.get())
            .header("Accept", "application/json")
            .method(method, publisher);
    return body == null ? builder.build() : builder.header("Content-Type", "application/json").build();
  }

  private HttpResponse<String> exchange(HttpRequest request, int status) {
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != status) {
        throw new IllegalStateException(request.method() + " " + request.uri() + " answered "
            + response.statusCode() + " (expected " + status + "): " + response.body());
      }
      return response;
    } catch (IOException e) {
      throw new IllegalStateException(request.method() + " " + request.uri() + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted: " + request.method() + " " + request.uri(), e);
    }
  }

  private JsonNode read(String path, HttpResponse<String> response) {
    try {
      return json.readTree(response.body());
    } catch (IOException e) {
      throw new IllegalStateException("not JSON from " + path + ": " + response.body(), e);
    }
  }
}

package io.regulus.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * JSON calls to {@code /api/v1} as one user: untimed ones that build a benchmark's data, where any
 * status but the expected one stops the run with the server's answer, and timed ones, measured by
 * the client from sending the request to reading the whole body. The token is fetched before the
 * clock starts.
 */
final class ApiClient {

  /** One timed request: its duration and the size of the body read. */
  record Timed(long nanos, int bytes) {}

  /**
   * One answer, whatever its status, with its ETag header (or null) and its time from sending to
   * the last byte.
   */
  record Answer(int status, String etag, byte[] body, long nanos) {
    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  private static final Duration TIMEOUT = Duration.ofMinutes(2);

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
    return expect("GET", path, null, null, 200);
  }

  JsonNode post(String path, Object body) {
    return expect("POST", path, body, null, 201);
  }

  /** A file as the body of a POST that starts a job (202). */
  JsonNode postFile(String path, byte[] file) {
    return expect("POST", path, file, null, 202);
  }

  /** A POST without a body that starts a job (202). */
  JsonNode postStarted(String path) {
    return expect("POST", path, null, null, 202);
  }

  /** A POST that answers 200 (an action, not a created resource). */
  JsonNode postForResult(String path, Object body) {
    return expect("POST", path, body, null, 200);
  }

  /** A change sent with the ETag the caller read ({@code If-Match}). */
  JsonNode patch(String path, Object body, String ifMatch) {
    return expect("PATCH", path, body, ifMatch, 200);
  }

  /** A GET answered 200, timed from sending to the body's last byte. */
  Timed timedGet(String path) {
    Answer answer = expected("GET", path, null, null, 200);
    return new Timed(answer.nanos(), answer.body().length);
  }

  /**
   * One request, timed, its status left to the caller; {@code ifMatch} is sent when not null. The
   * token is fetched and the body written before the clock starts.
   */
  Answer exchange(String method, String path, Object body, String ifMatch, Duration timeout)
      throws IOException, InterruptedException {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(apiUrl + path))
            .timeout(timeout)
            .header("Authorization", "Bearer " + token.get())
            .header("Accept", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : body instanceof byte[] bytes
                        ? HttpRequest.BodyPublishers.ofByteArray(bytes)
                        : HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
    if (body != null) {
      builder.header(
          "Content-Type", body instanceof byte[] ? "application/octet-stream" : "application/json");
    }
    if (ifMatch != null) {
      builder.header("If-Match", ifMatch);
    }
    HttpRequest request = builder.build();
    long began = System.nanoTime();
    HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    long elapsed = System.nanoTime() - began;
    return new Answer(
        response.statusCode(),
        response.headers().firstValue("ETag").orElse(null),
        response.body(),
        elapsed);
  }

  JsonNode read(String path, Answer answer) {
    try {
      return json.readTree(answer.body());
    } catch (IOException e) {
      throw new IllegalStateException("not JSON from " + path + ": " + answer.text(), e);
    }
  }

  private JsonNode expect(String method, String path, Object body, String ifMatch, int status) {
    return read(path, expected(method, path, body, ifMatch, status));
  }

  private Answer expected(String method, String path, Object body, String ifMatch, int status) {
    try {
      Answer answer = exchange(method, path, body, ifMatch, TIMEOUT);
      if (answer.status() != status) {
        throw new IllegalStateException(
            method
                + " "
                + apiUrl
                + path
                + " answered "
                + answer.status()
                + " (expected "
                + status
                + "): "
                + answer.text());
      }
      return answer;
    } catch (IOException e) {
      throw new IllegalStateException(method + " " + apiUrl + path + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted: " + method + " " + apiUrl + path, e);
    }
  }
}

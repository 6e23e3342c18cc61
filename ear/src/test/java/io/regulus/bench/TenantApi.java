package io.regulus.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

/**
 * {@code POST /api/v1/platform/tenants}, timed from sending the request to reading the whole
 * answer. Only a 201 whose tenant is ACTIVE counts: a 200 means the slug existed (the benchmark
 * needs a fresh database).
 */
final class TenantApi {

  private final HttpClient http;
  private final String baseUrl;
  private final OperatorToken token;

  TenantApi(HttpClient http, String baseUrl, OperatorToken token) {
    this.http = http;
    this.baseUrl = baseUrl;
    this.token = token;
  }

  /** Provisions one tenant and returns the request's duration in nanoseconds. */
  long provision(String slug) {
    return provision(slug, null);
  }

  /**
   * Provisions one tenant, a client of {@code firm} when not null, and returns the request's
   * duration in nanoseconds.
   */
  long provision(String slug, String firm) {
    String body =
        "{\"slug\":\""
            + slug
            + "\",\"displayName\":\"Benchmark tenant "
            + slug
            + "\""
            + (firm == null ? "" : ",\"firm\":\"" + firm + "\"")
            + "}";
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/platform/tenants"))
            .timeout(Duration.ofMinutes(2))
            .header("Authorization", "Bearer " + token.get())
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    try {
      long began = System.nanoTime();
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      long elapsed = System.nanoTime() - began;
      if (response.statusCode() != 201 || !response.body().contains("\"ACTIVE\"")) {
        throw new IllegalStateException(
            "provisioning " + slug + " answered " + response.statusCode() + ": " + response.body());
      }
      return elapsed;
    } catch (IOException e) {
      throw new IllegalStateException("provisioning " + slug + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while provisioning " + slug, e);
    }
  }

  /**
   * Creates a consulting firm (its clients are provisioned with {@link #provision(String,
   * String)}).
   */
  void createFirm(String slug) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/platform/firms"))
            .timeout(Duration.ofMinutes(1))
            .header("Authorization", "Bearer " + token.get())
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"slug\":\"" + slug + "\"}"))
            .build();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 201) {
        throw new IllegalStateException(
            "creating firm "
                + slug
                + " answered "
                + response.statusCode()
                + ": "
                + response.body());
      }
    } catch (IOException e) {
      throw new IllegalStateException("creating firm " + slug + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating firm " + slug, e);
    }
  }

  /**
   * Waits until Liberty's health check answers 200 (the application and its start-up migrations are
   * done).
   */
  void awaitHealthy(Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(baseUrl + "/health"))
            .timeout(Duration.ofSeconds(10))
            .GET()
            .build();
    while (true) {
      try {
        if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not up yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for " + baseUrl, e);
      }
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException(
            baseUrl + "/health not 200 after " + timeout.toSeconds() + " s");
      }
      try {
        Thread.sleep(500);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for " + baseUrl, e);
      }
    }
  }
}

package io.regulus.health;

import io.regulus.settings.Settings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Keycloak serves the Regulus realm's discovery document within 3 seconds. */
@Readiness
@ApplicationScoped
public class KeycloakReadiness implements HealthCheck {

  private static final Duration TIMEOUT = Duration.ofSeconds(3);

  @Inject private Settings settings;

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

  @Override
  public HealthCheckResponse call() {
    URI discovery = URI.create(settings.realmUrl() + "/.well-known/openid-configuration");
    try {
      int status =
          http.send(
                  HttpRequest.newBuilder(discovery).timeout(TIMEOUT).GET().build(),
                  HttpResponse.BodyHandlers.discarding())
              .statusCode();
      return HealthCheckResponse.named("keycloak")
          .status(status == 200)
          .withData("status", status)
          .build();
    } catch (IOException e) {
      return HealthCheckResponse.named("keycloak").down().withData("error", "unreachable").build();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return HealthCheckResponse.named("keycloak").down().build();
    }
  }
}

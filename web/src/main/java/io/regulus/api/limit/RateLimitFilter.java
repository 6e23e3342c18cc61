package io.regulus.api.limit;

import io.regulus.api.problem.Problems;
import io.regulus.problem.ProblemKind;
import io.regulus.settings.Settings;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.time.Duration;
import java.util.List;

/**
 * The request rate limit of each API caller (OWASP API4), checked before anything else of the
 * request runs, unknown paths included: over the limit, a 429 problem with {@code Retry-After} in
 * whole seconds. A caller is the token's subject; a request without a verified token (which web.xml
 * does not let through today) counts against its client address. Configured by {@code
 * REGULUS_RATE_LIMIT_*} (Settings); switched off, nothing is counted.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public class RateLimitFilter implements ContainerRequestFilter {

  @Inject private CallerBuckets buckets;
  @Context private HttpServletRequest servletRequest;

  @Override
  public void filter(ContainerRequestContext request) {
    buckets
        .take(caller())
        .ifPresent(wait -> request.abortWith(tooMany(wait, buckets.limit().orElseThrow())));
  }

  private String caller() {
    var principal = servletRequest.getUserPrincipal();
    return principal != null && principal.getName() != null
        ? "subject:" + principal.getName()
        : "address:" + servletRequest.getRemoteAddr();
  }

  static Response tooMany(Duration wait, Settings.RateLimit limit) {
    long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
    return Response.fromResponse(
            Problems.response(
                ProblemKind.TOO_MANY_REQUESTS,
                "You sent more than "
                    + limit.requests()
                    + " requests in "
                    + limit.window().toSeconds()
                    + " s, the most one caller may send. Wait "
                    + seconds
                    + " s (Retry-After) and send this request again.",
                List.of()))
        .header(HttpHeaders.RETRY_AFTER, seconds)
        .build();
  }
}

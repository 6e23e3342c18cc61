package io.regulus.api.history;

import io.regulus.access.Permission;
import io.regulus.access.Requires;
import io.regulus.api.security.RequestContext;
import io.regulus.history.ScoreHistoryService;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** A tenant's score trend, from the snapshots the score recomputation recorded. */
@Path("/tenants/{tenant}/score-history")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ScoreHistoryResource {

  @PathParam("tenant")
  @Parameter(description = "The tenant's slug, e.g. acme")
  String tenant;

  @EJB private ScoreHistoryService history;
  @Inject private RequestContext context;

  @GET
  @Requires(Permission.READ_TENANT)
  public ScoreTrendView trend(
      @QueryParam("from") @Parameter(description = "The first day, e.g. 2026-11-01") LocalDate from,
      @QueryParam("to") @Parameter(description = "The last day, e.g. 2026-11-30") LocalDate to) {
    return ScoreTrendView.of(history.trend(context.tenantCaller(), from, to));
  }
}

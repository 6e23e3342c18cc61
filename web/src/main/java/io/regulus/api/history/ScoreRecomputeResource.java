package io.regulus.api.history;

import io.regulus.access.Permission;
import io.regulus.access.Requires;
import io.regulus.api.security.RequestContext;
import io.regulus.history.RecomputeSchedule;
import io.regulus.history.ScoreRecompute;
import io.regulus.history.ScoreRecomputeService;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * The score recomputation, for platform operators: start the recording of a day's snapshots of
 * every active tenant (202, Location its status; 409 while a run is going), follow a run (a failed
 * one says why), restart a failed or stopped one (202, Location the new run), and see the nightly
 * schedule.
 */
@Path("/platform/score-recomputes")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ScoreRecomputeResource {

  @EJB private ScoreRecomputeService recomputes;
  @Inject private RequestContext context;

  @APIResponse(
      responseCode = "202",
      description = "The run, started; Location is its status",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ScoreRecompute.class)))
  @POST
  @Requires(Permission.OPERATE_PLATFORM)
  public Response start(
      @QueryParam("day")
          @Parameter(description = "The day to record, e.g. 2026-12-06; today (UTC) when left out")
          LocalDate day,
      @Context UriInfo uri) {
    ScoreRecompute started = recomputes.start(context.caller(), day);
    return Response.accepted(started)
        .location(uri.getAbsolutePathBuilder().path(Long.toString(started.executionId())).build())
        .build();
  }

  @APIResponse(
      responseCode = "202",
      description = "The run restarted as a new execution; Location is its status",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ScoreRecompute.class)))
  @APIResponse(responseCode = "409", description = "The run is neither FAILED nor STOPPED")
  @POST
  @Path("{executionId}/restart")
  @Requires(Permission.OPERATE_PLATFORM)
  public Response restart(@PathParam("executionId") long executionId, @Context UriInfo uri) {
    ScoreRecompute restarted = recomputes.restart(context.caller(), executionId);
    return Response.accepted(restarted)
        .location(
            uri.getBaseUriBuilder()
                .path(ScoreRecomputeResource.class)
                .path(Long.toString(restarted.executionId()))
                .build())
        .build();
  }

  @GET
  @Path("schedule")
  @Requires(Permission.OPERATE_PLATFORM)
  public RecomputeSchedule schedule() {
    return recomputes.schedule(context.caller());
  }

  @GET
  @Path("{executionId}")
  @Requires(Permission.OPERATE_PLATFORM)
  public ScoreRecompute get(@PathParam("executionId") long executionId) {
    return recomputes.recompute(context.caller(), executionId);
  }
}

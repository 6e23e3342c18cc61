package io.regulus.api.report;

import io.regulus.access.Permission;
import io.regulus.access.Requires;
import io.regulus.api.security.RequestContext;
import io.regulus.report.ReportBuild;
import io.regulus.report.ReportBuildService;
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
 * The reports job, for platform operators: start the build of a day's reports of every active
 * tenant and firm (202, Location its status), and follow a run.
 */
@Path("/platform/report-builds")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ReportBuildResource {

  @EJB private ReportBuildService builds;
  @Inject private RequestContext context;

  @APIResponse(
      responseCode = "202",
      description = "The run, started; Location is its status",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ReportBuild.class)))
  @POST
  @Requires(Permission.OPERATE_PLATFORM)
  public Response start(
      @QueryParam("day")
          @Parameter(
              description =
                  "The day whose reports to build, e.g. 2026-12-06; today (UTC) when left out")
          LocalDate day,
      @Context UriInfo uri) {
    ReportBuild started = builds.start(context.caller(), day);
    return Response.accepted(started)
        .location(uri.getAbsolutePathBuilder().path(Long.toString(started.executionId())).build())
        .build();
  }

  @GET
  @Path("{executionId}")
  @Requires(Permission.OPERATE_PLATFORM)
  public ReportBuild get(@PathParam("executionId") long executionId) {
    return builds.build(context.caller(), executionId);
  }
}

package io.regulus.api.jobs;

import io.regulus.access.Permission;
import io.regulus.access.Requires;
import io.regulus.api.paging.ListPage;
import io.regulus.api.paging.PageParams;
import io.regulus.api.security.RequestContext;
import io.regulus.jobs.JobRun;
import io.regulus.jobs.JobRunDetail;
import io.regulus.jobs.JobService;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
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
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * The platform's batch jobs, for operators: the executions of every job (newest first, by job and
 * status), one in detail (steps, partitions, progress, the failure reason, what may be done with it
 * now), a score recomputation started by hand (202, Location its detail), and an execution stopped,
 * restarted (202, Location the new execution) or abandoned.
 */
@Path("/platform/jobs")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class JobResource {

  @EJB private JobService jobs;
  @Inject private RequestContext context;
  @Inject private ListPage page;

  @GET
  @Requires(Permission.OPERATE_PLATFORM)
  public List<JobRun> list(
      @QueryParam("job")
          @Parameter(description = "only this job's executions, e.g. score-recompute")
          String job,
      @QueryParam("status")
          @Parameter(description = "only executions in this batch status, e.g. FAILED")
          String status,
      @BeanParam PageParams params) {
    return page.of(jobs.runs(context.caller(), job, status, params.request()));
  }

  @GET
  @Path("executions/{executionId}")
  @Requires(Permission.OPERATE_PLATFORM)
  public JobRunDetail get(@PathParam("executionId") long executionId) {
    return jobs.detail(context.caller(), executionId);
  }

  @APIResponse(
      responseCode = "202",
      description = "The execution, started; Location is its detail",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = JobRun.class)))
  @POST
  @Path("{name}/executions")
  @Requires(Permission.OPERATE_PLATFORM)
  public Response start(
      @PathParam("name") @Parameter(description = "the job; only score-recompute starts by hand")
          String name,
      @QueryParam("day")
          @Parameter(description = "The day to record, e.g. 2026-12-06; today (UTC) when left out")
          LocalDate day,
      @Context UriInfo uri) {
    JobRun started = jobs.start(context.caller(), name, day);
    return Response.accepted(started).location(detail(uri, started.id())).build();
  }

  @POST
  @Path("executions/{executionId}/stop")
  @Requires(Permission.OPERATE_PLATFORM)
  public JobRunDetail stop(@PathParam("executionId") long executionId) {
    return jobs.stop(context.caller(), executionId);
  }

  @APIResponse(
      responseCode = "202",
      description = "The new execution, started; Location is its detail",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = JobRunDetail.class)))
  @POST
  @Path("executions/{executionId}/restart")
  @Requires(Permission.OPERATE_PLATFORM)
  public Response restart(@PathParam("executionId") long executionId, @Context UriInfo uri) {
    JobRunDetail restarted = jobs.restart(context.caller(), executionId);
    return Response.accepted(restarted).location(detail(uri, restarted.run().id())).build();
  }

  @POST
  @Path("executions/{executionId}/abandon")
  @Requires(Permission.OPERATE_PLATFORM)
  public JobRunDetail abandon(@PathParam("executionId") long executionId) {
    return jobs.abandon(context.caller(), executionId);
  }

  private static URI detail(UriInfo uri, long executionId) {
    return uri.getBaseUriBuilder()
        .path(JobResource.class)
        .path("executions")
        .path(Long.toString(executionId))
        .build();
  }
}

package io.regulus.api.testsweep;

import io.regulus.access.Permission;
import io.regulus.access.Requires;
import io.regulus.api.security.RequestContext;
import io.regulus.signal.TestSweep;
import io.regulus.signal.TestSweepService;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * An operator's sweep of every active tenant's automatic tests: start one now (202, Location its
 * status) and follow any sweep.
 */
@Path("/platform/test-sweeps")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class PlatformTestSweepResource {

  @EJB private TestSweepService sweeps;
  @Inject private RequestContext context;

  @APIResponse(
      responseCode = "202",
      description = "The sweep of every active tenant, started; Location is its status",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = TestSweep.class)))
  @POST
  @Requires(Permission.OPERATE_PLATFORM)
  public Response start(@Context UriInfo uri) {
    TestSweep started = sweeps.startAll(context.caller());
    return Response.accepted(started)
        .location(uri.getAbsolutePathBuilder().path(Long.toString(started.executionId())).build())
        .build();
  }

  @GET
  @Path("{executionId}")
  @Requires(Permission.OPERATE_PLATFORM)
  public TestSweep get(@PathParam("executionId") long executionId) {
    return sweeps.sweep(context.caller(), executionId);
  }
}

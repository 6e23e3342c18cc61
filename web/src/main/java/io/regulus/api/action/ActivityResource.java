package io.regulus.api.action;

import io.regulus.action.ActionService;
import io.regulus.action.ActivityEntry;
import io.regulus.api.security.Access;
import io.regulus.api.security.RequestContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The tenant's activity feed: every change of every action, the newest first, page by page. */
@Path("/tenants/{tenant}/activity")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ActivityResource {

  @PathParam("tenant")
  @Parameter(description = "The tenant's slug, e.g. acme")
  String tenant;

  @EJB private ActionService actions;
  @Inject private RequestContext context;

  @GET
  @Access(Access.Scope.TENANT)
  public List<ActivityEntry> recent(
      @QueryParam("before") @Parameter(description = "Only entries older than this entry id (the next page)")
      Long before,
      @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit) {
    return actions.activity(context.tenant(), before, limit);
  }
}

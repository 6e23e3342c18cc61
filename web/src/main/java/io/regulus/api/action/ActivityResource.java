package io.regulus.api.action;

import io.regulus.access.Permission;
import io.regulus.access.Requires;
import io.regulus.action.ActionService;
import io.regulus.action.HistoryTables;
import io.regulus.api.security.RequestContext;
import io.regulus.paging.PageRequest;
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
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The tenant's activity feed: every change of every action, the newest first, page by page; CSV or
 * XLSX too.
 */
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
  @Produces({MediaType.APPLICATION_JSON, "text/csv", Exports.XLSX})
  @Requires(Permission.READ_TENANT)
  public Response recent(
      @QueryParam("before")
          @Parameter(description = "Only entries older than this entry id (the next page)")
          Long before,
      @QueryParam("limit")
          @DefaultValue("50")
          @Min(1)
          @Max(PageRequest.MAX_SIZE)
          @Parameter(description = "At most this many entries, 1 to " + PageRequest.MAX_SIZE)
          int limit,
      @QueryParam("format") @DefaultValue("json") @Parameter(description = "json, csv or xlsx")
          String format) {
    return Exports.of(
        format,
        "activity-" + tenant,
        actions.activity(context.tenantCaller(), before, limit),
        HistoryTables::activity);
  }
}

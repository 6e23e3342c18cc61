package io.regulus.api.alert;

import io.regulus.access.Permission;
import io.regulus.access.Requires;
import io.regulus.alert.AlertService;
import io.regulus.alert.AlertStatus;
import io.regulus.alert.Severity;
import io.regulus.api.paging.ListPage;
import io.regulus.api.paging.PageParams;
import io.regulus.api.security.RequestContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * A tenant's alerts: every member reads them, newest first, filtered by status and severity; admins
 * and assessors move one along its statuses with a comment (409 naming the statuses it may move
 * to).
 */
@Path("/tenants/{tenant}/alerts")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AlertResource {

  @PathParam("tenant")
  @Parameter(description = "The tenant's slug, e.g. acme")
  String tenant;

  @EJB private AlertService alerts;
  @Inject private RequestContext context;
  @Inject private ListPage page;

  @GET
  @Requires(Permission.READ_TENANT)
  public List<AlertView> list(
      @QueryParam("status") @Parameter(description = "ACTIVE, INVESTIGATING, RESOLVED, DISMISSED")
          String status,
      @QueryParam("severity") @Parameter(description = "LOW, MEDIUM, HIGH") String severity,
      @BeanParam PageParams params) {
    return page
        .of(
            alerts.list(
                context.tenantCaller(),
                AlertStatus.parse(status, "status"),
                Severity.parse(severity, "severity"),
                params.request()))
        .stream()
        .map(AlertView::of)
        .toList();
  }

  @GET
  @Path("{id}")
  @Requires(Permission.READ_TENANT)
  public AlertView get(@PathParam("id") long id) {
    return AlertView.of(alerts.get(context.tenantCaller(), id));
  }

  @POST
  @Path("{id}/status")
  @Consumes(MediaType.APPLICATION_JSON)
  @Requires(Permission.WORK_ALERTS)
  public AlertView changeStatus(@PathParam("id") long id, @NotNull AlertStatusRequest request) {
    return AlertView.of(
        alerts.changeStatus(
            context.tenantCaller(),
            id,
            AlertStatus.parse(request.status(), "status"),
            request.comment()));
  }
}

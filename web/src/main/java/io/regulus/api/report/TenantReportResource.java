package io.regulus.api.report;

import io.regulus.access.Permission;
import io.regulus.access.Requires;
import io.regulus.api.paging.ListPage;
import io.regulus.api.paging.PageParams;
import io.regulus.api.security.RequestContext;
import io.regulus.report.ReportService;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * A tenant's reports, as the reports job stored them: the list, the latest day first, and each
 * report's file (PDF executive summary, XLSX workbook) named after the tenant and the day.
 */
@Path("/tenants/{tenant}/reports")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class TenantReportResource {

  @PathParam("tenant")
  @Parameter(description = "The tenant's slug, e.g. acme")
  String tenant;

  @EJB private ReportService reports;
  @Inject private RequestContext context;
  @Inject private ListPage page;

  @GET
  @Requires(Permission.READ_REPORTS)
  public List<ReportView> list(@BeanParam PageParams params) {
    String base = "/api/v1/tenants/" + tenant + "/reports";
    return page.of(reports.reports(context.tenantCaller()), params).stream()
        .map(report -> ReportView.of(report, base))
        .toList();
  }

  @GET
  @Path("{id}")
  @Produces(MediaType.WILDCARD)
  @Requires(Permission.READ_REPORTS)
  public Response download(@PathParam("id") long id) {
    return Downloads.of(reports.report(context.tenantCaller(), id));
  }
}

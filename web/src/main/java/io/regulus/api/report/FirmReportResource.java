package io.regulus.api.report;

import io.regulus.access.Permission;
import io.regulus.access.Requires;
import io.regulus.api.paging.ListPage;
import io.regulus.api.paging.PageParams;
import io.regulus.api.security.RequestContext;
import io.regulus.report.ReportService;
import io.regulus.tenancy.FirmSlug;
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

/** A firm's portfolio reports (PDF), the latest day first, each downloadable. */
@Path("/firms/{firm}/reports")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class FirmReportResource {

  @PathParam("firm")
  @Parameter(description = "The firm's slug, e.g. northwind")
  String firm;

  @EJB private ReportService reports;
  @Inject private RequestContext context;
  @Inject private ListPage page;

  @GET
  @Requires(Permission.READ_FIRM_REPORTS)
  public List<ReportView> list(@BeanParam PageParams params) {
    String base = "/api/v1/firms/" + firm + "/reports";
    return page.of(reports.firmReports(context.caller(), new FirmSlug(firm)), params).stream()
        .map(report -> ReportView.of(report, base))
        .toList();
  }

  @GET
  @Path("{id}")
  @Produces(MediaType.WILDCARD)
  @Requires(Permission.READ_FIRM_REPORTS)
  public Response download(@PathParam("id") long id) {
    return Downloads.of(reports.firmReport(context.caller(), new FirmSlug(firm), id));
  }
}

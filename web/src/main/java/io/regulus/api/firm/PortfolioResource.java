package io.regulus.api.firm;

import io.regulus.access.Permission;
import io.regulus.access.Requires;
import io.regulus.api.security.RequestContext;
import io.regulus.portfolio.PortfolioService;
import io.regulus.tenancy.FirmSlug;
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

/**
 * A consulting firm's portfolio: every active client the caller reaches, with its score, achieved
 * and possible points, overdue actions and biggest gaps as they are now (docs/scoring.md); and the
 * same clients by their recorded snapshots over a range of days, with their 7- and 30-day change
 * and the firm's figures per day (docs/history.md).
 */
@Path("/firms/{firm}/portfolio")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class PortfolioResource {

  /** The firm, already checked against the caller's token by the access filter. */
  @PathParam("firm")
  @Parameter(description = "The firm's slug, e.g. northwind")
  String firm;

  @EJB private PortfolioService portfolio;
  @Inject private RequestContext context;

  @GET
  @Requires(Permission.VIEW_FIRM_CLIENTS)
  public PortfolioView portfolio() {
    return PortfolioView.of(portfolio.portfolio(context.caller(), new FirmSlug(firm)));
  }

  @GET
  @Path("history")
  @Requires(Permission.VIEW_FIRM_CLIENTS)
  public PortfolioHistoryView history(
      @QueryParam("from") @Parameter(description = "The first day, e.g. 2026-11-01") LocalDate from,
      @QueryParam("to") @Parameter(description = "The last day, e.g. 2026-11-30") LocalDate to) {
    return PortfolioHistoryView.of(
        portfolio.history(context.caller(), new FirmSlug(firm), from, to));
  }
}

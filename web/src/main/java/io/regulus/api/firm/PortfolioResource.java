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
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * A consulting firm's portfolio: every active client the caller reaches, with its score, achieved
 * and possible points, overdue actions and biggest gaps (docs/scoring.md). The trend over time
 * comes with the nightly score history.
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
}

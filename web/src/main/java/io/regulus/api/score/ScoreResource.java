package io.regulus.api.score;

import io.regulus.access.Permission;
import io.regulus.access.Requires;
import io.regulus.api.security.RequestContext;
import io.regulus.paging.PageRequest;
import io.regulus.scoring.ScoreFilter;
import io.regulus.scoring.ScoreService;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * A tenant's risk-weighted compliance score (docs/scoring.md): the dashboard, any filtered score
 * with its explanation down to the actions and points, and the what-if of completing each open
 * action. Every member reads them.
 */
@Path("/tenants/{tenant}")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ScoreResource {

  @PathParam("tenant")
  @Parameter(description = "The tenant's slug, e.g. acme")
  String tenant;

  @EJB private ScoreService scores;
  @Inject private RequestContext context;

  /** The filter of a score, from the query; every criterion is optional. */
  public static class FilterParams {
    @QueryParam("regulation")
    @Parameter(description = "Only actions of assessments of this regulation")
    String regulation;

    @QueryParam("category")
    @Parameter(description = "Only actions of this category, e.g. Control access")
    String category;

    @QueryParam("solution")
    @Parameter(description = "Only actions done with this solution")
    String solution;

    @QueryParam("type")
    @Parameter(description = "TECHNICAL, OPERATIONAL or DOCUMENTATION")
    String type;

    @QueryParam("group")
    @Parameter(description = "Only actions of this assessment group's assessments")
    String group;

    @QueryParam("managedBy")
    @Parameter(description = "CUSTOMER or PROVIDER")
    String managedBy;

    ScoreFilter filter() {
      return ScoreFilter.of(regulation, category, solution, type, group, managedBy);
    }
  }

  @GET
  @Path("dashboard")
  @Requires(Permission.READ_TENANT)
  public DashboardView dashboard(
      @QueryParam("keyActions")
          @DefaultValue("10")
          @Min(0)
          @Max(100)
          @Parameter(description = "How many key improvement actions to list (0..100)")
          int keyActions) {
    return DashboardView.of(scores.dashboard(context.tenantCaller(), keyActions));
  }

  @GET
  @Path("scores")
  @Requires(Permission.READ_TENANT)
  public ExplanationView score(@BeanParam FilterParams params) {
    return ExplanationView.of(scores.explain(context.tenantCaller(), params.filter()));
  }

  @GET
  @Path("scores/what-if")
  @Requires(Permission.READ_TENANT)
  public List<ImpactView> whatIf(
      @BeanParam FilterParams params,
      @QueryParam("limit")
          @DefaultValue("20")
          @Min(1)
          @Max(PageRequest.MAX_SIZE)
          @Parameter(description = "How many open actions to list, the biggest impact first")
          int limit) {
    return scores.whatIf(context.tenantCaller(), params.filter(), limit).stream()
        .map(ImpactView::of)
        .toList();
  }
}

package io.regulus.api.action;

import io.regulus.access.Permission;
import io.regulus.access.Requires;
import io.regulus.action.ActionInstance;
import io.regulus.action.ActionService;
import io.regulus.action.AutomaticTestService;
import io.regulus.action.BulkUpdateService;
import io.regulus.action.HistoryTables;
import io.regulus.action.ServedControl;
import io.regulus.api.paging.ListPage;
import io.regulus.api.paging.PageParams;
import io.regulus.api.security.RequestContext;
import io.regulus.directory.AssignmentPurpose;
import io.regulus.problem.DomainException;
import io.regulus.problem.InvalidInputException;
import io.regulus.problem.ProblemKind;
import io.regulus.problem.Violation;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * A tenant's improvement action instances: one per tenant for technical and provider-managed
 * actions, one per assessment group for customer operational and documentation actions. Members
 * read them; contributors, assessors and admins change them within their role, sending the ETag
 * they read in If-Match; admins assign them.
 */
@Path("/tenants/{tenant}/actions")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ActionResource {

  @PathParam("tenant")
  @Parameter(description = "The tenant's slug, e.g. acme")
  String tenant;

  @EJB private ActionService actions;
  @EJB private BulkUpdateService workbooks;
  @Inject private RequestContext context;
  @Inject private ListPage historyPage;
  @Inject private ListPage signalPage;
  @EJB private AutomaticTestService automaticTests;

  @GET
  @Requires(Permission.READ_TENANT)
  public ActionPageView list(
      @BeanParam ActionQuery query,
      @QueryParam("sort") @Parameter(description = "e.g. -points,dueDate (default -points,key)")
          String sort,
      @BeanParam PageParams params,
      @QueryParam("groupBy")
          @Parameter(
              description =
                  "Count the listed actions by implementationStatus,"
                      + " testStatus, category, solution, type, assignee, priority, group, testingSource or regulation")
          String groupBy) {
    var caller = context.tenantCaller();
    var page = params.request();
    return ActionPageView.of(
        actions.list(
            caller,
            query.filter(caller.id()),
            sort,
            page.page(),
            page.size(),
            ActionQuery.blank(groupBy)));
  }

  @GET
  @Path("workbook")
  @Produces(Exports.XLSX)
  @Requires(Permission.READ_TENANT)
  public Response workbook(@BeanParam ActionQuery query) {
    var caller = context.tenantCaller();
    var filter = query.filter(caller.id());
    StreamingOutput body = out -> workbooks.export(caller, filter, out);
    return Exports.file(body, Exports.XLSX, Exports.actionsWorkbook(tenant));
  }

  @POST
  @Path("workbook/preview")
  @Consumes({Exports.XLSX, MediaType.APPLICATION_OCTET_STREAM})
  @Requires(Permission.WORK_ON_ACTIONS)
  public BulkOutcomeView preview(InputStream workbook) {
    return BulkOutcomeView.of(workbooks.preview(context.tenantCaller(), workbook));
  }

  @POST
  @Path("workbook")
  @Consumes({Exports.XLSX, MediaType.APPLICATION_OCTET_STREAM})
  @Requires(Permission.WORK_ON_ACTIONS)
  public BulkOutcomeView apply(InputStream workbook) {
    return BulkOutcomeView.of(workbooks.apply(context.tenantCaller(), workbook));
  }

  @GET
  @Path("{id}")
  @Requires(Permission.READ_TENANT)
  public Response get(@PathParam("id") long id) {
    ActionInstance instance = actions.get(context.tenantCaller(), id);
    AutomaticTestView automatic =
        automaticTests.of(context.tenantCaller(), id).map(AutomaticTestView::of).orElse(null);
    return Response.ok(ActionView.of(instance, automatic))
        .header(HttpHeaders.ETAG, ActionView.etag(instance))
        .build();
  }

  @PATCH
  @Path("{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Requires(Permission.WORK_ON_ACTIONS)
  public Response change(
      @PathParam("id") long id,
      @HeaderParam(HttpHeaders.IF_MATCH)
          @Parameter(description = "The ETag of the action as you read it")
          String ifMatch,
      @Valid @NotNull ActionRequest request) {
    ActionInstance changed =
        actions.update(context.tenantCaller(), id, version(ifMatch), request.toUpdate());
    return Response.ok(ActionView.of(changed))
        .header(HttpHeaders.ETAG, ActionView.etag(changed))
        .build();
  }

  @GET
  @Path("{id}/signals")
  @Requires(Permission.READ_TENANT)
  @Operation(
      summary =
          "The signals that decided the action's latest automatic test, newest first"
              + " (X-Total-Count and Link page through them)")
  public List<SignalView> signals(@PathParam("id") long id, @BeanParam PageParams params) {
    return signalPage
        .of(automaticTests.signals(context.tenantCaller(), id, params.request()))
        .stream()
        .map(SignalView::of)
        .toList();
  }

  @DELETE
  @Path("{id}/test-override")
  @Requires(Permission.WORK_ON_ACTIONS)
  @Operation(
      summary =
          "Withdraws the override of an automatic test (assessors and admins): the status the"
              + " sweep decided last comes back, and the next sweep sets it as usual")
  public Response withdrawOverride(@PathParam("id") long id) {
    ActionInstance changed = automaticTests.withdrawOverride(context.tenantCaller(), id);
    return Response.ok(ActionView.of(changed))
        .header(HttpHeaders.ETAG, ActionView.etag(changed))
        .build();
  }

  @GET
  @Path("{id}/controls")
  @Requires(Permission.READ_TENANT)
  @Operation(
      summary =
          "Every control the action serves, in every regulation of the assessments that need it")
  public List<ServedControl> controls(@PathParam("id") long id) {
    return actions.controls(context.tenantCaller(), id);
  }

  @GET
  @Path("{id}/history")
  @Produces({MediaType.APPLICATION_JSON, "text/csv", Exports.XLSX})
  @Requires(Permission.READ_TENANT)
  public Response history(
      @PathParam("id") long id,
      @QueryParam("format") @DefaultValue("json") @Parameter(description = "json, csv or xlsx")
          String format,
      @BeanParam PageParams params) {
    return Exports.of(
        format,
        "action-" + id + "-history",
        historyPage.of(actions.history(context.tenantCaller(), id), params),
        HistoryTables::history);
  }

  @POST
  @Path("assign")
  @Consumes(MediaType.APPLICATION_JSON)
  @Requires(Permission.ASSIGN_ACTIONS)
  public Map<String, Integer> assign(@Valid @NotNull AssignRequest request) {
    return Map.of(
        "assigned",
        actions.assign(
            context.tenantCaller(),
            request.actionIds(),
            ActionQuery.blank(request.userId()),
            AssignmentPurpose.requested(request.purpose())));
  }

  @POST
  @Path("reassign")
  @Consumes(MediaType.APPLICATION_JSON)
  @Requires(Permission.ASSIGN_ACTIONS)
  public Map<String, Integer> reassign(@Valid @NotNull ReassignRequest request) {
    return Map.of(
        "reassigned",
        actions.reassign(
            context.tenantCaller(),
            request.from(),
            request.to(),
            AssignmentPurpose.requested(request.purpose())));
  }

  /** The version an If-Match header names: {@code "12"} or {@code W/"12"}; absent is a 428. */
  static long version(String ifMatch) {
    if (ifMatch == null || ifMatch.isBlank()) {
      throw new DomainException(
          ProblemKind.PRECONDITION_REQUIRED,
          "A change needs the action's ETag in an If-Match"
              + " header, so that it cannot overwrite a change you have not seen: GET the action, then send its ETag.");
    }
    String tag = ifMatch.strip().replaceFirst("^W/", "").replace("\"", "");
    try {
      return Long.parseLong(tag);
    } catch (NumberFormatException e) {
      throw new InvalidInputException(
          new Violation(
              "If-Match",
              "an action's ETag is a quoted number such as \"3\"," + " not " + ifMatch));
    }
  }
}

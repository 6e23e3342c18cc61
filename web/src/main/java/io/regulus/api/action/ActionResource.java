package io.regulus.api.action;

import io.regulus.action.ActionChange;
import io.regulus.action.ActionFilter;
import io.regulus.action.ActionInstance;
import io.regulus.action.ActionService;
import io.regulus.action.Priority;
import io.regulus.api.security.Access;
import io.regulus.api.security.RequestContext;
import io.regulus.directory.AssignmentPurpose;
import io.regulus.identity.TenantRole;
import io.regulus.problem.DomainException;
import io.regulus.problem.InvalidInputException;
import io.regulus.problem.ProblemKind;
import io.regulus.problem.Violation;
import io.regulus.scoring.ActionType;
import io.regulus.scoring.ImplementationStatus;
import io.regulus.scoring.TestStatus;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
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
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * A tenant's improvement action instances: one per tenant for technical and provider-managed actions, one per
 * assessment group for customer operational and documentation actions. Members read them; contributors, assessors
 * and admins change them within their role, sending the ETag they read in If-Match; admins assign them.
 */
@Path("/tenants/{tenant}/actions")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ActionResource {

  @PathParam("tenant")
  @Parameter(description = "The tenant's slug, e.g. acme")
  String tenant;

  @EJB private ActionService actions;
  @Inject private RequestContext context;

  @GET
  @Access(Access.Scope.TENANT)
  public ActionPageView list(
      @QueryParam("regulation") String regulation,
      @QueryParam("assessment") Long assessment,
      @QueryParam("group") @Parameter(description = "An assessment group's id") Long group,
      @QueryParam("category") String category,
      @QueryParam("solution") String solution,
      @QueryParam("type") @Parameter(description = "TECHNICAL, OPERATIONAL or DOCUMENTATION") String type,
      @QueryParam("implementationStatus") @Parameter(description = "One or more, comma-separated")
      String implementationStatus,
      @QueryParam("testStatus") @Parameter(description = "One or more, comma-separated") String testStatus,
      @QueryParam("assignee") @Parameter(description = "A member's id, or 'me' for my actions") String assignee,
      @QueryParam("tester") @Parameter(description = "A member's id, or 'me'") String tester,
      @QueryParam("testingSource") @Parameter(description = "MANUAL, AUTOMATIC or PARENT") String testingSource,
      @QueryParam("priority") String priority,
      @QueryParam("overdue") Boolean overdue,
      @QueryParam("q") @Parameter(description = "Words in the title or key") String text,
      @QueryParam("includePassed") @DefaultValue("false")
      @Parameter(description = "Passed actions are hidden unless true") boolean includePassed,
      @QueryParam("sort") @Parameter(description = "e.g. -points,dueDate (default -points,key)") String sort,
      @QueryParam("page") @DefaultValue("0") int page,
      @QueryParam("size") @DefaultValue("50") int size,
      @QueryParam("groupBy") @Parameter(description = "Count the listed actions by implementationStatus,"
          + " testStatus, category, solution, type, assignee, priority, group, testingSource or regulation")
      String groupBy) {
    ActionFilter filter = new ActionFilter(blank(regulation), assessment, group, blank(category), blank(solution),
        one(ActionType.class, "type", type), many(ImplementationStatus.class, "implementationStatus",
            implementationStatus), many(TestStatus.class, "testStatus", testStatus), member(assignee),
        member(tester), blank(testingSource), one(Priority.class, "priority", priority), overdue, blank(text),
        includePassed);
    return ActionPageView.of(actions.list(context.tenant(), filter, sort, page, size, blank(groupBy)));
  }

  @GET
  @Path("{id}")
  @Access(Access.Scope.TENANT)
  public Response get(@PathParam("id") long id) {
    ActionInstance instance = actions.get(context.tenant(), id);
    return Response.ok(ActionView.of(instance)).header(HttpHeaders.ETAG, ActionView.etag(instance)).build();
  }

  @PATCH
  @Path("{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Access(value = Access.Scope.TENANT, roles = {TenantRole.ADMIN, TenantRole.ASSESSOR, TenantRole.CONTRIBUTOR})
  public Response change(
      @PathParam("id") long id,
      @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = "The ETag of the action as you read it")
      String ifMatch,
      @Valid @NotNull ActionRequest request) {
    ActionInstance changed = actions.update(context.tenant(), context.caller(), context.role(), id, version(ifMatch),
        request.toUpdate());
    return Response.ok(ActionView.of(changed)).header(HttpHeaders.ETAG, ActionView.etag(changed)).build();
  }

  @GET
  @Path("{id}/history")
  @Access(Access.Scope.TENANT)
  public List<ActionChange> history(@PathParam("id") long id) {
    return actions.history(context.tenant(), id);
  }

  @POST
  @Path("assign")
  @Consumes(MediaType.APPLICATION_JSON)
  @Access(value = Access.Scope.TENANT, roles = TenantRole.ADMIN)
  public Map<String, Integer> assign(@Valid @NotNull AssignRequest request) {
    return Map.of("assigned", actions.assign(context.tenant(), context.caller(), request.actionIds(),
        blank(request.userId()), AssignmentPurpose.requested(request.purpose())));
  }

  @POST
  @Path("reassign")
  @Consumes(MediaType.APPLICATION_JSON)
  @Access(value = Access.Scope.TENANT, roles = TenantRole.ADMIN)
  public Map<String, Integer> reassign(@Valid @NotNull ReassignRequest request) {
    return Map.of("reassigned", actions.reassign(context.tenant(), context.caller(), request.from(), request.to(),
        AssignmentPurpose.requested(request.purpose())));
  }

  /** The version an If-Match header names: {@code "12"} or {@code W/"12"}; absent is a 428. */
  static long version(String ifMatch) {
    if (ifMatch == null || ifMatch.isBlank()) {
      throw new DomainException(ProblemKind.PRECONDITION_REQUIRED, "A change needs the action's ETag in an If-Match"
          + " header, so that it cannot overwrite a change you have not seen: GET the action, then send its ETag.");
    }
    String tag = ifMatch.strip().replaceFirst("^W/", "").replace("\"", "");
    try {
      return Long.parseLong(tag);
    } catch (NumberFormatException e) {
      throw new InvalidInputException(new Violation("If-Match", "an action's ETag is a quoted number such as \"3\","
          + " not " + ifMatch));
    }
  }

  private String member(String id) {
    String value = blank(id);
    return "me".equalsIgnoreCase(value) ? context.caller().subject() : value;
  }

  private static String blank(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static <E extends Enum<E>> E one(Class<E> type, String field, String value) {
    Set<E> parsed = many(type, field, value);
    return parsed.isEmpty() ? null : parsed.iterator().next();
  }

  private static <E extends Enum<E>> Set<E> many(Class<E> type, String field, String value) {
    Set<E> parsed = EnumSet.noneOf(type);
    if (blank(value) == null) {
      return parsed;
    }
    Function<String, E> parse = name -> {
      try {
        return Enum.valueOf(type, name.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
      } catch (IllegalArgumentException e) {
        throw new InvalidInputException(new Violation(field, "'" + name.strip() + "' is not one of "
            + EnumSet.allOf(type)));
      }
    };
    for (String name : value.split(",")) {
      parsed.add(parse.apply(name));
    }
    return parsed;
  }
}

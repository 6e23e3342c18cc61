package io.regulus.api.signal;

import io.regulus.access.Permission;
import io.regulus.access.Requires;
import io.regulus.api.paging.ListPage;
import io.regulus.api.paging.PageParams;
import io.regulus.api.security.RequestContext;
import io.regulus.problem.DomainException;
import io.regulus.problem.InvalidInputException;
import io.regulus.problem.ProblemKind;
import io.regulus.problem.Violation;
import io.regulus.signal.SignalBatch;
import io.regulus.signal.SignalFilter;
import io.regulus.signal.SignalService;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * A tenant's signals: its machine clients write batches, its members read them, the latest observed
 * first.
 */
@Path("/tenants/{tenant}/signals")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class SignalResource {

  @PathParam("tenant")
  @Parameter(description = "The tenant's slug, e.g. acme")
  String tenant;

  @EJB private SignalService signals;
  @Inject private RequestContext context;
  @Inject private ListPage page;

  /**
   * Stores a batch of signals whole, or refuses it whole (400 naming each entry at fault, nothing
   * stored; 413 past REGULUS_SIGNAL_MAX_BYTES, refused before it is read whole).
   */
  @APIResponse(
      responseCode = "201",
      description = "Stored: the batch's id and size; Location lists the batch's signals")
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Requires(Permission.WRITE_SIGNALS)
  public Response write(
      @RequestBody(
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON,
                      schema = @Schema(implementation = SignalBatchRequest.class)))
          SignalBatchBody body,
      @Context UriInfo uri) {
    SignalBatch batch = signals.ingest(context.tenantCaller(), body.json());
    return Response.created(
            uri.getAbsolutePathBuilder().queryParam("batch", batch.id().toString()).build())
        .entity(SignalBatchView.of(batch))
        .build();
  }

  @GET
  @Requires(Permission.READ_TENANT)
  public List<SignalView> list(
      @QueryParam("key") @Parameter(description = "Only this key, e.g. mfa.admins.enforced")
          String key,
      @QueryParam("resource") @Parameter(description = "Only this resource") String resource,
      @QueryParam("from")
          @Parameter(description = "Observed at or after, e.g. 2026-12-01T00:00:00Z")
          String from,
      @QueryParam("to") @Parameter(description = "Observed before, e.g. 2026-12-06T00:00:00Z")
          String to,
      @QueryParam("batch") @Parameter(description = "Only the signals of this batch") String batch,
      @BeanParam PageParams params) {
    List<Violation> violations = new ArrayList<>();
    SignalFilter filter =
        new SignalFilter(
            blankToNull(key),
            blankToNull(resource),
            instant("from", from, violations),
            instant("to", to, violations),
            uuid(batch, violations));
    if (!violations.isEmpty()) {
      throw new InvalidInputException(
          ProblemKind.INVALID_INPUT, "The signals cannot be listed", violations);
    }
    return page.of(signals.find(context.tenantCaller(), filter, params.request())).stream()
        .map(SignalView::of)
        .toList();
  }

  /** The latest signal of each resource of a key. */
  @GET
  @Path("latest")
  @Requires(Permission.READ_TENANT)
  public List<SignalView> latest(
      @QueryParam("key")
          @Parameter(description = "The key, e.g. mfa.admins.enforced", required = true)
          String key,
      @BeanParam PageParams params) {
    if (key == null || key.isBlank()) {
      throw new DomainException(
          ProblemKind.INVALID_INPUT,
          "Name the key whose latest signals to show: ?key=mfa.admins.enforced",
          "key");
    }
    return page.of(signals.latest(context.tenantCaller(), key.strip()), params).stream()
        .map(SignalView::of)
        .toList();
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static Instant instant(String name, String value, List<Violation> violations) {
    if (blankToNull(value) == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(value.strip()).toInstant();
    } catch (DateTimeParseException e) {
      violations.add(
          new Violation(
              name,
              "'"
                  + value
                  + "' is not an ISO-8601 instant with its offset; give one such as"
                  + " 2026-12-06T10:15:00Z"));
      return null;
    }
  }

  private static UUID uuid(String value, List<Violation> violations) {
    if (blankToNull(value) == null) {
      return null;
    }
    try {
      return UUID.fromString(value.strip());
    } catch (IllegalArgumentException e) {
      violations.add(
          new Violation("batch", "is not a batch id; give the batchId a stored batch answered"));
      return null;
    }
  }
}

package io.regulus.api.openapi;

import io.regulus.api.problem.Problems;
import io.regulus.problem.ProblemKind;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * The answers of each operation besides its success, each an {@code application/problem+json}
 * Problem of its type ({@code urn:regulus:problem:<kind>}), derived from what the document already
 * says of the operation: every one may answer 401 and 429; its access scope ({@code
 * x-regulus-access}) adds 403, and 404 for a tenant or firm; an item named in the path adds 404;
 * query parameters add 400; a body adds 400, 413, 415 and 422; a write adds 409; {@code If-Match}
 * adds 412 and 428. A 201 carries {@code Location}. What differs per operation (201, 204) is
 * annotated on the resource method; everything else is here.
 */
final class ResponseDocumentation {

  private static final String ACCESS = "x-regulus-access";
  private static final String PROBLEM_SCHEMA = "#/components/schemas/Problem";

  /** When each status is answered, in the API's words. */
  private static final Map<Integer, String> WHEN =
      Map.ofEntries(
          Map.entry(
              400,
              "a parameter or body field does not convert or is out of range (a page larger than the"
                  + " largest, for one); errors names each"),
          Map.entry(401, "no valid bearer token was sent"),
          Map.entry(
              403,
              "the caller may not do this here: not a member, a weaker role, or a suspended tenant"),
          Map.entry(404, "the tenant, firm or item the path names does not exist"),
          Map.entry(
              409, "the current state forbids it: the item exists already, or is in use or locked"),
          Map.entry(412, "If-Match names an older version; current holds the current state"),
          Map.entry(413, "the body is larger than this operation takes"),
          Map.entry(415, "the body is not of a media type this operation reads"),
          Map.entry(422, "the input breaks a rule of the domain; errors names each field at fault"),
          Map.entry(428, "If-Match is missing: send the ETag you read"),
          Map.entry(
              429,
              "the caller sent more requests than the rate limit allows; wait Retry-After seconds"));

  private ResponseDocumentation() {}

  static void document(OpenAPI openAPI) {
    if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
      return;
    }
    openAPI
        .getPaths()
        .getPathItems()
        .forEach(
            (path, item) ->
                item.getOperations().forEach((verb, operation) -> document(verb, operation)));
  }

  private static void document(PathItem.HttpMethod verb, Operation operation) {
    if (operation.getResponses() == null) {
      operation.setResponses(OASFactory.createAPIResponses());
    }
    operation
        .getResponses()
        .getAPIResponses()
        .forEach(
            (status, response) -> {
              if ("201".equals(status)) {
                response.addHeader(
                    "Location",
                    OASFactory.createHeader()
                        .description("Where the created item is read")
                        .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)));
              }
            });
    for (int status : statuses(verb, operation)) {
      if (!operation.getResponses().hasAPIResponse(Integer.toString(status))) {
        operation.getResponses().addAPIResponse(Integer.toString(status), problem(status));
      }
    }
  }

  /** The error statuses this operation can answer. */
  static Set<Integer> statuses(PathItem.HttpMethod verb, Operation operation) {
    Set<Integer> statuses = new TreeSet<>(List.of(401, 429));
    Object access =
        operation.getExtensions() == null ? null : operation.getExtensions().get(ACCESS);
    if (access instanceof Map<?, ?> rule) {
      String scope = String.valueOf(rule.get("scope"));
      if (!"ANY_CALLER".equals(scope)) {
        statuses.add(403);
      }
      if ("TENANT".equals(scope) || "FIRM".equals(scope)) {
        statuses.add(404);
      }
    }
    List<Parameter> parameters =
        operation.getParameters() == null ? List.of() : operation.getParameters();
    for (Parameter parameter : parameters) {
      switch (parameter.getIn()) {
        case PATH -> statuses.add(404);
        case QUERY -> statuses.add(400);
        case HEADER -> {
          if ("If-Match".equalsIgnoreCase(parameter.getName())) {
            statuses.addAll(List.of(412, 428));
          }
        }
        default -> {}
      }
    }
    if (operation.getRequestBody() != null) {
      statuses.addAll(List.of(400, 413, 415, 422));
    }
    if (verb != PathItem.HttpMethod.GET && verb != PathItem.HttpMethod.HEAD) {
      statuses.add(409);
    }
    return statuses;
  }

  private static APIResponse problem(int status) {
    ProblemKind kind =
        Arrays.stream(ProblemKind.values())
            .filter(k -> k.status() == status)
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("no problem kind of status " + status));
    APIResponse response =
        OASFactory.createAPIResponse()
            .description(kind.title() + " (" + Problems.type(kind) + "): " + WHEN.get(status) + ".")
            .content(
                OASFactory.createContent()
                    .addMediaType(
                        Problems.MEDIA_TYPE,
                        OASFactory.createMediaType()
                            .schema(OASFactory.createSchema().ref(PROBLEM_SCHEMA))));
    if (status == 429) {
      response.addHeader(
          "Retry-After",
          OASFactory.createHeader()
              .description("Seconds to wait before sending again")
              .schema(OASFactory.createSchema().addType(Schema.SchemaType.INTEGER)));
    }
    response.addExtension("x-problem-type", Problems.type(kind));
    return response;
  }
}

package io.regulus.api.problem;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

/**
 * Routing and protocol errors of JAX-RS itself (404 route, 405, 406, 415, unreadable body) as
 * problems.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

  @Override
  public Response toResponse(WebApplicationException exception) {
    Response original = exception.getResponse();
    int status = original.getStatus();
    Response.StatusType type = Response.Status.fromStatusCode(status);
    String title = type == null ? "HTTP " + status : type.getReasonPhrase();
    Response problem =
        Problems.response(status, Problems.typeFor(status), title, detail(status), List.of());
    Response.ResponseBuilder builder = Response.fromResponse(problem);
    original
        .getHeaders()
        .forEach(
            (name, values) -> {
              if (name.equalsIgnoreCase("Allow") || name.equalsIgnoreCase("WWW-Authenticate")) {
                values.forEach(value -> builder.header(name, value));
              }
            });
    return builder.build();
  }

  private static String detail(int status) {
    return switch (status) {
      case 400 ->
          "The request could not be read. Send a JSON body that matches the documented schema (see /openapi).";
      case 404 -> "No resource at this path. The API is described at /openapi.";
      case 405 ->
          "This method is not allowed on this path; the Allow header lists the ones that are.";
      case 406 -> "This resource answers application/json (errors application/problem+json).";
      case 415 ->
          "This endpoint does not take a body of this Content-Type: /openapi lists the types it takes"
              + " (application/json for most; multipart/form-data for evidence files; the .xlsx type for workbooks).";
      default -> "The request could not be processed.";
    };
  }
}

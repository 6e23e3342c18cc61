package io.regulus.api.problem;

import io.regulus.problem.DomainException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Routing and protocol errors of JAX-RS itself (404 route, 405, 406, 415, unreadable body) as
 * problems. A parameter that did not convert reaches here wrapped (JAX-RS turns any failure to
 * convert a path or query parameter into a 404): the domain error inside, naming the parameter, is
 * the answer.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

  @Override
  public Response toResponse(WebApplicationException exception) {
    for (Throwable cause = exception.getCause(); cause != null; cause = cause.getCause()) {
      if (cause instanceof DomainException domain) {
        return new DomainExceptionMapper().toResponse(domain);
      }
    }
    Response original = exception.getResponse();
    int status = original.getStatus();
    Response problem = Problems.response(status, Problems.detail(status));
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
}

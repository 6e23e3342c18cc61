package io.regulus.api.problem;

import io.regulus.action.ActionInstance;
import io.regulus.action.InvalidWorkbookException;
import io.regulus.api.action.ActionView;
import io.regulus.problem.DomainException;
import io.regulus.problem.ProblemKind;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

/**
 * A domain failure becomes the problem of its kind, with the API's hint; 401 also says how to
 * authenticate.
 */
@Provider
public class DomainExceptionMapper implements ExceptionMapper<DomainException> {

  @Override
  public Response toResponse(DomainException exception) {
    List<ProblemView.FieldError> errors =
        exception.violations().stream()
            .map(violation -> new ProblemView.FieldError(violation.field(), violation.rule()))
            .toList();
    Response response =
        Problems.response(
            exception.kind(),
            RestHints.detail(exception),
            errors,
            current(exception),
            exception instanceof InvalidWorkbookException workbook ? workbook.cells() : null);
    if (exception.kind() == ProblemKind.UNAUTHENTICATED) {
      return Response.fromResponse(response)
          .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"regulus\", error=\"invalid_token\"")
          .build();
    }
    return response;
  }

  /** The current state a stale write carries, as the API shows it. */
  private static Object current(DomainException exception) {
    Object current = exception.current();
    return current instanceof ActionInstance instance ? ActionView.of(instance) : current;
  }
}

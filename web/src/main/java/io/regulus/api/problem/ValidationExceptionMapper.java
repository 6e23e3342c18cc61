package io.regulus.api.problem;

import io.regulus.problem.ProblemKind;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Comparator;
import java.util.List;

/** Bean Validation failures of a request: 400, naming every field at fault and its rule. */
@Provider
public class ValidationExceptionMapper implements ExceptionMapper<ConstraintViolationException> {

  @Override
  public Response toResponse(ConstraintViolationException exception) {
    List<ProblemView.FieldError> errors =
        exception.getConstraintViolations().stream()
            .map(v -> new ProblemView.FieldError(field(v), v.getMessage()))
            .sorted(Comparator.comparing(ProblemView.FieldError::field))
            .toList();
    String detail =
        errors.size() == 1
            ? "Field '" + errors.get(0).field() + "' " + errors.get(0).message() + "."
            : errors.size() + " fields are invalid; see errors.";
    return Problems.response(ProblemKind.INVALID_INPUT, detail, errors);
  }

  /**
   * The last node of the path: the request body's field (or the parameter) name, not the Java
   * method.
   */
  private static String field(ConstraintViolation<?> violation) {
    String name = "request";
    for (Path.Node node : violation.getPropertyPath()) {
      if (node.getKind() != jakarta.validation.ElementKind.METHOD
          && node.getKind() != jakarta.validation.ElementKind.PARAMETER) {
        name = node.getName();
      } else if (node.getKind() == jakarta.validation.ElementKind.PARAMETER) {
        name = node.getName().startsWith("arg") ? "request" : node.getName();
      }
    }
    return name;
  }
}

package io.regulus.api.problem;

import io.regulus.problem.ProblemKind;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

/** A request body that is not the JSON the endpoint reads: 400, not a server error. */
@Provider
public class UnreadableBodyMapper implements ExceptionMapper<JsonbException> {

  @Override
  public Response toResponse(JsonbException exception) {
    return Problems.response(
        ProblemKind.INVALID_INPUT,
        "The request body is not valid JSON for this endpoint. Send a JSON object as documented at /openapi.",
        List.of());
  }
}

package io.regulus.api.contract;

import io.regulus.problem.DomainException;
import io.regulus.problem.ProblemKind;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.PathSegment;
import jakarta.ws.rs.ext.Provider;

/**
 * Refuses a path that carries matrix parameters ({@code /actions;role=admin}): the API takes none,
 * and JAX-RS would otherwise drop them silently and answer as if they were not there, so a caller
 * who meant them as a filter would read the unfiltered list.
 */
@Provider
@PreMatching
public class PlainPaths implements ContainerRequestFilter {

  @Override
  public void filter(ContainerRequestContext request) {
    for (PathSegment segment : request.getUriInfo().getPathSegments(false)) {
      if (!segment.getMatrixParameters().isEmpty()) {
        throw new DomainException(
            ProblemKind.INVALID_INPUT,
            "The path segment '"
                + segment.getPath()
                + "' carries ';' parameters, which this API does not take. Send the path as /openapi"
                + " shows it, with filters as query parameters (?name=value).");
      }
    }
  }
}

package io.regulus.api.problem;

import io.regulus.problem.DomainException;
import jakarta.ejb.EJBException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Anything else: a domain exception wrapped by the container is unwrapped and mapped as itself; the
 * rest is a 500 whose instance id is logged with the stack trace, and nothing of its cause is sent.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

  private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

  @Override
  public Response toResponse(Throwable exception) {
    for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
      if (cause instanceof DomainException domain) {
        return new DomainExceptionMapper().toResponse(domain);
      }
      if (!(cause instanceof EJBException) && cause != exception) {
        break;
      }
    }
    ProblemView problem = Problems.internal();
    LOG.log(Level.SEVERE, "unexpected failure " + problem.instance(), exception);
    return Response.status(problem.status()).type(Problems.MEDIA_TYPE).entity(problem).build();
  }
}

package io.regulus.api.problem;

import io.regulus.api.contract.ApiHeaders;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every error the servlet container answers itself rather than the API (web.xml names this servlet
 * the page of every error but 401): a path it will not map (an invalid %-escape, an encoded slash
 * or dot segment), a failure before JAX-RS is reached. The same problem+json the API's own errors
 * are, in place of the container's page, which names the Java exception; a server error is logged
 * under its instance id.
 */
@WebServlet(ServletErrorProblem.PATH)
public class ServletErrorProblem extends HttpServlet {

  static final String PATH = "/problems/error";
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = Logger.getLogger(ServletErrorProblem.class.getName());
  private static final Jsonb JSONB = JsonbBuilder.create();
  private static final String MALFORMED =
      "The request could not be read: its path or headers are malformed (for instance an invalid"
          + " %-escape, or an encoded slash or dot segment). Send the path as /openapi shows it,"
          + " each segment percent-encoded once.";

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    Throwable failure = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
    int status = code instanceof Integer number && number >= 400 ? number : 500;
    ProblemView problem;
    if (status >= 500) {
      problem = Problems.internal();
      LOG.log(
          Level.SEVERE,
          "unexpected failure "
              + problem.instance()
              + " of "
              + request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI),
          failure);
    } else {
      problem = Problems.problem(status, status == 400 ? MALFORMED : Problems.detail(status));
    }
    response.resetBuffer();
    response.setStatus(status);
    ApiHeaders.apply(response);
    response.setContentType(Problems.MEDIA_TYPE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.getWriter().write(JSONB.toJson(problem));
  }
}

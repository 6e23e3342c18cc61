package io.regulus.ui;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The security headers of every page and page resource: no MIME sniffing, never framed by another
 * site, no referrer beyond this origin, no browser features the UI does not use, and pages never
 * cached (they show a tenant's data). The Content-Security-Policy of Faces pages is PrimeFaces' own
 * (web.xml, {@code primefaces.CSP}): it carries a fresh script nonce per response, so inline
 * scripts other than the page's own never run. Other responses under {@code /app} get the same
 * policy ({@link #POLICY_PARAMETER} in web.xml, the one place it is written) with no inline script.
 */
@WebFilter(urlPatterns = {"/app/*", "/jakarta.faces.resource/*"})
public class BrowserHeaders extends HttpFilter {

  private static final long serialVersionUID = 1L;

  /** The one policy of every page (web.xml); PrimeFaces appends its nonce to the last directive. */
  static final String POLICY_PARAMETER = "primefaces.CSP_POLICY";

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("X-Frame-Options", "DENY");
    response.setHeader("Referrer-Policy", "same-origin");
    response.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
    if (request.getServletPath().startsWith("/app")) {
      response.setHeader("Cache-Control", "no-store");
      if (!request.getServletPath().endsWith(".xhtml")) {
        response.setHeader(
            "Content-Security-Policy", getServletContext().getInitParameter(POLICY_PARAMETER));
      }
    }
    chain.doFilter(request, response);
  }
}

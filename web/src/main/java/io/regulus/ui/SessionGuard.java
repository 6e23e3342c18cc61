package io.regulus.ui;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;

/**
 * Session fixation: a page session belongs to the one person who signed in with it. The first page
 * request after a sign-in gets a new session id (a session id planted before the sign-in is
 * worthless after it), and a session that was made for another person is invalidated with all it
 * holds and a new one begins. (Liberty checks the owner too, before this filter: server.xml has it
 * invalidate such a session rather than answer with an error; this check keeps the rule true on any
 * container.)
 */
@WebFilter("/app/*")
public class SessionGuard extends HttpFilter {

  private static final long serialVersionUID = 1L;

  static final String OWNER = "regulus.session.owner";

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (request.getUserPrincipal() != null) {
      String person = request.getUserPrincipal().getName();
      HttpSession session = request.getSession(false);
      if (session != null && !person.equals(session.getAttribute(OWNER))) {
        if (session.getAttribute(OWNER) != null) {
          session.invalidate();
          session = request.getSession(true);
        } else {
          request.changeSessionId();
        }
        session.setAttribute(OWNER, person);
      } else if (session == null) {
        request.getSession(true).setAttribute(OWNER, person);
      }
    }
    chain.doFilter(request, response);
  }
}

package io.regulus.ui.users;

import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;

/**
 * Signs the browser in again, for a token that carries a tenant just joined (roles travel in the
 * token): ends the session here, not Keycloak's, and opens the start page, which goes through
 * Keycloak's login; a browser still signed in there comes straight back, without a password. Unlike
 * {@code /app/logout}, the person stays signed in to Keycloak.
 */
@WebServlet("/app/sign-in-again")
public class SignInAgain extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException, ServletException {
    request.logout();
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.invalidate();
    }
    response.sendRedirect(request.getContextPath() + "/app/index.xhtml");
  }
}

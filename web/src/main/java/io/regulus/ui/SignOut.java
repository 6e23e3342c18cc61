package io.regulus.ui;

import io.regulus.settings.Settings;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Signs the browser out of Regulus and of Keycloak: ends the session here (Liberty's sign-in
 * cookies and the HTTP session), then sends the browser to the realm's end-session endpoint (OpenID
 * Connect RP-initiated logout) with the ID token as hint, so Keycloak ends its own session without
 * asking, and comes back to {@code /app/me} at the public address ({@code REGULUS_PUBLIC_URL}),
 * which asks for a sign-in again. The endpoint is the issuer's, as the ID token names it, so no
 * Keycloak address is configured twice.
 */
@WebServlet("/app/logout")
public class SignOut extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Inject private transient Settings settings;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException, ServletException {
    Optional<String> idToken = SignedInSession.rawIdToken();
    Optional<String> issuer = SignedInSession.issuer();
    request.logout();
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.invalidate();
    }
    String back = settings.publicUrl() + "/app/me";
    if (issuer.isEmpty()) {
      response.sendRedirect(back);
      return;
    }
    response.sendRedirect(
        issuer.get()
            + "/protocol/openid-connect/logout?post_logout_redirect_uri="
            + URLEncoder.encode(back, StandardCharsets.UTF_8)
            + idToken
                .map(token -> "&id_token_hint=" + URLEncoder.encode(token, StandardCharsets.UTF_8))
                .orElse(""));
  }
}

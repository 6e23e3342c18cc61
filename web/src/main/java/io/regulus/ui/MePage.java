package io.regulus.ui;

import io.regulus.access.User;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.stream.Collectors;

/**
 * Who am I, for the signed-in browser: the domain user's id, username and tenant roles as plain
 * HTML. A stand-in for the Faces UI to come, which proves that a browser sign-in ends in the same
 * {@link User} as a bearer token.
 */
@WebServlet("/app/me")
public class MePage extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    User user = SignedInSession.user();
    String roles =
        user.tenantRoles().entrySet().stream()
            .sorted(Comparator.comparing(e -> e.getKey().value()))
            .map(
                e ->
                    "<li><span class=\"tenant\">"
                        + html(e.getKey().value())
                        + "</span>: <span class=\"role\">"
                        + html(e.getValue().id())
                        + "</span></li>")
            .collect(Collectors.joining("\n"));
    response.setContentType("text/html");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.setHeader("Cache-Control", "no-store");
    response
        .getWriter()
        .write(
            """
        <!DOCTYPE html>
        <html lang="en">
        <head><meta charset="utf-8"><title>Regulus: %2$s</title></head>
        <body>
        <h1>Signed in as <span id="username">%2$s</span></h1>
        <p>User id: <span id="user-id">%1$s</span></p>
        <h2>Tenant roles</h2>
        <ul id="tenant-roles">
        %3$s
        </ul>
        <p><a href="logout">Sign out</a></p>
        </body>
        </html>
        """
                .formatted(html(user.id()), html(user.username()), roles));
  }

  static String html(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}

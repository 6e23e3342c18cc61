package io.regulus.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The web UI's protections that a browser does not show: the security headers of every page and
 * page resource, a Content-Security-Policy that PrimeFaces works under (every script of a page
 * carries the response's nonce, no inline event handler), and a session that belongs to whoever
 * signed in with it (session fixation).
 */
class UiSecurityIT {

  private static final Pattern SCRIPT = Pattern.compile("<script\\b[^>]*>");
  private static final Pattern INLINE_HANDLER =
      Pattern.compile("<[^>]+\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);

  @Test
  void everyPageCarriesTheSecurityHeadersAndEveryScriptTheNonce() throws Exception {
    Browser browser = new Browser();
    HttpResponse<String> page = browser.signIn(Api.BASE_URL + "/app/index.xhtml", "alice");

    assertThat(page.statusCode()).isEqualTo(200);
    String policy = page.headers().firstValue("Content-Security-Policy").orElse("");
    assertThat(policy)
        .contains("default-src 'self'")
        .contains("object-src 'none'")
        .contains("frame-ancestors 'none'")
        .contains("form-action 'self'")
        .doesNotContain("unsafe-eval");
    Matcher nonce = Pattern.compile("script-src 'self' 'nonce-([^']+)'").matcher(policy);
    assertThat(nonce.find()).as("a script nonce in " + policy).isTrue();
    assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
    assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
    assertThat(page.headers().firstValue("Cache-Control").orElse("")).contains("no-store");

    Matcher scripts = SCRIPT.matcher(page.body());
    int count = 0;
    while (scripts.find()) {
      count++;
      assertThat(scripts.group()).contains("nonce=\"" + nonce.group(1) + "\"");
    }
    assertThat(count).as("the page loads PrimeFaces").isPositive();
    assertThat(INLINE_HANDLER.matcher(page.body()).find())
        .as("an inline event handler, which the policy would block")
        .isFalse();

    HttpResponse<String> script =
        browser.get(Api.BASE_URL + "/jakarta.faces.resource/core.js.xhtml?ln=primefaces");
    assertThat(script.statusCode()).isEqualTo(200);
    assertThat(script.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
  }

  @Test
  void aSessionIdPlantedBeforeSignInIsWorthlessAfterIt() throws Exception {
    Browser attacker = new Browser();
    attacker.signIn(Api.BASE_URL + "/app/index.xhtml", "bob");
    String planted = attacker.cookie("JSESSIONID").orElseThrow();

    Browser victim = new Browser();
    victim.plant("JSESSIONID", planted);
    HttpResponse<String> page = victim.signIn(Api.BASE_URL + "/app/index.xhtml", "alice");

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("id=\"signed-in-user\"");
    String session = victim.cookie("JSESSIONID").orElseThrow();
    assertThat(session).as("alice's session id").isNotEqualTo(planted);
    assertThat(sessionIdOf(session)).isNotEqualTo(sessionIdOf(planted));
  }

  @Test
  void aFreshSignInGetsANewSessionId() throws Exception {
    Browser browser = new Browser();
    browser.plant("JSESSIONID", "0000chosenbyanattacker:-1");
    browser.signIn(Api.BASE_URL + "/app/index.xhtml", "alice");

    assertThat(browser.cookie("JSESSIONID").orElseThrow()).doesNotContain("chosenbyanattacker");
  }

  /** Liberty's cookie value is a cache id, the session id and a clone id; the id is the middle. */
  private static String sessionIdOf(String cookie) {
    String value = cookie.length() > 4 ? cookie.substring(4) : cookie;
    int colon = value.indexOf(':');
    return colon < 0 ? value : value.substring(0, colon);
  }
}

package io.regulus.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.regulus.it.Api;
import io.regulus.it.KeycloakClient;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The browser-test support against the pages there are: alice signs in on Keycloak's own login page
 * in Chromium and {@code /app/me} shows her as the API knows her; the page passes axe-core and is
 * saved at both widths; signing out ends the Keycloak session, so the page asks for a login again;
 * the next user signs in afresh; and the accessibility check does fail on a page that breaks a
 * rule.
 */
class BrowserSignInUiIT {

  @Test
  void aliceSignsInOnKeycloaksLoginPageAndSeesHerself() throws IOException {
    Ui alice = Ui.signIn("alice");

    assertThat(alice.url()).isEqualTo(Api.BASE_URL + "/app/me");
    assertThat(alice.text("#username")).isEqualTo("alice");
    String subject =
        Api.as(KeycloakClient.token("alice"))
            .get("/me")
            .then()
            .statusCode(200)
            .extract()
            .path("subject");
    assertThat(alice.text("#user-id")).isEqualTo(subject);
    assertThat(alice.texts("#tenant-roles li")).contains("acme: admin");
    assertThat(alice.consoleErrors()).as("errors in the browser's console").isEmpty();

    alice.accessibility("me").screenshots("me");
    assertThat(pngWidth("me-desktop.png")).isEqualTo(1280);
    assertThat(pngWidth("me-phone.png")).isEqualTo(390);
    assertThat(alice.driver().manage().window().getSize()).isEqualTo(Chromium.WINDOW);
  }

  @Test
  void signingOutEndsTheKeycloakSessionSoThePageAsksForALoginAgain() {
    Ui alice = Ui.signIn("alice");

    alice.open("/app/logout");
    assertThat(alice.onKeycloak()).as("on Keycloak after signing out: " + alice.url()).isTrue();
    assertThat(alice.present("#kc-login")).isTrue();

    alice.open("/app/me");
    assertThat(alice.onKeycloak()).as("on Keycloak: " + alice.url()).isTrue();
    assertThat(alice.present("#kc-login")).as("Keycloak's login form").isTrue();
    assertThat(alice.present("#user-id")).isFalse();
  }

  @Test
  void theNextUserSignsInAfreshNotAsTheOneBefore() {
    Ui.signIn("alice");

    Ui bob = Ui.signIn("bob");

    assertThat(bob.text("#username")).isEqualTo("bob");
  }

  @Test
  void theAccessibilityCheckFailsOnAPageThatBreaksARule() {
    Chromium.driver()
        .get(
            "data:text/html,<!DOCTYPE html><html lang=\"en\"><head><title>Broken</title></head>"
                + "<body><main><img src=\"chart.png\"></main></body></html>");

    assertThatThrownBy(() -> Accessibility.check(Chromium.driver(), "broken"))
        .hasMessageContaining("image-alt (critical)")
        .hasMessageContaining("img");
  }

  @Test
  void consoleErrorsAreReportedOnceEach() {
    Ui alice = Ui.signIn("alice");

    alice.driver().executeScript("console.error('broken on purpose')");

    assertThat(alice.consoleErrors()).singleElement().asString().contains("broken on purpose");
    assertThat(alice.consoleErrors()).isEmpty();
  }

  /** The width a PNG file declares in its header (IHDR). */
  private static int pngWidth(String name) throws IOException {
    Path file = Path.of(System.getProperty("regulus.screenshot-dir", "target/screenshots"), name);
    try (InputStream in = Files.newInputStream(file)) {
      DataInputStream data = new DataInputStream(in);
      data.skipNBytes(16);
      return data.readInt();
    }
  }
}

package io.regulus.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.regulus.it.Api;
import io.regulus.it.KeycloakClient;
import io.regulus.it.Platform;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The notification preferences page in Chromium: reached from the frame's link beside the signed-in
 * person's name, a box per kind of notice; a box turned off and saved is what the API then answers
 * for that person.
 */
class NotificationPagesIT {

  @BeforeAll
  static void ready() {
    Platform.awaitReady();
  }

  @Test
  void aPersonTurnsAKindOffAndTheDomainKeepsIt() {
    String tenant = Platform.tenant("ui-mail", null);
    String username = KeycloakClient.createMember(tenant, "contributor");
    Ui ui = Ui.signIn(username, "/app/index.xhtml");
    ui.clickToLoad("#notification-preferences");
    assertThat(ui.url()).contains("/app/notifications.xhtml");
    assertThat(ui.texts("#notification-kinds .notification-kind")).hasSize(5);
    ui.accessibility("notifications").screenshots("notifications");

    var dueSoon =
        ui.driver().findElement(By.cssSelector("input.kind-choice[data-kind='DUE_SOON']"));
    assertThat(dueSoon.isSelected()).isTrue();
    dueSoon.click();
    ui.click("#save-notifications");
    assertThat(ui.text("#messages")).contains("Your choices are saved.");
    assertThat(
            ui.driver()
                .findElement(By.cssSelector("input.kind-choice[data-kind='DUE_SOON']"))
                .isSelected())
        .isFalse();
    assertThat(ui.consoleErrors()).isEmpty();
    ui.screenshots("notifications-saved");

    var mine =
        Api.as(KeycloakClient.token(username))
            .get("/me/notification-preferences")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(mine.getBoolean("dueSoon")).isFalse();
    assertThat(mine.getBoolean("assignment")).isTrue();
  }
}

package io.regulus.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.regulus.it.Api;
import io.regulus.it.KeycloakClient;
import io.regulus.it.Platform;
import io.restassured.RestAssured;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Signals pages: a tenant admin makes a machine client on the machine clients page and sees its
 * secret once; the secret gets a token that writes signals, which a reader then finds on the
 * Signals page, filtered by key; the reader is offered no machine clients, and another tenant's
 * reader who edits the address gets the access-denied page.
 */
class SignalPagesIT {

  private static String tenant;

  @BeforeAll
  static void tenant() {
    Platform.awaitReady();
    tenant = Platform.tenant("ui-sig", null);
  }

  @Test
  void anAdminMakesAMachineClientWhoseSignalsAReaderFindsOnTheSignalsPage() {
    String admin = KeycloakClient.createMember(tenant, "admin");
    Ui ui = Ui.signIn(admin, "/app/signals.xhtml?tenant=" + tenant);
    ui.clickToLoad("#manage-clients");
    assertThat(ui.url()).contains("/app/machine-clients.xhtml");
    ui.type("#client-name", "Nightly scanner");
    ui.click("#client-create");
    String clientId = ui.text("#secret-client-id");
    String secret = ui.text("#secret-value");
    assertThat(clientId).startsWith("signals-" + tenant + "-");
    assertThat(secret).hasSizeGreaterThan(30);
    assertThat(ui.text("#secret-token-url")).endsWith("/protocol/openid-connect/token");
    assertThat(ui.texts(".client-id")).contains(clientId);
    assertThat(ui.consoleErrors()).as("script errors and CSP refusals").isEmpty();
    ui.screenshots("machine-clients").accessibility("machine-clients");
    ui.click("#secret-hide");
    assertThat(ui.present("#secret-value")).isFalse();
    ui.open("/app/machine-clients.xhtml?tenant=" + tenant);
    assertThat(driverSource(ui)).doesNotContain(secret);

    String token =
        RestAssured.given()
            .formParam("grant_type", "client_credentials")
            .formParam("client_id", clientId)
            .formParam("client_secret", secret)
            .post(KeycloakClient.URL + "/realms/regulus/protocol/openid-connect/token")
            .then()
            .statusCode(200)
            .extract()
            .path("access_token");
    String at = Instant.now().minus(10, ChronoUnit.MINUTES).toString();
    Api.as(token)
        .body(
            Map.of(
                "signals",
                List.of(
                    Map.of(
                        "key",
                        "mfa.admins.enforced",
                        "value",
                        true,
                        "resource",
                        "user/alice",
                        "observedAt",
                        at),
                    Map.of(
                        "key", "tls.min_version",
                        "value", "1.2",
                        "resource", "https://portal.example",
                        "observedAt", at))))
        .post("/tenants/" + tenant + "/signals")
        .then()
        .statusCode(201);

    String reader = KeycloakClient.createMember(tenant, "reader");
    Ui readerUi = Ui.signIn(reader, "/app/dashboard.xhtml?tenant=" + tenant);
    readerUi.clickToLoad("a[href*='/app/signals.xhtml']");
    assertThat(readerUi.texts(".signal-key"))
        .containsExactlyInAnyOrder("mfa.admins.enforced", "tls.min_version");
    assertThat(readerUi.texts(".signal-source")).containsOnly(clientId);
    assertThat(readerUi.present("#manage-clients")).isFalse();
    readerUi.type("#filter-key", "tls.min_version");
    readerUi.click("#filter-apply");
    assertThat(readerUi.awaitTexts(".signal-key", keys -> keys.size() == 1))
        .containsExactly("tls.min_version");
    assertThat(readerUi.texts(".signal-value")).containsExactly("1.2");
    assertThat(readerUi.consoleErrors()).as("script errors and CSP refusals").isEmpty();
    readerUi.screenshots("signals").accessibility("signals");
    readerUi.open("/app/machine-clients.xhtml?tenant=" + tenant);
    assertThat(readerUi.present("#access-denied")).isTrue();
  }

  @Test
  void anotherTenantsReaderIsDeniedTheSignals() {
    String elsewhere = Platform.tenant("ui-sigx", null);
    String reader = KeycloakClient.createMember(elsewhere, "reader");
    Ui ui = Ui.signIn(reader, "/app/signals.xhtml?tenant=" + elsewhere);
    assertThat(ui.texts("tr.signal .signal-key")).isEmpty();
    ui.open("/app/signals.xhtml?tenant=" + tenant);
    assertThat(ui.present("#access-denied")).isTrue();
    assertThat(ui.present(".signal-key")).isFalse();
  }

  private static String driverSource(Ui ui) {
    return ui.driver().getPageSource();
  }
}

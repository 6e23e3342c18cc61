package io.regulus.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.regulus.it.Api;
import io.regulus.it.KeycloakClient;
import io.regulus.it.Platform;
import io.regulus.it.ScoredTenant;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The portfolio page: a consultant starts there, sees each client with the API's figures, sorts by
 * score, goes into a client's dashboard with one click and switches to another client; a member of
 * one firm who edits the address to another firm gets the access-denied page and none of its
 * clients.
 */
class PortfolioPagesIT {

  private static String firm;
  private static ScoredTenant scored;
  private static String plain;
  private static String consultant;

  @BeforeAll
  static void build() {
    firm = Platform.firm("uifirm");
    scored = ScoredTenant.build(Platform.tenant("ui-scored", firm), "GDPR portal");
    plain = Platform.tenant("ui-plain", firm);
    consultant =
        KeycloakClient.createUser(
            "uicons",
            "/firms/" + firm + "/consultant",
            "/tenants/" + scored.slug() + "/admin",
            "/tenants/" + plain + "/reader");
  }

  @Test
  void aConsultantGoesFromThePortfolioToAClientsDashboardAndSwitchesClient() {
    Ui ui = Ui.signIn(consultant, "/app/index.xhtml");

    assertThat(ui.url()).contains("/app/portfolio.xhtml").contains("firm=" + firm);
    JsonPath api =
        Api.as(KeycloakClient.token(consultant))
            .get("/firms/" + firm + "/portfolio")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(ui.texts(".client-link")).hasSize(2);
    String row = "tr:has(.client-link[data-tenant='" + scored.slug() + "'])";
    assertThat(percent(ui.text(row + " .client-score")))
        .isEqualTo(
            api.getDouble("clients.find { it.slug == '" + scored.slug() + "' }.score.percent"));
    assertThat(ui.text(row + " .client-overdue")).isEqualTo("1");
    assertThat(ui.texts(row + " .gap")).hasSize(3);
    assertThat(ui.text("#trend-note")).isNotBlank();
    assertThat(ui.consoleErrors()).as("script errors and CSP refusals").isEmpty();
    ui.screenshots("portfolio").accessibility("portfolio");

    ui.click("#portfolio th.ui-sortable-column:nth-child(2)");
    List<Double> ascending =
        ui.texts(".client-score").stream().map(PortfolioPagesIT::percent).toList();
    assertThat(ascending).isSorted().hasSize(2);
    ui.click("#portfolio th.ui-sortable-column:nth-child(2)");
    List<Double> descending = new java.util.ArrayList<>(ascending);
    java.util.Collections.reverse(descending);
    assertThat(ui.texts(".client-score").stream().map(PortfolioPagesIT::percent).toList())
        .isEqualTo(descending);

    ui.clickToLoad(".client-link[data-tenant='" + scored.slug() + "']");
    assertThat(ui.url()).contains("/app/dashboard.xhtml").contains("tenant=" + scored.slug());
    double overall =
        Api.as(scored.adminToken())
            .get("/tenants/" + scored.slug() + "/dashboard")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getDouble("overall.percent");
    assertThat(percent(ui.text("#overall-percent"))).isEqualTo(overall);

    ui.click("#tenant-switcher summary");
    ui.clickToLoad(".tenant-choice[data-tenant='" + plain + "']");
    assertThat(ui.url()).contains("tenant=" + plain);
    assertThat(ui.text("#current-tenant"))
        .isEqualTo(api.getString("clients.find { it.slug == '" + plain + "' }.name"));
    assertThat(percent(ui.text("#overall-percent"))).isEqualTo(0.0);
  }

  @Test
  void aFirmMemberWhoEditsTheAddressToAnotherFirmIsDeniedAndSeesNoneOfItsClients() {
    String other = Platform.firm("uiother");
    String hidden = Platform.tenant("ui-hidden", other);
    String admin = KeycloakClient.createUser("uifadm", "/firms/" + firm + "/admin");

    Ui ui = Ui.signIn(admin, "/app/portfolio.xhtml?firm=" + firm);
    assertThat(ui.texts(".client-link")).hasSize(2);

    ui.open("/app/portfolio.xhtml?firm=" + other);
    assertThat(ui.present("#access-denied")).isTrue();
    assertThat(ui.text("#problem-detail")).contains(other);
    assertThat(ui.driver().getPageSource()).doesNotContain(hidden);
    assertThat(ui.present(".client-link")).isFalse();
  }

  @Test
  void demoUsersStartWhereTheirWorkIs() {
    assertThat(Ui.signIn("connor", "/app/index.xhtml").url())
        .endsWith("/app/portfolio.xhtml?firm=northwind");
    assertThat(Ui.signIn("fiona", "/app/index.xhtml").url())
        .endsWith("/app/portfolio.xhtml?firm=northwind");
    assertThat(Ui.signIn("alice", "/app/index.xhtml").url())
        .endsWith("/app/dashboard.xhtml?tenant=acme");
    assertThat(Ui.signIn("rita", "/app/index.xhtml").url())
        .endsWith("/app/dashboard.xhtml?tenant=acme");
  }

  /** A percentage as the page shows it ("62.5%", English), as a number. */
  static double percent(String shown) {
    return Double.parseDouble(
        shown.replace("%", "").replace(",", "").strip().toLowerCase(Locale.ROOT));
  }
}

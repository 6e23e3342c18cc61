package io.regulus.browser;

import static io.regulus.browser.PortfolioPagesIT.percent;
import static org.assertj.core.api.Assertions.assertThat;

import io.regulus.it.Api;
import io.regulus.it.KeycloakClient;
import io.regulus.it.Platform;
import io.regulus.it.ScoredTenant;
import io.restassured.path.json.JsonPath;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The dashboard page against the API for the same data: the overall score with your points and the
 * provider's, the key actions with their what-if, the breakdowns (a chart and a table each), a
 * filtered score and its explanation. A reader sees it whole and no control that changes data; a
 * member of tenant A who edits the address, or a form's values, to tenant B gets the access-denied
 * page and none of B's data.
 */
class DashboardPagesIT {

  private static ScoredTenant tenant;
  private static ScoredTenant other;
  private static String reader;

  @BeforeAll
  static void build() {
    tenant = ScoredTenant.build(Platform.tenant("dash", null), "GDPR portal");
    other = ScoredTenant.build(Platform.tenant("dash-b", null), Api.unique("Secret of B"));
    reader = KeycloakClient.createMember(tenant.slug(), "reader");
  }

  @Test
  void aReaderSeesTheApisScoresKeyActionsAndBreakdownsAndNoControlThatChangesData() {
    Ui ui = Ui.signIn(reader, "/app/index.xhtml");
    assertThat(ui.url()).contains("/app/dashboard.xhtml").contains("tenant=" + tenant.slug());
    JsonPath api = api("/dashboard", Map.of());

    assertThat(percent(ui.text("#overall-percent"))).isEqualTo(api.getDouble("overall.percent"));
    assertThat(ui.text("#overall-points")).isEqualTo(points(api, "overall"));
    assertThat(ui.text("#your-points")).isEqualTo(points(api, "yourPoints"));
    assertThat(ui.text("#provider-points")).isEqualTo(points(api, "providerPoints"));
    assertThat(attributes("#key-actions .action-link", "data-id"))
        .isEqualTo(
            api.getList("keyActions.actionId", Long.class).stream().map(String::valueOf).toList());
    assertThat(percent(ui.text("#key-actions .impact-after")))
        .isEqualTo(api.getDouble("keyActions[0].percentAfter"));
    for (String breakdown : List.of("category", "group", "regulation")) {
      String key = "by" + Character.toUpperCase(breakdown.charAt(0)) + breakdown.substring(1);
      assertThat(ui.present("#chart-" + breakdown + " canvas[role=img][aria-label]")).isTrue();
      assertThat(ui.texts("#table-" + breakdown + " .line-name"))
          .isEqualTo(api.getList(key + ".name", String.class));
      assertThat(
              ui.texts("#table-" + breakdown + " .line-percent").stream()
                  .map(PortfolioPagesIT::percent)
                  .toList())
          .isEqualTo(api.getList(key + ".score.percent", Double.class));
    }
    assertThat(ui.texts("#table-assessment .line-name")).containsExactly("GDPR portal");
    List<String> solutions = api.getList("solutions.solution", String.class);
    assertThat(ui.texts("#solutions .solution-name"))
        .isEqualTo(solutions.subList(0, Math.min(10, solutions.size())));
    assertThat(attributes("main .ui-button:not(.ui-paginator .ui-button)", "id"))
        .containsExactlyInAnyOrder("apply-filter", "why");
    assertThat(ui.consoleErrors()).as("script errors and CSP refusals").isEmpty();
    ui.screenshots("dashboard").accessibility("dashboard");
  }

  @Test
  void theFilteredScoreAndWhyItIsSoAreTheApis() {
    Ui ui = Ui.signIn(reader, "/app/dashboard.xhtml?tenant=" + tenant.slug());
    String category = api("/dashboard", Map.of()).getString("byCategory[0].name");
    JsonPath scores = api("/scores", Map.of("category", category));

    new Select(ui.driver().findElement(By.id("filter-category"))).selectByVisibleText(category);
    ui.click("#apply-filter");
    assertThat(percent(ui.text("#filtered-percent"))).isEqualTo(scores.getDouble("score.percent"));
    assertThat(ui.text("#filtered-points")).isEqualTo(points(scores, "score"));
    JsonPath whatIf = api("/scores/what-if", Map.of("category", category, "limit", 10));
    assertThat(attributes("#key-actions .action-link", "data-id"))
        .isEqualTo(whatIf.getList("actionId", Long.class).stream().map(String::valueOf).toList());

    ui.click("#why");
    List<Map<String, Object>> units = scores.getList("actions");
    assertThat(ui.texts(".explanation-row")).hasSize(Math.min(10, units.size()));
    assertThat(attributes("#explanation .action-link", "data-id").get(0))
        .isEqualTo(String.valueOf(units.get(0).get("actionId")));
    assertThat(ui.text("#explanation-sum")).contains(points(scores, "score"));
    ui.screenshots("dashboard-explained").accessibility("dashboard-explained");

    ui.click("#clear-filter");
    assertThat(percent(ui.text("#filtered-percent")))
        .isEqualTo(api("/dashboard", Map.of()).getDouble("overall.percent"));
  }

  @Test
  void aMemberOfOneTenantWhoEditsTheAddressOrAFormToAnotherIsDeniedAndSeesNoneOfItsData() {
    Ui ui = Ui.signIn(reader, "/app/dashboard.xhtml?tenant=" + other.slug());
    assertThat(ui.present("#access-denied")).isTrue();
    assertThat(ui.driver().getPageSource()).doesNotContain(other.assessment());
    assertThat(ui.present("#overall-percent")).isFalse();

    ui.open("/app/dashboard.xhtml?tenant=" + tenant.slug());
    ui.driver()
        .executeScript(
            "var input = document.createElement('input'); input.type = 'hidden';"
                + " input.name = 'tenant'; input.value = arguments[0];"
                + " document.getElementById('filter').appendChild(input);",
            other.slug());
    ui.click("#apply-filter");
    assertThat(ui.text("#access-denied #problem-detail")).isNotBlank();
    assertThat(ui.driver().getPageSource()).doesNotContain(other.assessment());
  }

  private static JsonPath api(String path, Map<String, ?> query) {
    return Api.as(tenant.adminToken())
        .queryParams(query)
        .get("/tenants/" + tenant.slug() + path)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  /** "12.5 of 40 points", as the page writes a score's points in English. */
  private static String points(JsonPath api, String score) {
    return new MessageFormat("{0} of {1} points", Locale.ENGLISH)
        .format(
            new Object[] {api.getDouble(score + ".achieved"), api.getDouble(score + ".possible")});
  }

  private static List<String> attributes(String css, String attribute) {
    return io.regulus.browser.Chromium.driver().findElements(By.cssSelector(css)).stream()
        .map((WebElement e) -> e.getAttribute(attribute))
        .toList();
  }
}

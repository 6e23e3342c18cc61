package io.regulus.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;

/**
 * What the README promises of the demo logins: each demo user signs in on Keycloak's page, lands
 * where their work is and finds their tenants in the tenant switcher.
 */
class DemoUsersUiIT {

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "alice, /app/dashboard.xhtml, acme",
    "bob, /app/dashboard.xhtml, acme",
    "carol, /app/dashboard.xhtml, acme",
    "rita, /app/dashboard.xhtml, acme",
    "gina, /app/dashboard.xhtml, globex",
    "connor, /app/portfolio.xhtml, acme globex",
    "fiona, /app/portfolio.xhtml, acme globex",
    "olivia, /app/platform/tenants.xhtml, ''"
  })
  void aDemoUserLandsWhereTheirWorkIsAndSwitchesBetweenTheirTenants(
      String user, String landing, String tenants) {
    Ui ui = Ui.signIn(user, "/app/");

    assertThat(ui.url()).contains(landing);
    List<String> switcher =
        ui.driver().findElements(By.cssSelector(".tenant-choice")).stream()
            .map(choice -> choice.getAttribute("data-tenant"))
            .toList();
    if (tenants.isBlank()) {
      assertThat(switcher).isEmpty();
    } else {
      assertThat(switcher).contains(tenants.split(" "));
    }
    assertThat(ui.text("#signed-in-user")).isNotBlank();
  }
}

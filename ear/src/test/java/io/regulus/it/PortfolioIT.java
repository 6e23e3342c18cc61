package io.regulus.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A firm's portfolio over HTTP: each active client the caller reaches, with the score its own
 * dashboard shows, its overdue actions and its first key actions as its biggest gaps; a consultant
 * sees only the clients they were added to; a member of another firm gets the refusal the firm's
 * client list gives.
 */
class PortfolioIT {

  private static String firm;
  private static ScoredTenant scored;
  private static String plain;
  private static String firmAdmin;

  @BeforeAll
  static void build() {
    Platform.awaitReady();
    firm = Platform.firm("pfirm");
    scored = ScoredTenant.build(Platform.tenant("pf-scored", firm), "GDPR portal");
    plain = Platform.tenant("pf-plain", firm);
    Platform.suspend(Platform.tenant("pf-susp", firm));
    firmAdmin =
        KeycloakClient.token(KeycloakClient.createUser("pfadmin", "/firms/" + firm + "/admin"));
  }

  @Test
  void eachActiveClientShowsTheScoreOfItsDashboardItsOverdueActionsAndItsBiggestGaps() {
    JsonPath portfolio = portfolio(firmAdmin, firm, 200);

    assertThat(portfolio.getList("clients.slug", String.class))
        .containsExactlyInAnyOrder(scored.slug(), plain);
    Map<String, Object> client = client(portfolio, scored.slug());
    JsonPath dashboard =
        Api.as(scored.adminToken())
            .get("/tenants/" + scored.slug() + "/dashboard")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(client.get("score")).isEqualTo(dashboard.getMap("overall"));
    assertThat((Float) dashboard.get("overall.achieved")).isPositive();
    assertThat(client.get("overdueActions")).isEqualTo(1);
    List<Map<String, Object>> gaps = (List<Map<String, Object>>) client.get("biggestGaps");
    assertThat(gaps).hasSize(3);
    assertThat(gaps).isEqualTo(dashboard.getList("keyActions").subList(0, 3));

    Map<String, Object> empty = client(portfolio, plain);
    assertThat(empty.get("score")).isEqualTo(Map.of("achieved", 0f, "possible", 0f, "percent", 0f));
    assertThat(empty.get("overdueActions")).isEqualTo(0);
    assertThat((List<?>) empty.get("biggestGaps")).isEmpty();
  }

  @Test
  void anOverdueActionCountsNoMoreOnceOutOfScope() {
    Platform.change(
            scored.adminToken(),
            scored.slug(),
            scored.openOverdue(),
            Map.of("implementationStatus", "OUT_OF_SCOPE"))
        .then()
        .statusCode(200);
    try {
      assertThat(client(portfolio(firmAdmin, firm, 200), scored.slug()).get("overdueActions"))
          .isEqualTo(0);
    } finally {
      Platform.change(
              scored.adminToken(),
              scored.slug(),
              scored.openOverdue(),
              Map.of("implementationStatus", "NOT_IMPLEMENTED"))
          .then()
          .statusCode(200);
    }
  }

  @Test
  void aConsultantSeesOnlyTheClientsTheyWereAddedTo() {
    String consultant =
        KeycloakClient.token(
            KeycloakClient.createUser(
                "pfcons", "/firms/" + firm + "/consultant", "/tenants/" + plain + "/reader"));

    assertThat(portfolio(consultant, firm, 200).getList("clients.slug", String.class))
        .containsExactly(plain);
  }

  @Test
  void aMemberOfAnotherFirmGetsTheRefusalOfTheFirmsClientList() {
    String other = Platform.firm("pother");
    String stranger =
        KeycloakClient.token(KeycloakClient.createUser("pfstr", "/firms/" + other + "/admin"));

    JsonPath refused = portfolio(stranger, firm, 403);
    JsonPath list =
        Api.as(stranger)
            .get("/firms/" + firm + "/tenants")
            .then()
            .statusCode(403)
            .extract()
            .jsonPath();
    assertThat(refused.getString("detail")).isEqualTo(list.getString("detail"));
    assertThat(refused.prettify()).doesNotContain(scored.slug()).doesNotContain(plain);
    assertThat(portfolio(stranger, other, 200).getList("clients")).isEmpty();
  }

  private static JsonPath portfolio(String token, String firm, int status) {
    return Api.as(token)
        .get("/firms/" + firm + "/portfolio")
        .then()
        .statusCode(status)
        .extract()
        .jsonPath();
  }

  private static Map<String, Object> client(JsonPath portfolio, String slug) {
    return portfolio.getList("clients", Map.class).stream()
        .filter(c -> slug.equals(c.get("slug")))
        .findFirst()
        .map(c -> (Map<String, Object>) c)
        .orElseThrow();
  }
}

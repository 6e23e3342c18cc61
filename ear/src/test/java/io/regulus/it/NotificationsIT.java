package io.regulus.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.path.json.JsonPath;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Notifications by e-mail (issue 18, acceptance 5): real producers post notices (an assignment, an
 * overdue action, one due soon), the digest run on demand turns them into one mail per person that
 * arrives at the test stack's real SMTP sink, once, without the kinds its person turned off; each
 * person reads and writes only their own preferences.
 */
class NotificationsIT {

  private static String tenant;
  private static String admin;
  private static String worker;
  private static String workerName;
  private static String workerId;
  private static String quiet;
  private static String quietName;
  private static String quietId;
  private static List<Long> actions;
  private static String outsiderName;

  @BeforeAll
  static void build() {
    Platform.awaitReady();
    tenant = Platform.tenant("mail", null);
    admin = KeycloakClient.token(KeycloakClient.createMember(tenant, "admin"));
    workerName = KeycloakClient.createMember(tenant, "contributor");
    worker = KeycloakClient.token(workerName);
    workerId = KeycloakClient.userId(workerName);
    quietName = KeycloakClient.createMember(tenant, "contributor");
    quiet = KeycloakClient.token(quietName);
    quietId = KeycloakClient.userId(quietName);
    outsiderName = KeycloakClient.createMember(Platform.tenant("mail-other", null), "admin");
    long group = Platform.createGroup(admin, tenant, "FY2027");
    Platform.createAssessment(admin, tenant, group, "GDPR", "gdpr");
    actions =
        Platform.actions(admin, tenant).stream()
            .filter(a -> "CUSTOMER".equals(a.get("managedBy")))
            .map(a -> ((Number) a.get("id")).longValue())
            .limit(3)
            .toList();
  }

  @Test
  void theDigestArrivesOnceWithItsLinesAndWithoutTheKindsTurnedOff() throws InterruptedException {
    choose(quiet, Map.of("assignment", false)).then().statusCode(200);
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    assign(actions.get(0), workerId, today.minusDays(1));
    assign(actions.get(1), workerId, today.plusDays(3));
    assign(actions.get(2), quietId, today.plusDays(2));

    Map<String, Object> run = Notifications.runDigest();
    assertThat(((Number) run.get("mailsQueued")).intValue()).isGreaterThanOrEqualTo(2);

    String workerMail = Invitations.mailTo(address(workerName));
    assertThat(workerMail)
        .contains("Organisation " + tenant)
        .contains("Assigned to you")
        .contains("Overdue")
        .contains("Due soon")
        .contains("/app/action.xhtml?tenant=" + tenant + "&id=" + actions.get(0))
        .contains("/app/action.xhtml?tenant=" + tenant + "&id=" + actions.get(1))
        .contains("overdue since " + today.minusDays(1))
        .contains("due on " + today.plusDays(3));
    // only the worker's own tenant: a member of another tenant, assigned nothing, is mailed nothing
    assertThat(workerMail.lines().filter(l -> l.startsWith("Organisation ")))
        .containsExactly("Organisation " + tenant);
    assertThat(Notifications.outboxTo(address(outsiderName))).isEmpty();
    String quietMail = Invitations.mailTo(address(quietName));
    assertThat(quietMail)
        .contains("Due soon")
        .contains("/app/action.xhtml?tenant=" + tenant + "&id=" + actions.get(2))
        .doesNotContain("Assigned to you");

    // a second run the same day finds the same due dates: nothing is posted or mailed again
    Notifications.runDigest();
    List<Map<String, Object>> outbox =
        Notifications.awaitOutbox(
            address(workerName),
            java.time.Duration.ofSeconds(30),
            mail -> mail.size() == 1 && "SENT".equals(mail.get(0).get("state")));
    String messageId = (String) outbox.get(0).get("messageId");
    assertThat(SmtpSink.received(List.of(messageId))).containsExactly(Map.entry(messageId, 1L));
    assertThat(
            TestDatabase.count(
                "SELECT count(*) FROM platform.notice WHERE user_id = ? AND digest_mail_id IS NULL",
                workerId))
        .isZero();
  }

  @Test
  void eachPersonReadsAndWritesOnlyTheirOwnPreferences() {
    choose(quiet, Map.of("alert", false)).then().statusCode(200);

    // the API names no person: a user parameter is not an other person's preferences
    JsonPath mine =
        Api.as(worker)
            .queryParam("user", quietId)
            .get(PREFERENCES)
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(mine.getBoolean("alert")).isTrue();
    choose(worker, Map.of("alert", true, "overdue", false)).then().statusCode(200);
    assertThat(preferencesOf(quiet).getBoolean("alert")).isFalse();
    assertThat(
            TestDatabase.count(
                "SELECT count(*) FROM platform.notification_preference WHERE user_id = ?"
                    + " AND kind = 'ALERT' AND NOT enabled",
                quietId))
        .isEqualTo(1);

    // a bad choice changes nothing, and the problem names each fault
    String detail =
        choose(worker, Map.of("nope", true, "dueSoon", false))
            .then()
            .statusCode(400)
            .contentType("application/problem+json")
            .extract()
            .path("detail");
    assertThat(detail).contains("nope");
    JsonPath after = preferencesOf(worker);
    assertThat(after.getBoolean("dueSoon")).isTrue();
    assertThat(after.getBoolean("overdue")).isFalse();
  }

  @Test
  void theOutboxIsTheOperatorsAlone() {
    Api.as(worker).get("/platform/mail-outbox").then().statusCode(403);
    Api.as(admin).post("/platform/digests").then().statusCode(403);
    Api.as(Platform.operator())
        .queryParam("state", "LOST")
        .get("/platform/mail-outbox")
        .then()
        .statusCode(400);
  }

  private static final String PREFERENCES = "/me/notification-preferences";

  private static io.restassured.response.Response choose(String token, Map<String, ?> choices) {
    return Api.as(token).body(choices).put(PREFERENCES);
  }

  private static JsonPath preferencesOf(String token) {
    return Api.as(token).get(PREFERENCES).then().statusCode(200).extract().jsonPath();
  }

  private static void assign(long actionId, String userId, LocalDate due) {
    Platform.change(
            admin, tenant, actionId, Map.of("assigneeId", userId, "dueDate", due.toString()))
        .then()
        .statusCode(200);
  }

  static String address(String username) {
    return username + "@it.example";
  }
}

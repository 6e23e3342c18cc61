package io.regulus.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 18, acceptance 5: with the SMTP server stopped, a digest's mail waits in the outbox with
 * its error and its attempts; once the server is back it is sent, and received exactly once. Stops
 * the stack's SMTP sink, so it runs in the failsafe execution {@code server-restart}.
 */
class MailOutageIT {

  private static String tenant;
  private static String admin;
  private static String workerName;
  private static String workerId;

  @BeforeAll
  static void build() {
    Platform.awaitReady();
    tenant = Platform.tenant("outage", null);
    admin = KeycloakClient.token(KeycloakClient.createMember(tenant, "admin"));
    workerName = KeycloakClient.createMember(tenant, "contributor");
    workerId = KeycloakClient.userId(workerName);
    long group = Platform.createGroup(admin, tenant, "FY2027");
    Platform.createAssessment(admin, tenant, group, "GDPR", "gdpr");
  }

  @Test
  void mailWaitsThroughAnSmtpOutageAndIsSentOnceItIsBack() throws Exception {
    long action =
        Platform.actions(admin, tenant).stream()
            .filter(a -> "CUSTOMER".equals(a.get("managedBy")))
            .map(a -> ((Number) a.get("id")).longValue())
            .findFirst()
            .orElseThrow();
    Platform.change(
            admin,
            tenant,
            action,
            Map.of(
                "assigneeId",
                workerId,
                "dueDate",
                LocalDate.now(ZoneOffset.UTC).plusDays(1).toString()))
        .then()
        .statusCode(200);
    String address = NotificationsIT.address(workerName);

    SmtpSink.stop();
    List<Map<String, Object>> waiting;
    try {
      Notifications.runDigest();
      waiting =
          Notifications.awaitOutbox(
              address,
              Duration.ofSeconds(60),
              mail ->
                  mail.size() == 1
                      && ((Number) mail.get(0).get("attempts")).intValue() >= 2
                      && "WAITING".equals(mail.get(0).get("state")));
      assertThat((String) waiting.get(0).get("lastError")).containsIgnoringCase("connect");
      assertThat(waiting.get(0).get("nextAttemptAt")).isNotNull();
      assertThat(waiting.get(0).get("sentAt")).isNull();
    } finally {
      SmtpSink.start();
    }

    List<Map<String, Object>> sent =
        Notifications.awaitOutbox(
            address,
            Duration.ofSeconds(60),
            mail -> mail.size() == 1 && "SENT".equals(mail.get(0).get("state")));
    String messageId = (String) sent.get(0).get("messageId");
    assertThat(messageId).isEqualTo(waiting.get(0).get("messageId"));
    assertThat(Invitations.mailTo(address)).contains("Due soon").contains("Assigned to you");
    // several more looks at the outbox later, still one message of that Message-ID at the sink
    Thread.sleep(5_000);
    assertThat(SmtpSink.received(List.of(messageId))).containsExactly(Map.entry(messageId, 1L));
    assertThat(Notifications.outboxTo(address)).hasSize(1);
  }
}

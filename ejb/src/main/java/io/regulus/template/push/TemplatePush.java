package io.regulus.template.push;

import java.time.Instant;
import java.util.List;

/**
 * A push of a firm template version to some of the firm's clients, and each client's outcome.
 *
 * @param status RUNNING, DONE (every client done) or FAILED (a client failed: retry re-runs it)
 */
public record TemplatePush(
    long id,
    String firm,
    String template,
    String version,
    String status,
    String createdBy,
    Instant createdAt,
    Instant updatedAt,
    int done,
    int failed,
    int pending,
    List<Client> clients) {

  public TemplatePush {
    clients = List.copyOf(clients);
  }

  /**
   * One client's outcome.
   *
   * @param outcome PENDING, DONE or FAILED
   * @param reason why it failed, in the domain's words
   */
  public record Client(
      String tenant, PushKind kind, String outcome, String reason, Instant finishedAt) {}
}

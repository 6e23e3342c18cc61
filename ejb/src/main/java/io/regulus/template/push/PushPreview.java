package io.regulus.template.push;

import io.regulus.scoring.Score;
import java.util.List;

/**
 * What pushing a firm template's latest version would do to each client, before it is pushed.
 *
 * @param template the firm template's key
 * @param version the version a push would send (its latest)
 */
public record PushPreview(String template, String version, List<Client> clients) {

  public PushPreview {
    clients = List.copyOf(clients);
  }

  /**
   * One client's preview.
   *
   * @param currentVersion the version the client has, or null
   * @param assessments how many of its assessments are built on the template (they get a pending
   *     update)
   * @param newActions the actions of the pushed version the client's version does not have
   * @param newPoints their points
   * @param scoreBefore the client's score now (null when it could not be read, or for a new client)
   * @param scoreAfter its score once its assessments take the new actions (they arrive not
   *     implemented: possible points grow, achieved ones only for actions it already did or the
   *     provider manages), computed by the scoring engine; null for a new client, whose score moves
   *     only once an assessment is built from the template
   * @param note what the figures mean for this client, in words
   */
  public record Client(
      String tenant,
      String name,
      PushKind kind,
      String currentVersion,
      int assessments,
      int newActions,
      int newPoints,
      Score scoreBefore,
      Score scoreAfter,
      String note) {}
}

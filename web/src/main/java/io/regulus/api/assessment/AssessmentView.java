package io.regulus.api.assessment;

import io.regulus.api.score.ScoreView;
import io.regulus.assessment.Assessment;
import io.regulus.scoring.AssessmentScore;
import io.regulus.scoring.AssessmentStatus;
import java.time.Instant;

/**
 * An assessment with its score, status and progress (share of in-scope controls passed). {@code
 * extension} and {@code extensionVersion} are set when it was built from an extension of the global
 * template.
 */
public record AssessmentView(
    long id,
    long groupId,
    String group,
    String name,
    String template,
    String version,
    String extension,
    Integer extensionVersion,
    String regulation,
    Assessment.Scope scope,
    String scopeName,
    ScoreView score,
    AssessmentStatus status,
    double progress,
    Instant createdAt,
    String createdBy) {

  /**
   * The view of an assessment and its score (null before it was ever scored); pages show it too.
   */
  public static AssessmentView of(Assessment assessment, AssessmentScore score) {
    return new AssessmentView(
        assessment.id(),
        assessment.groupId(),
        assessment.group(),
        assessment.name(),
        assessment.templateKey(),
        assessment.templateVersion(),
        assessment.extensionKey(),
        assessment.extensionVersion(),
        assessment.regulation(),
        assessment.scope(),
        assessment.scopeName(),
        score == null ? null : ScoreView.of(score.score()),
        score == null ? null : score.status(),
        score == null ? 0 : score.progress(),
        assessment.createdAt(),
        assessment.createdBy());
  }
}

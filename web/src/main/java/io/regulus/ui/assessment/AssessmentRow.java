package io.regulus.ui.assessment;

import io.regulus.assessment.Assessment;
import io.regulus.assessment.AssessmentService;
import io.regulus.scoring.AssessmentScore;
import io.regulus.scoring.AssessmentStatus;
import java.io.Serializable;
import java.time.Instant;
import java.util.Date;

/**
 * An assessment as the pages show it: what it was built from, its status, progress (share of its
 * in-scope controls passed) and score, as the domain computed them.
 */
public record AssessmentRow(
    long id,
    String name,
    long groupId,
    String group,
    String template,
    String version,
    String extension,
    Integer extensionVersion,
    String regulation,
    Assessment.Scope scope,
    String scopeName,
    AssessmentStatus status,
    double progress,
    double achieved,
    double possible,
    double score,
    Instant createdAt,
    String createdBy)
    implements Serializable {

  static AssessmentRow of(AssessmentService.Scored scored) {
    Assessment assessment = scored.assessment();
    AssessmentScore score = scored.score();
    return new AssessmentRow(
        assessment.id(),
        assessment.name(),
        assessment.groupId(),
        assessment.group(),
        assessment.templateKey(),
        assessment.templateVersion(),
        assessment.extensionKey(),
        assessment.extensionVersion(),
        assessment.regulation(),
        assessment.scope(),
        assessment.scopeName(),
        score == null ? AssessmentStatus.NONE : score.status(),
        score == null ? 0 : score.progress(),
        score == null ? 0 : score.score().achieved(),
        score == null ? 0 : score.score().possible(),
        score == null ? 0 : score.score().ratio(),
        assessment.createdAt(),
        assessment.createdBy());
  }

  /** For f:convertDateTime, which formats a Date in the page's locale and time zone. */
  public Date created() {
    return createdAt == null ? null : Date.from(createdAt);
  }
}

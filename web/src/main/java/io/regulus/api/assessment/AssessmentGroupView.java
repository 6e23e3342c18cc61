package io.regulus.api.assessment;

import io.regulus.assessment.AssessmentGroup;
import java.time.Instant;

/** An assessment group of the tenant. */
public record AssessmentGroupView(
    long id, String name, String description, Instant createdAt, String createdBy) {

  static AssessmentGroupView of(AssessmentGroup group) {
    return new AssessmentGroupView(
        group.id(), group.name(), group.description(), group.createdAt(), group.createdBy());
  }
}

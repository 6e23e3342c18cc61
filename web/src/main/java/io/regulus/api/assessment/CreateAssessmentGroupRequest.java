package io.regulus.api.assessment;

import io.regulus.assessment.AssessmentGroup;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A new assessment group: a name unique in the tenant, and an optional description. */
public record CreateAssessmentGroupRequest(
    @NotBlank @Size(max = AssessmentGroup.NAME_MAX) String name,
    @Size(max = AssessmentGroup.DESCRIPTION_MAX) String description) {}

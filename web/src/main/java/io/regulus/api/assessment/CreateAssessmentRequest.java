package io.regulus.api.assessment;

import io.regulus.assessment.Assessment;
import io.regulus.assessment.NewAssessment;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A new assessment in a group: a name unique in the group, the template (or extension) key,
 * optionally a version (the latest when left out), and the scope it covers.
 */
public record CreateAssessmentRequest(
    @NotBlank @Size(max = Assessment.NAME_MAX) String name,
    @NotBlank @Size(max = 60) String template,
    @Size(max = 40) String version,
    @NotNull Assessment.Scope scope,
    @NotBlank @Size(max = Assessment.SCOPE_NAME_MAX) String scopeName) {

  NewAssessment toNew() {
    return new NewAssessment(name, template, version, scope, scopeName);
  }
}

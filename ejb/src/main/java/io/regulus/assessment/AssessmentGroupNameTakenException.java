package io.regulus.assessment;

import io.regulus.problem.DomainException;
import io.regulus.problem.ProblemKind;

/** Group names are unique in a tenant, regardless of case. */
public class AssessmentGroupNameTakenException extends DomainException {

  private static final long serialVersionUID = 1L;

  public AssessmentGroupNameTakenException(String name) {
    super(
        ProblemKind.CONFLICT,
        "An assessment group named '"
            + name
            + "' already exists in this tenant (names ignore case). "
            + "Choose another name, or add assessments to the existing group.",
        "name");
  }
}

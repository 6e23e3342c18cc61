package io.regulus.assessment;

import io.regulus.problem.DomainException;
import io.regulus.problem.ProblemKind;

/** No assessment group of that id in this tenant. */
public class AssessmentGroupNotFoundException extends DomainException {

  private static final long serialVersionUID = 1L;

  public AssessmentGroupNotFoundException(long id) {
    super(ProblemKind.NOT_FOUND, "There is no assessment group " + id + " in this tenant.");
  }
}

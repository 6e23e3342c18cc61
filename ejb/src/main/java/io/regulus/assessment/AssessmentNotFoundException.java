package io.regulus.assessment;

import io.regulus.problem.DomainException;
import io.regulus.problem.ProblemKind;

/** No assessment of that id in this tenant. */
public class AssessmentNotFoundException extends DomainException {

  private static final long serialVersionUID = 1L;

  public AssessmentNotFoundException(long id) {
    super(ProblemKind.NOT_FOUND, "No assessment " + id + " in this tenant.");
  }
}

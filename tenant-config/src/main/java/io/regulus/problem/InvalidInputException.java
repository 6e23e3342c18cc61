package io.regulus.problem;

import java.util.List;

/**
 * An input that breaks one or more rules, each named with its field: every violation is reported at
 * once, so the caller fixes the whole request in one go. Nothing was written.
 */
public class InvalidInputException extends DomainException {

  private static final long serialVersionUID = 1L;

  private final List<Violation> violations;

  public InvalidInputException(String summary, List<Violation> violations) {
    this(ProblemKind.RULE_VIOLATED, summary, violations);
  }

  /**
   * An input of another kind than a broken rule: one that cannot be read as the request it should
   * be ({@link ProblemKind#INVALID_INPUT}).
   */
  public InvalidInputException(ProblemKind kind, String summary, List<Violation> violations) {
    super(kind, describe(summary, violations));
    if (violations.isEmpty()) {
      throw new IllegalArgumentException("an invalid input has at least one violation");
    }
    this.violations = List.copyOf(violations);
  }

  public InvalidInputException(Violation violation) {
    this(null, List.of(violation));
  }

  @Override
  public List<Violation> violations() {
    return violations;
  }

  private static String describe(String summary, List<Violation> violations) {
    Violation first = violations.get(0);
    String lead = first.field() + ": " + first.rule();
    String more =
        violations.size() == 1
            ? ""
            : " (and " + (violations.size() - 1) + " more, listed in errors)";
    return (summary == null ? "" : summary + ": ") + lead + more;
  }
}

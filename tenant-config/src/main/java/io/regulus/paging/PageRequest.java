package io.regulus.paging;

import io.regulus.problem.DomainException;
import io.regulus.problem.ProblemKind;
import io.regulus.problem.Violation;
import java.util.ArrayList;
import java.util.List;

/**
 * One page of a list: pages count from 0 and hold 1 to {@link #MAX_SIZE} items. A request beyond
 * that is refused (400 naming the limit), never clamped, so a client that asked for more learns it
 * and pages on.
 */
public record PageRequest(int page, int size) {

  /** The largest page of any list, so one request reads at most this many items. */
  public static final int MAX_SIZE = 500;

  public static final int DEFAULT_SIZE = 50;

  public PageRequest {
    List<Violation> violations = violations(page, size);
    if (!violations.isEmpty()) {
      throw new InvalidPageException(violations);
    }
  }

  /** What is wrong with these numbers, if anything (each with its field, page or size). */
  public static List<Violation> violations(int page, int size) {
    List<Violation> violations = new ArrayList<>();
    if (page < 0) {
      violations.add(new Violation("page", "pages count from 0"));
    }
    if (size < 1 || size > MAX_SIZE) {
      violations.add(
          new Violation(
              "size",
              "from 1 to "
                  + MAX_SIZE
                  + " items a page (the most any list returns at once); ask for the next page"
                  + " (page=1, 2, ...) for more"));
    }
    return violations;
  }

  /** The first item of this page, counted from 0. */
  public long offset() {
    return (long) page * size;
  }

  /** This page of a whole list. */
  public <T> List<T> of(List<T> all) {
    if (offset() >= all.size()) {
      return List.of();
    }
    return all.subList((int) offset(), (int) Math.min(all.size(), offset() + size));
  }

  /** Page numbers or a size out of range: 400, each field at fault named. */
  public static final class InvalidPageException extends DomainException {

    private static final long serialVersionUID = 1L;
    private final List<Violation> violations;

    InvalidPageException(List<Violation> violations) {
      super(
          ProblemKind.INVALID_INPUT,
          "The page cannot be shown: "
              + violations.get(0).field()
              + " "
              + violations.get(0).rule()
              + (violations.size() > 1 ? " (and more, listed in errors)" : "")
              + ".");
      this.violations = List.copyOf(violations);
    }

    @Override
    public List<Violation> violations() {
      return violations;
    }
  }
}

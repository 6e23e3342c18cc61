package io.regulus.problem;

import jakarta.ejb.ApplicationException;

/**
 * A failure the caller caused or can act on. {@code detail} says what was wrong and how to fix it;
 * {@code field} names the input at fault, when there is one. Thrown through EJBs as is, rolling the
 * transaction back.
 */
@ApplicationException(rollback = true, inherited = true)
public class DomainException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final ProblemKind kind;
  private final String field;

  public DomainException(ProblemKind kind, String detail) {
    this(kind, detail, null);
  }

  public DomainException(ProblemKind kind, String detail, String field) {
    super(detail);
    this.kind = kind;
    this.field = field;
  }

  public ProblemKind kind() {
    return kind;
  }

  public String detail() {
    return getMessage();
  }

  /** The request field at fault, or null. */
  public String field() {
    return field;
  }

  /**
   * The current state of the resource, when the caller needs it to retry (a stale write); else
   * null.
   */
  public Object current() {
    return null;
  }

  /** Each field at fault with its rule; the one {@link #field()} when there is one. */
  public java.util.List<Violation> violations() {
    return field == null ? java.util.List.of() : java.util.List.of(new Violation(field, detail()));
  }
}

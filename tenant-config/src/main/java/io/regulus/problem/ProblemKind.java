package io.regulus.problem;

/** The kinds of failure a caller can act on, each with its HTTP status. */
public enum ProblemKind {
  INVALID_INPUT(400, "Invalid input"),
  UNAUTHENTICATED(401, "Authentication required"),
  FORBIDDEN(403, "Forbidden"),
  NOT_FOUND(404, "Not found"),
  CONFLICT(409, "Conflict"),
  PRECONDITION_FAILED(412, "Precondition failed"),
  PAYLOAD_TOO_LARGE(413, "Payload too large"),
  UNSUPPORTED_MEDIA_TYPE(415, "Unsupported media type"),
  RULE_VIOLATED(422, "Rule violated"),
  PRECONDITION_REQUIRED(428, "Precondition required"),
  TOO_MANY_REQUESTS(429, "Too many requests"),
  UNAVAILABLE(503, "Service unavailable");

  private final int status;
  private final String title;

  ProblemKind(int status, String title) {
    this.status = status;
    this.title = title;
  }

  public int status() {
    return status;
  }

  public String title() {
    return title;
  }

  /** The stable problem type URI path segment, e.g. {@code invalid-input}. */
  public String slug() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }
}

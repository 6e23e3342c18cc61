package io.regulus.api.problem;

import io.regulus.problem.ProblemKind;
import io.regulus.spreadsheet.CellError;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Builds problem+json responses; the one place that knows their shape. */
public final class Problems {

  public static final String MEDIA_TYPE = "application/problem+json";
  private static final String TYPE_PREFIX = "urn:regulus:problem:";
  private static final String INTERNAL_TYPE = TYPE_PREFIX + "internal-error";
  private static final String INTERNAL_DETAIL =
      "Regulus could not complete this request. It has been logged under the instance id; "
          + "quote it when you report the problem.";

  private Problems() {}

  /** The problem type of a kind, {@code urn:regulus:problem:<slug>}. */
  public static String type(ProblemKind kind) {
    return TYPE_PREFIX + kind.slug();
  }

  public static Response response(
      ProblemKind kind, String detail, List<ProblemView.FieldError> errors) {
    return response(kind, detail, errors, null, null);
  }

  /**
   * A problem that carries the resource's current state (a stale write's 412) or a workbook's
   * faulty cells.
   */
  public static Response response(
      ProblemKind kind,
      String detail,
      List<ProblemView.FieldError> errors,
      Object current,
      List<CellError> cells) {
    return response(kind.status(), type(kind), kind.title(), detail, errors, current, cells);
  }

  public static Response response(
      int status, String type, String title, String detail, List<ProblemView.FieldError> errors) {
    return response(status, type, title, detail, errors, null, null);
  }

  private static Response response(
      int status,
      String type,
      String title,
      String detail,
      List<ProblemView.FieldError> errors,
      Object current,
      List<CellError> cells) {
    ProblemView problem =
        new ProblemView(
            type,
            title,
            status,
            detail,
            "urn:uuid:" + UUID.randomUUID(),
            errors.isEmpty() ? null : errors,
            current,
            cells);
    return Response.status(status).type(MediaType.valueOf(MEDIA_TYPE)).entity(problem).build();
  }

  /**
   * The problem of a kind, for answers written outside JAX-RS (the servlet container's error
   * pages).
   */
  public static ProblemView problem(ProblemKind kind, String detail) {
    return new ProblemView(
        type(kind),
        kind.title(),
        kind.status(),
        detail,
        "urn:uuid:" + UUID.randomUUID(),
        null,
        null,
        null);
  }

  /**
   * The problem of an HTTP status: of the domain's kind with that status where there is one (so a
   * 404 of an unknown path has the type of every other 404), else {@code http-<status>}.
   */
  static Response response(int status, String detail) {
    return kind(status)
        .map(kind -> response(kind, detail, List.of()))
        .orElseGet(
            () -> {
              Response.StatusType type = Response.Status.fromStatusCode(status);
              String title = type == null ? "HTTP " + status : type.getReasonPhrase();
              return response(status, TYPE_PREFIX + "http-" + status, title, detail, List.of());
            });
  }

  /** An unexpected failure: nothing of its cause, only an instance id it is logged under. */
  static ProblemView internal() {
    return new ProblemView(
        INTERNAL_TYPE,
        "Internal error",
        500,
        INTERNAL_DETAIL,
        "urn:uuid:" + UUID.randomUUID(),
        null,
        null,
        null);
  }

  /** {@link #response(int, String)}'s problem, for answers written outside JAX-RS. */
  static ProblemView problem(int status, String detail) {
    return (ProblemView) response(status, detail).getEntity();
  }

  private static Optional<ProblemKind> kind(int status) {
    return Arrays.stream(ProblemKind.values()).filter(k -> k.status() == status).findFirst();
  }

  /** What an HTTP error status means for a caller of this API, and what to do. */
  static String detail(int status) {
    return switch (status) {
      case 400 ->
          "The request could not be read. Send a JSON body that matches the documented schema (see /openapi).";
      case 404 -> "No resource at this path. The API is described at /openapi.";
      case 405 ->
          "This method is not allowed on this path; the Allow header lists the ones that are.";
      case 406 -> "This resource answers application/json (errors application/problem+json).";
      case 415 ->
          "This endpoint does not take a body of this Content-Type: /openapi lists the types it takes"
              + " (application/json for most; multipart/form-data for evidence files; the .xlsx type for workbooks).";
      case 413 -> "The request is larger than this server reads.";
      default -> "The request could not be processed.";
    };
  }
}

package io.regulus.api.problem;

import io.regulus.problem.ProblemKind;
import io.regulus.spreadsheet.CellError;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;

/** Builds problem+json responses; the one place that knows their shape. */
public final class Problems {

  public static final String MEDIA_TYPE = "application/problem+json";
  private static final String TYPE_PREFIX = "urn:regulus:problem:";

  private Problems() {}

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
    return response(
        kind.status(), TYPE_PREFIX + kind.slug(), kind.title(), detail, errors, current, cells);
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
        TYPE_PREFIX + kind.slug(),
        kind.title(),
        kind.status(),
        detail,
        "urn:uuid:" + UUID.randomUUID(),
        null,
        null,
        null);
  }

  static String typeFor(int status) {
    return TYPE_PREFIX + "http-" + status;
  }
}

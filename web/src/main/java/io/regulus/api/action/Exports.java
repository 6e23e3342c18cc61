package io.regulus.api.action;

import io.regulus.problem.DomainException;
import io.regulus.problem.ProblemKind;
import io.regulus.spreadsheet.Table;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** A list as JSON, or as a table to download (CSV or XLSX, named after what it holds). */
public final class Exports {

  public static final String XLSX =
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  private Exports() {}

  /**
   * The items in the format asked for: {@code json}, or {@code csv} or {@code xlsx} laid out by the
   * domain's {@code layout}, in a file called {@code name}.
   */
  static <T> Response of(
      String format, String name, List<T> items, Function<List<T>, Table> layout) {
    if ("json".equalsIgnoreCase(format)) {
      return Response.ok(items, MediaType.APPLICATION_JSON).build();
    }
    Table table = layout.apply(items);
    return switch (format.toLowerCase(Locale.ROOT)) {
      case "csv" ->
          file((StreamingOutput) table::writeCsv, "text/csv; charset=UTF-8", name + ".csv");
      case "xlsx" ->
          file((StreamingOutput) out -> table.writeXlsx(sheet(name), out), XLSX, name + ".xlsx");
      default ->
          throw new DomainException(
              ProblemKind.INVALID_INPUT,
              "'format' is json, csv or xlsx, not '" + format + "'.",
              "format");
    };
  }

  /** The name of a tenant's bulk-update workbook, wherever it is downloaded. */
  public static String actionsWorkbook(String tenant) {
    return "actions-" + tenant + ".xlsx";
  }

  static Response file(StreamingOutput body, String type, String fileName) {
    return Response.ok(body, type)
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + "\"")
        .build();
  }

  private static String sheet(String name) {
    return name.length() > 31 ? name.substring(0, 31) : name;
  }
}

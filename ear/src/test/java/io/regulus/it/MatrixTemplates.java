package io.regulus.it;

import java.util.List;
import java.util.Map;

/**
 * The smallest valid bodies: a private template of one control mapped to one library action, an
 * empty workbook.
 */
final class MatrixTemplates {

  static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  private MatrixTemplates() {}

  /** A bulk-update workbook with no rows: valid, and changes nothing. */
  static byte[] emptyWorkbook() {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    try {
      io.regulus.action.workbook.ActionSheet.write(List.of(), out);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  static Map<String, Object> template(String key) {
    return Map.of(
        "key",
        key,
        "title",
        "Template " + key,
        "regulation",
        "Rules of " + key,
        "controls",
        List.of(control()));
  }

  static Map<String, Object> version() {
    return Map.of("controls", List.of(control()));
  }

  private static Map<String, Object> control() {
    return Map.of(
        "id",
        "M-1",
        "family",
        "Matrix",
        "title",
        "One control",
        "description",
        "One requirement",
        "mandatory",
        true,
        "nature",
        "preventative",
        "actions",
        List.of("mfa-for-administrators"));
  }
}

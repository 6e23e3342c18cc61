package io.regulus.template.exchange;

/**
 * One thing wrong with an imported file, said so that its author can find and fix it.
 *
 * @param where the sheet name (Excel) or the JSON pointer (OSCAL), or "file" for the file as a
 *     whole
 * @param row the 1-based row of the sheet, or null
 * @param column the column's header name (Excel) or member name (JSON), or null
 * @param value the offending value as found (shortened to 200 characters), or null
 * @param reason what is wrong and how to fix it, a sentence
 */
public record ImportProblem(String where, Integer row, String column, String value, String reason) {

  public static ImportProblem ofFile(String reason) {
    return new ImportProblem("file", null, null, null, reason);
  }
}

package io.regulus.spreadsheet;

/**
 * Spreadsheet formula injection (CWE-1236): text a user typed, say an action's notes, that starts
 * like a formula ({@code =HYPERLINK(...)}, {@code +cmd|...}, {@code @SUM(...)}) must not run when
 * an export is opened. The triggers are OWASP's list: = + - @, tab, CR, LF, and the full-width = +
 * - @ some spreadsheets also honour.
 */
final class FormulaGuard {

  private static final String TRIGGERS = "=+-@\t\r\n\uFF1D\uFF0B\uFF0D\uFF20";

  private FormulaGuard() {}

  static boolean risky(String text) {
    return !text.isEmpty() && TRIGGERS.indexOf(text.charAt(0)) >= 0;
  }

  /**
   * The text for a CSV field: a leading single quote makes spreadsheets take a risky text as text.
   */
  static String defused(String text) {
    return risky(text) ? "'" + text : text;
  }
}

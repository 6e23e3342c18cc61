/**
 * Spreadsheet files of the action workflow, free of the container: the bulk-update workbook of improvement actions
 * (written and read back, every faulty cell named) and CSV/XLSX exports of tables such as an action's history.
 * Both directions stream (SXSSF out, SAX in), uploads are bounded in size and rows, and no text a user typed is
 * ever written where a spreadsheet would run it as a formula.
 */
package io.regulus.action.workbook;

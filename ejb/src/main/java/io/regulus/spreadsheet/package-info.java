/**
 * Spreadsheet files, free of the container and of any feature: tables exported as CSV or XLSX, a
 * one-sheet XLSX writer and a SAX reader of one sheet's cells, with faults placed where a user sees
 * them. Both directions stream (SXSSF out, SAX in, no workbook held whole); uploads are bounded
 * ({@link io.regulus.spreadsheet.LimitedInput}, cells cut at Excel's limit); no text a user typed
 * is ever written where a spreadsheet would run it as a formula.
 */
package io.regulus.spreadsheet;

/**
 * Spreadsheet files, free of the container and of any feature: tables exported as CSV or XLSX, an
 * XLSX writer of one sheet or more ({@link io.regulus.spreadsheet.XlsxBook}), and an upload opener
 * ({@link io.regulus.spreadsheet.XlsxUpload}) that streams any sheet's cells through a SAX reader,
 * with faults placed where a user sees them. Both directions stream (SXSSF out, SAX in, no workbook
 * held whole); uploads are bounded ({@link io.regulus.spreadsheet.LimitedInput}, cells cut at
 * Excel's limit), zip bombs and parts declaring a document type (XXE) refused; no text a user typed
 * is ever written where a spreadsheet would run it as a formula.
 */
package io.regulus.spreadsheet;

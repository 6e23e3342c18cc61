/**
 * The reports a consulting firm sends its clients, rendered from one day's score snapshot: a
 * tenant's PDF executive summary and XLSX workbook, and a firm's PDF portfolio report. Pure
 * rendering of plain records, free of the container: the reports job gathers the figures and stores
 * what these write. Every report states the snapshot date it was made from.
 */
package io.regulus.report;

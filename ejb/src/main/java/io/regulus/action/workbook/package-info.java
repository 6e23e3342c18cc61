/**
 * The bulk-update workbook of improvement actions, free of the container: written from the
 * instances and read back as the edits each row asks for, every faulty cell named. It is built on
 * {@link io.regulus.spreadsheet}, so it streams both ways, bounds uploads in size and rows, and
 * never writes a user's text as a formula.
 */
package io.regulus.action.workbook;

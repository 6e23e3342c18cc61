/**
 * A tenant's improvement actions over HTTP (docs/workflow.md): the filtered list with its score,
 * one action and its ETag, changes that must send that ETag in If-Match, bulk assignment and
 * reassignment (admins), the bulk-update workbook, and the history and activity feed as JSON, CSV
 * or XLSX. The rules themselves live in the ejb module.
 */
package io.regulus.api.action;

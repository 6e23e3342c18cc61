/**
 * The improvement actions page ({@code /app/actions.xhtml?tenant=}): the tenant's actions list,
 * filtered, sorted and paged by the list service the API's {@code GET /tenants/{t}/actions} calls,
 * with its group-by counts and filtered score; "my actions"; bulk assignment and reassignment; the
 * bulk-update workbook out (export) and back in (preview, then apply all or nothing).
 */
package io.regulus.ui.actions;

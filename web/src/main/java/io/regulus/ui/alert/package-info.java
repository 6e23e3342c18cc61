/**
 * The alerts pages: a tenant's alerts, filtered and worked (investigate, resolve, dismiss, reopen),
 * and its alert policies (list, create, edit, enable or disable, delete). Every step is the
 * domain's ({@code io.regulus.alert}); what a page offers by role is asked of the domain.
 */
package io.regulus.ui.alert;

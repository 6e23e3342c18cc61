/**
 * The template updates page: the tenant's pending updates, one update's diff and score effect, and
 * an admin's accept or defer for a group, all through {@code TemplateUpdateService}.
 */
package io.regulus.ui.templateupdate;

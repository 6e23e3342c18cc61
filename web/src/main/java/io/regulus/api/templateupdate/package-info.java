/**
 * Template updates over HTTP: every member sees the pending updates of the tenant's assessment
 * groups with their diff and score effect; admins accept one for a group or defer it.
 */
package io.regulus.api.templateupdate;

/**
 * The improvement-action pages. {@code /app/action.xhtml?tenant=&id=} ({@link ActionPage}) shows
 * one action instance: its points and the controls it serves in every regulation, its statuses and
 * a form for the part of the workflow the member's role may change, its evidence and its history;
 * each step calls the operation the REST API calls, and the workflow decides.
 */
package io.regulus.ui.action;

/**
 * A tenant's assessment groups and assessments over HTTP: every member reads them with their
 * scores, statuses and controls; only admins create groups, build an assessment from a template
 * version (snapshotting its controls and creating the action instances it needs) and delete one
 * (removing the instances no other assessment needs).
 */
package io.regulus.api.assessment;

/**
 * The platform operators' pages: every tenant and its life cycle (suspend, resume, export and
 * download, delete once suspended and exported since, appoint an admin), firms and the audit log.
 * They call the same {@code TenantAdministration} operations as the API's {@code api.platform}.
 */
package io.regulus.ui.platform;

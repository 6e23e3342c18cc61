/**
 * The platform operators' endpoints under {@code /platform}: firms, the tenant life cycle
 * (provision, suspend, resume, export, import, delete) and the audit log. Only the
 * platform-operator role reaches them; a tenant is deleted only once suspended and exported since,
 * and an import creates a new tenant all or nothing.
 */
package io.regulus.api.platform;

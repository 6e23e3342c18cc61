/**
 * {@code /me}: the caller's identity and roles in tenants, firms and the platform, read from the
 * verified token alone, with no call to Keycloak or the database; and the caller's own pending
 * invitations, which they accept or decline.
 */
package io.regulus.api.me;

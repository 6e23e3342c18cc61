/**
 * {@code /me}: the caller's identity and roles in tenants, firms and the platform, read from the
 * verified token alone, with no call to Keycloak or the database.
 */
package io.regulus.api.me;

/**
 * Who is calling: the {@link io.regulus.identity.Caller} built from a verified token, with a role per tenant and
 * platform roles. Users and roles live in Keycloak; nothing here calls it.
 */
package io.regulus.identity;

/**
 * End-to-end tests over HTTP against the running stack (Liberty with the EAR, Keycloak with the
 * realm, PostgreSQL), with real tokens. Each test creates its own data (unique names, its own
 * tenants and users), so tests run in any order.
 */
package io.regulus.it;

/**
 * Users and their roles, kept in Keycloak and reached through {@code keycloak-admin-client}: a
 * tenant's members, invitations, role changes and the assignment pickers. The model is written down
 * in docs/identity.md.
 */
package io.regulus.directory;

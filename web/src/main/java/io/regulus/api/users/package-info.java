/**
 * A tenant's users and their roles, kept in Keycloak: admins list, invite (an invitation the
 * invitee accepts, the same answer whether or not the address has an account), re-role and remove
 * them (a role that comes from a firm is changed in the firm); every member reads the assignment
 * pickers (contributors and admins implement, assessors and admins test).
 */
package io.regulus.api.users;

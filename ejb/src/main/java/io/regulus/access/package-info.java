/**
 * Who is calling and what they may do, decided here for every entry point alike (REST resources,
 * pages, jobs, machine clients). A {@link io.regulus.access.Caller} is a {@link
 * io.regulus.access.User} from a verified token or a {@link io.regulus.access.SystemCaller} holding
 * explicit grants; each domain operation names the one {@link io.regulus.access.Permission} it
 * needs, and {@link io.regulus.access.AccessControl} is the only place that decides entering a
 * tenant and holding a permission. Nothing here calls Keycloak.
 */
package io.regulus.access;

/**
 * Callers and access rules. Liberty's mpJwt verifies every API request's bearer token (server.xml:
 * an RS256 signature by a key of the realm, the expected issuer and audience, a future expiry);
 * {@link io.regulus.api.security.AuthenticationFilter} accepts only access tokens among those and
 * reads the {@link io.regulus.access.Caller} from their claims alone. Every resource method
 * declares one access rule; a method without one is refused.
 */
package io.regulus.api.security;

/**
 * Bearer tokens and access rules. A token is accepted only with a valid RS256 signature by a key of the realm,
 * the expected issuer and audience, and a future expiry; the {@link io.regulus.access.Caller} comes from its
 * claims alone. Every resource method declares one access rule ({@link io.regulus.api.security.Access}); a
 * method without one is refused.
 */
package io.regulus.api.security;

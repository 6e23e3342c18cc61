/**
 * The browser's side: pages under {@code /app}, signed in through Keycloak's own login page by
 * Liberty's OpenID Connect client (server.xml). For now only what proves the sign-in: who am I
 * ({@code /app/me}) and sign out ({@code /app/logout}). The signed-in person is the same domain
 * {@link io.regulus.access.User} as on the API, read from the access token of the session by {@link
 * io.regulus.api.security.CallerClaims}.
 */
package io.regulus.ui;

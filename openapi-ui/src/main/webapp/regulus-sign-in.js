// The Regulus API document, with "Authorize" signing in through Keycloak: the authorization code flow with PKCE
// (S256) as the public client regulus-api-explorer, whose access tokens carry the regulus-api audience. The
// authorization and token URLs come from the document (security scheme "keycloak", built from the configured
// issuer); Keycloak sends the browser back to oauth2-redirect.html beside this page.
window.onload = function () {
  const base = window.location.pathname.replace(/[^/]*$/, "");
  window.ui = SwaggerUIBundle({
    url: "/openapi",
    dom_id: "#swagger-ui",
    deepLinking: true,
    presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
    plugins: [SwaggerUIBundle.plugins.DownloadUrl],
    layout: "StandaloneLayout",
    oauth2RedirectUrl: window.location.origin + base + "oauth2-redirect.html",
    persistAuthorization: false,
  });
  window.ui.initOAuth({
    clientId: "regulus-api-explorer",
    usePkceWithAuthorizationCodeGrant: true,
    scopes: ["openid"],
  });
};

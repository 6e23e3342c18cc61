package io.regulus.api.openapi;

import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * How a caller signs in, beside the bearer token a client sends itself: the security scheme {@code
 * keycloak}, the authorization code flow of the configured issuer (Keycloak's authorization and
 * token endpoints, as browsers reach them). The OpenAPI UI (module openapi-ui) runs it with PKCE as
 * the public client {@code regulus-api-explorer}. Either scheme is enough for every operation.
 */
final class SignInDocumentation {

  static final String SCHEME = "keycloak";

  private SignInDocumentation() {}

  static void document(OpenAPI openAPI, String issuer) {
    if (openAPI.getComponents() == null) {
      openAPI.setComponents(OASFactory.createComponents());
    }
    openAPI
        .getComponents()
        .addSecurityScheme(
            SCHEME,
            OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.OAUTH2)
                .description(
                    "Sign in through Keycloak (authorization code with PKCE, client"
                        + " regulus-api-explorer): the OpenAPI UI's Authorize button does it.")
                .flows(
                    OASFactory.createOAuthFlows()
                        .authorizationCode(
                            OASFactory.createOAuthFlow()
                                .authorizationUrl(issuer + "/protocol/openid-connect/auth")
                                .tokenUrl(issuer + "/protocol/openid-connect/token")
                                .scopes(Map.of("openid", "sign in with your Regulus account")))));
    openAPI.addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme(SCHEME));
  }
}

package io.regulus.api.openapi;

import io.regulus.api.security.AccessDocumentation;
import io.regulus.settings.Settings;
import java.util.logging.Logger;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;

/**
 * The filter of the OpenAPI document (registered by {@code mp.openapi.filter}): first each
 * operation's access rule ({@link AccessDocumentation}), then the answers derived from it and from
 * the operation's shape ({@link ResponseDocumentation}), then the sign-in of the OpenAPI UI ({@link
 * SignInDocumentation}).
 */
public class ApiDocumentation implements OASFilter {

  private static final Logger LOG = Logger.getLogger(ApiDocumentation.class.getName());

  @Override
  public void filterOpenAPI(OpenAPI openAPI) {
    new AccessDocumentation().filterOpenAPI(openAPI);
    ResponseDocumentation.document(openAPI);
    Settings.browserIssuer()
        .ifPresentOrElse(
            issuer -> SignInDocumentation.document(openAPI, issuer),
            () -> LOG.warning("REGULUS_OIDC_ISSUER is not set: the OpenAPI UI cannot sign in"));
  }
}

package io.regulus.bench;

import java.net.http.HttpClient;

/**
 * A tenant provisioned by the platform operator, with an admin the benchmark creates in Keycloak
 * ({@code <tenant>-admin}, group {@code /tenants/<tenant>/admin}) and that admin's API client.
 *
 * @param provisionNanos how long {@code POST /platform/tenants} took
 */
record TenantAdmin(
    String tenant, String username, ApiClient api, OperatorToken token, long provisionNanos) {

  static TenantAdmin create(
      HttpClient http, BenchSettings settings, TenantApi platform, String tenant) {
    return create(http, settings, platform, tenant, null);
  }

  /**
   * The same for a client of {@code firm} (when not null), whose admin also administers the firm.
   */
  static TenantAdmin create(
      HttpClient http, BenchSettings settings, TenantApi platform, String tenant, String firm) {
    long provisioned = platform.provision(tenant, firm);
    String username = tenant + "-admin";
    KeycloakAdmin keycloak = new KeycloakAdmin(http, settings.keycloakUrl());
    keycloak.createMember(username, "/tenants/" + tenant + "/admin");
    if (firm != null) {
      keycloak.createMember(username, "/firms/" + firm + "/admin");
    }
    OperatorToken token = new OperatorToken(http, settings.keycloakUrl(), username);
    return new TenantAdmin(
        tenant, username, new ApiClient(http, settings.baseUrl(), token), token, provisioned);
  }

  /** The tenant's API paths start with this. */
  String path() {
    return "/tenants/" + tenant;
  }
}

package io.regulus.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.regulus.access.TenantRole;
import io.regulus.access.User;
import io.regulus.problem.ProblemKind;
import io.regulus.tenancy.TenantSlug;
import jakarta.json.Json;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CallerClaimsTest {

  @Test
  void groupsAndRealmRolesReachTheDomainsUser() {
    User user =
        CallerClaims.toCaller(
            Json.createObjectBuilder()
                .add("typ", "Bearer")
                .add("sub", "user-1")
                .add("preferred_username", "alice")
                .add("groups", Json.createArrayBuilder().add("/tenants/acme/admin"))
                .add(
                    "realm_access",
                    Json.createObjectBuilder().add("roles", Json.createArrayBuilder().add("other")))
                .build());

    assertThat(user.username()).isEqualTo("alice");
    assertThat(user.tenantRoles()).isEqualTo(Map.of(new TenantSlug("acme"), TenantRole.ADMIN));
    assertThat(user.platformRoles()).isEmpty();
  }

  @Test
  void claimsWithoutSubjectAreRefused() {
    assertThatThrownBy(
            () -> CallerClaims.toCaller(Json.createObjectBuilder().add("typ", "Bearer").build()))
        .isInstanceOfSatisfying(
            InvalidTokenException.class,
            e -> assertThat(e.kind()).isEqualTo(ProblemKind.UNAUTHENTICATED))
        .hasMessageContaining("no subject");
  }

  @Test
  void claimsWithBlankSubjectAreRefused() {
    assertThatThrownBy(
            () ->
                CallerClaims.toCaller(
                    Json.createObjectBuilder().add("typ", "Bearer").add("sub", "  ").build()))
        .isInstanceOf(InvalidTokenException.class)
        .hasMessageContaining("no subject");
  }

  @Test
  void idAndRefreshTokensAreRefused() {
    for (String type : new String[] {"ID", "Refresh", "Offline"}) {
      assertThatThrownBy(
              () ->
                  CallerClaims.toCaller(
                      Json.createObjectBuilder().add("typ", type).add("sub", "user-1").build()))
          .isInstanceOf(InvalidTokenException.class)
          .hasMessageContaining("Only access tokens");
    }
    assertThatThrownBy(
            () -> CallerClaims.toCaller(Json.createObjectBuilder().add("sub", "user-1").build()))
        .isInstanceOf(InvalidTokenException.class);
  }
}

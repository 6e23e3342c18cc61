package io.regulus.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.regulus.identity.Caller;
import io.regulus.identity.FirmRole;
import io.regulus.identity.PlatformRole;
import io.regulus.identity.TenantRole;
import io.regulus.problem.ProblemKind;
import io.regulus.tenancy.FirmSlug;
import io.regulus.tenancy.TenantSlug;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CallerClaimsTest {

  private static final TenantSlug ACME = new TenantSlug("acme");
  private static final TenantSlug GLOBEX = new TenantSlug("globex-eu");

  @Test
  void rolesPerTenantAreReadFromGroups() {
    Caller caller = caller(claims().add("groups", strings("/tenants/acme/admin", "/tenants/globex-eu/reader")));

    assertThat(caller.tenantRoles()).isEqualTo(Map.of(ACME, TenantRole.ADMIN, GLOBEX, TenantRole.READER));
  }

  @ParameterizedTest
  @CsvSource({
    "reader, admin, ADMIN",
    "contributor, assessor, ASSESSOR",
    "reader, contributor, CONTRIBUTOR",
    "assessor, admin, ADMIN"
  })
  void twoRolesInOneTenantKeepTheStrongestInEitherOrder(String first, String second, TenantRole strongest) {
    for (String[] order : new String[][] {{first, second}, {second, first}}) {
      Caller caller =
          caller(claims().add("groups", strings("/tenants/acme/" + order[0], "/tenants/acme/" + order[1])));

      assertThat(caller.tenantRoles()).isEqualTo(Map.of(ACME, strongest));
    }
  }

  @Test
  void malformedGroupsAreIgnored() {
    Caller caller =
        caller(
            claims()
                .add(
                    "groups",
                    strings(
                        "/tenants/acme",
                        "/tenants/ACME/admin",
                        "/tenants/acme/owner",
                        "/other/acme/admin",
                        "/tenants/acme/admin/extra",
                        "tenants/acme/admin",
                        "/tenants/globex-eu/contributor")));

    assertThat(caller.tenantRoles()).isEqualTo(Map.of(GLOBEX, TenantRole.CONTRIBUTOR));
  }

  @Test
  void callerWithoutGroupsHasNoTenantRoles() {
    assertThat(caller(claims()).tenantRoles()).isEmpty();
  }

  @Test
  void platformOperatorRealmRoleMapsToOperator() {
    Caller caller = caller(claims().add("realm_access", realmRoles("offline_access", "platform-operator")));

    assertThat(caller.platformRoles()).containsExactly(PlatformRole.OPERATOR);
    assertThat(caller.has(PlatformRole.OPERATOR)).isTrue();
  }

  @Test
  void otherRealmRolesAreIgnored() {
    Caller caller =
        caller(
            claims().add("realm_access", realmRoles("offline_access", "uma_authorization", "platform-operators")));

    assertThat(caller.platformRoles()).isEmpty();
  }

  @Test
  void firmRolesAreReadFromFirmGroupsAndReachOnlyThatFirmsClients() {
    Caller caller =
        caller(claims().add("groups", strings("/firms/northwind/reader", "/firms/northwind/consultant",
            "/firms/Bad_Slug/admin", "/firms/acme-advisors/owner", "/tenants/acme/admin")));

    FirmSlug northwind = new FirmSlug("northwind");
    assertThat(caller.firmRoles()).isEqualTo(Map.of(northwind, FirmRole.READER));
    assertThat(caller.reachesClientsThroughFirm()).isTrue();
    // own role and firm role: the stronger wins; another firm's client or a direct customer: the own role only
    assertThat(caller.roleIn(ACME, Optional.of(northwind))).contains(TenantRole.ADMIN);
    assertThat(caller.roleIn(GLOBEX, Optional.of(northwind))).contains(TenantRole.READER);
    assertThat(caller.roleIn(GLOBEX, Optional.of(new FirmSlug("other-firm")))).isEmpty();
    assertThat(caller.roleIn(GLOBEX, Optional.empty())).isEmpty();
  }

  @Test
  void aConsultantReachesOnlyTheClientsTheyAreAddedTo() {
    Caller caller = caller(claims().add("groups", strings("/firms/northwind/consultant", "/tenants/globex-eu/contributor")));

    assertThat(caller.reachesClientsThroughFirm()).isFalse();
    assertThat(caller.roleIn(GLOBEX, Optional.of(new FirmSlug("northwind")))).contains(TenantRole.CONTRIBUTOR);
    assertThat(caller.roleIn(ACME, Optional.of(new FirmSlug("northwind")))).isEmpty();
  }

  @Test
  void claimsWithoutSubjectAreRefused() {
    assertThatThrownBy(() -> caller(claims().remove("sub")))
        .isInstanceOfSatisfying(
            InvalidTokenException.class, e -> assertThat(e.kind()).isEqualTo(ProblemKind.UNAUTHENTICATED))
        .hasMessageContaining("no subject");
  }

  @Test
  void claimsWithBlankSubjectAreRefused() {
    assertThatThrownBy(() -> caller(claims().add("sub", "  ")))
        .isInstanceOf(InvalidTokenException.class)
        .hasMessageContaining("no subject");
  }

  @Test
  void profileClaimsAreRead() {
    Caller caller =
        caller(
            claims().add("preferred_username", "alice").add("email", "alice@acme.test").add("name", "Alice Liddell"));

    assertThat(caller.subject()).isEqualTo("user-1");
    assertThat(caller.username()).isEqualTo("alice");
    assertThat(caller.email()).isEqualTo("alice@acme.test");
    assertThat(caller.name()).isEqualTo("Alice Liddell");
  }

  @Test
  void usernameFallsBackToSubjectWithoutPreferredUsername() {
    Caller caller = caller(claims());

    assertThat(caller.username()).isEqualTo("user-1");
    assertThat(caller.email()).isNull();
  }

  private static Caller caller(JsonObjectBuilder claims) {
    return CallerClaims.toCaller(claims.build());
  }

  private static JsonObjectBuilder claims() {
    return Json.createObjectBuilder().add("sub", "user-1");
  }

  private static JsonArrayBuilder strings(String... paths) {
    var array = Json.createArrayBuilder();
    for (String path : paths) {
      array.add(path);
    }
    return array;
  }

  private static JsonObjectBuilder realmRoles(String... roles) {
    return Json.createObjectBuilder().add("roles", strings(roles));
  }
}

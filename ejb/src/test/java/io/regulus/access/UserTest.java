package io.regulus.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.regulus.tenancy.FirmSlug;
import io.regulus.tenancy.TenantSlug;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A user as their token describes them: roles from group paths and realm roles, the stronger role
 * kept.
 */
class UserTest {

  private static final TenantSlug ACME = new TenantSlug("acme");
  private static final TenantSlug GLOBEX = new TenantSlug("globex-eu");

  @Test
  void rolesPerTenantAreReadFromGroups() {
    User caller =
        caller(claims().add("groups", strings("/tenants/acme/admin", "/tenants/globex-eu/reader")));

    assertThat(caller.tenantRoles())
        .isEqualTo(Map.of(ACME, TenantRole.ADMIN, GLOBEX, TenantRole.READER));
  }

  @ParameterizedTest
  @CsvSource({
    "reader, admin, ADMIN",
    "contributor, assessor, ASSESSOR",
    "reader, contributor, CONTRIBUTOR",
    "assessor, admin, ADMIN"
  })
  void twoRolesInOneTenantKeepTheStrongestInEitherOrder(
      String first, String second, TenantRole strongest) {
    for (String[] order : new String[][] {{first, second}, {second, first}}) {
      User caller =
          caller(
              claims()
                  .add(
                      "groups", strings("/tenants/acme/" + order[0], "/tenants/acme/" + order[1])));

      assertThat(caller.tenantRoles()).isEqualTo(Map.of(ACME, strongest));
    }
  }

  @Test
  void malformedGroupsAreIgnored() {
    User caller =
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
    User caller =
        caller(claims().add("realm_access", realmRoles("offline_access", "platform-operator")));

    assertThat(caller.platformRoles()).containsExactly(PlatformRole.OPERATOR);
    assertThat(caller.has(PlatformRole.OPERATOR)).isTrue();
  }

  @Test
  void otherRealmRolesAreIgnored() {
    User caller =
        caller(
            claims()
                .add(
                    "realm_access",
                    realmRoles("offline_access", "uma_authorization", "platform-operators")));

    assertThat(caller.platformRoles()).isEmpty();
  }

  @Test
  void firmRolesAreReadFromFirmGroupsAndReachOnlyThatFirmsClients() {
    User caller =
        caller(
            claims()
                .add(
                    "groups",
                    strings(
                        "/firms/northwind/reader",
                        "/firms/northwind/consultant",
                        "/firms/Bad_Slug/admin",
                        "/firms/acme-advisors/owner",
                        "/tenants/acme/admin")));

    FirmSlug northwind = new FirmSlug("northwind");
    assertThat(caller.firmRoles()).isEqualTo(Map.of(northwind, FirmRole.READER));
    assertThat(caller.reachesClientsThroughFirm()).isTrue();
    // own role and firm role: the stronger wins; another firm's client or a direct customer: the
    // own role only
    assertThat(caller.roleIn(ACME, Optional.of(northwind))).contains(TenantRole.ADMIN);
    assertThat(caller.roleIn(GLOBEX, Optional.of(northwind))).contains(TenantRole.READER);
    assertThat(caller.roleIn(GLOBEX, Optional.of(new FirmSlug("other-firm")))).isEmpty();
    assertThat(caller.roleIn(GLOBEX, Optional.empty())).isEmpty();
  }

  @Test
  void aConsultantReachesOnlyTheClientsTheyAreAddedTo() {
    User caller =
        caller(
            claims()
                .add(
                    "groups",
                    strings("/firms/northwind/consultant", "/tenants/globex-eu/contributor")));

    assertThat(caller.reachesClientsThroughFirm()).isFalse();
    assertThat(caller.roleIn(GLOBEX, Optional.of(new FirmSlug("northwind"))))
        .contains(TenantRole.CONTRIBUTOR);
    assertThat(caller.roleIn(ACME, Optional.of(new FirmSlug("northwind")))).isEmpty();
  }

  @Test
  void profileClaimsAreRead() {
    User caller =
        caller(
            claims()
                .add("preferred_username", "alice")
                .add("email", "alice@acme.test")
                .add("name", "Alice Liddell"));

    assertThat(caller.id()).isEqualTo("user-1");
    assertThat(caller.username()).isEqualTo("alice");
    assertThat(caller.email()).isEqualTo("alice@acme.test");
    assertThat(caller.fullName()).isEqualTo("Alice Liddell");
  }

  @Test
  void usernameFallsBackToSubjectWithoutPreferredUsername() {
    User caller = caller(claims());

    assertThat(caller.username()).isEqualTo("user-1");
    assertThat(caller.email()).isNull();
  }

  private static final class Claims {
    String username;
    String email;
    String name;
    List<String> groups = new ArrayList<>();
    List<String> realmRoles = new ArrayList<>();

    Claims add(String claim, Object value) {
      switch (claim) {
        case "preferred_username" -> username = (String) value;
        case "email" -> email = (String) value;
        case "name" -> name = (String) value;
        case "groups" -> groups = strings(value);
        case "realm_access" -> realmRoles = strings(value);
        default -> throw new IllegalArgumentException(claim);
      }
      return this;
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Object value) {
      return (List<String>) value;
    }
  }

  private static User caller(Claims claims) {
    return User.fromToken(
        "user-1", claims.username, claims.email, claims.name, claims.groups, claims.realmRoles);
  }

  private static Claims claims() {
    return new Claims();
  }

  private static List<String> strings(String... paths) {
    return List.of(paths);
  }

  private static List<String> realmRoles(String... roles) {
    return List.of(roles);
  }
}

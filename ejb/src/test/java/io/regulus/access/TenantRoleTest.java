package io.regulus.access;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TenantRoleTest {

  @Test
  void rolesAreKnownByTheirKeycloakGroupNames() {
    assertThat(TenantRole.fromId("admin")).contains(TenantRole.ADMIN);
    assertThat(TenantRole.fromId("assessor")).contains(TenantRole.ASSESSOR);
    assertThat(TenantRole.fromId("contributor")).contains(TenantRole.CONTRIBUTOR);
    assertThat(TenantRole.fromId("reader")).contains(TenantRole.READER);
    assertThat(TenantRole.fromId("ADMIN")).isEmpty();
    assertThat(TenantRole.fromId("owner")).isEmpty();
  }

  @Test
  void ofTwoRolesInOneTenantTheStrongestIsKept() {
    assertThat(TenantRole.READER.strongest(TenantRole.ADMIN)).isEqualTo(TenantRole.ADMIN);
    assertThat(TenantRole.ADMIN.strongest(TenantRole.CONTRIBUTOR)).isEqualTo(TenantRole.ADMIN);
    assertThat(TenantRole.CONTRIBUTOR.strongest(TenantRole.ASSESSOR))
        .isEqualTo(TenantRole.ASSESSOR);
  }
}

package io.regulus.directory;

import static org.assertj.core.api.Assertions.assertThat;

import io.regulus.access.TenantRole;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The last-admin rule as the roster applies it: a tenant always keeps an enabled admin. */
class RosterTest {

  @Test
  void theOnlyAdminIsTheLastAdmin() {
    Roster roster =
        Roster.of(
            List.of(
                member("a", TenantRole.ADMIN, true), member("c", TenantRole.CONTRIBUTOR, true)));

    assertThat(roster.lastAdmins()).containsExactly("a");
  }

  @Test
  void twoEnabledAdminsLeaveNoLastAdmin() {
    Roster roster =
        Roster.of(
            List.of(member("a", TenantRole.ADMIN, true), member("b", TenantRole.ADMIN, true)));

    assertThat(roster.lastAdmins()).isEmpty();
  }

  @Test
  void aDisabledAdminDoesNotCountSoTheEnabledOneIsLastButTheDisabledOneMayGo() {
    Roster roster =
        Roster.of(
            List.of(member("a", TenantRole.ADMIN, true), member("d", TenantRole.ADMIN, false)));

    assertThat(roster.isLastAdmin("a")).isTrue();
    assertThat(roster.isLastAdmin("d")).isFalse();
  }

  @Test
  void withOnlyDisabledAdminsEachIsProtected() {
    Roster roster =
        Roster.of(
            List.of(member("d", TenantRole.ADMIN, false), member("e", TenantRole.ADMIN, false)));

    assertThat(roster.lastAdmins()).containsExactlyInAnyOrder("d", "e");
  }

  @Test
  void anAdminThroughTheFirmCountsAsAnotherAdmin() {
    Roster roster =
        Roster.of(
            List.of(
                member("a", TenantRole.ADMIN, true),
                new Member("f", "f", null, null, null, true, TenantRole.ADMIN, "northwind", null)));

    assertThat(roster.lastAdmins()).isEmpty();
  }

  private static Member member(String id, TenantRole role, boolean enabled) {
    return new Member(id, id, id + "@example.com", null, null, enabled, role, null, null);
  }
}

package io.regulus.alert;

import static org.assertj.core.api.Assertions.assertThat;

import io.regulus.access.TenantRole;
import io.regulus.directory.Member;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RecipientsTest {

  private static Member member(String id, TenantRole role, boolean enabled) {
    return new Member(id, id, id + "@x", null, null, enabled, role, null, List.of());
  }

  private static final List<Member> MEMBERS =
      List.of(
          member("ann", TenantRole.ADMIN, true),
          member("adam", TenantRole.ADMIN, false),
          member("asa", TenantRole.ASSESSOR, true),
          member("cid", TenantRole.CONTRIBUTOR, true));

  private static AlertPolicy policy(Set<TenantRole> roles, boolean assignee, boolean tester) {
    return new AlertPolicy(
        1,
        "p",
        AlertKind.ASSIGNMENT_CHANGE,
        Severity.LOW,
        null,
        null,
        null,
        Set.of(),
        PolicyScope.TENANT,
        true,
        roles,
        assignee,
        tester,
        Instant.EPOCH,
        "t");
  }

  @Test
  void theEnabledMembersOfItsRolesAndTheAssigneeAndTesterItNames() {
    assertThat(
            Recipients.of(
                policy(Set.of(TenantRole.ADMIN), false, false), MEMBERS, "cid", "asa", "x"))
        .containsExactly("ann");
    assertThat(Recipients.of(policy(Set.of(), true, false), MEMBERS, "cid", "asa", "x"))
        .containsExactly("cid");
    assertThat(Recipients.of(policy(Set.of(), true, true), MEMBERS, "cid", "asa", "x"))
        .containsExactlyInAnyOrder("cid", "asa");
    assertThat(Recipients.of(policy(Set.of(), true, true), MEMBERS, null, null, "x")).isEmpty();
  }

  @Test
  void thePersonWhoseChangeRaisedItIsNotTold() {
    assertThat(
            Recipients.of(
                policy(Set.of(TenantRole.ADMIN, TenantRole.ASSESSOR), true, false),
                MEMBERS,
                "cid",
                null,
                "ann"))
        .containsExactlyInAnyOrder("asa", "cid");
  }
}

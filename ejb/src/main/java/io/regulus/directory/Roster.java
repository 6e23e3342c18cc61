package io.regulus.directory;

import io.regulus.access.TenantRole;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A tenant's members with the last-admin rule applied to them: a tenant always keeps an enabled
 * admin, so an admin with no other enabled admin beside them is its last admin, and may be neither
 * removed nor given another role. {@link TenantMembers} refuses by this rule; a page shows it.
 *
 * @param lastAdmins the ids of the members the rule protects (usually one; none while two enabled
 *     admins remain)
 */
public record Roster(List<Member> members, Set<String> lastAdmins) {

  public Roster {
    members = List.copyOf(members);
    lastAdmins = Set.copyOf(lastAdmins);
  }

  /** The members as they are, and which of them are the last admin. */
  static Roster of(List<Member> members) {
    List<Member> admins = members.stream().filter(m -> m.role() == TenantRole.ADMIN).toList();
    Set<String> last =
        admins.stream()
            .filter(
                admin -> admins.stream().noneMatch(o -> o.enabled() && !o.id().equals(admin.id())))
            .map(Member::id)
            .collect(Collectors.toSet());
    return new Roster(members, last);
  }

  /** Whether removing or demoting this member would leave the tenant without an admin. */
  public boolean isLastAdmin(String userId) {
    return lastAdmins.contains(userId);
  }
}

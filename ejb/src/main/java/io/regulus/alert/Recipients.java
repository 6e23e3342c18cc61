package io.regulus.alert;

import io.regulus.directory.Member;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Who a policy's alert tells, as a pure function: the enabled members in its roles, the action's
 * assignee and tester when it names them, never the person whose change raised it (they know).
 */
public final class Recipients {

  private Recipients() {}

  public static Set<String> of(
      AlertPolicy policy, List<Member> members, String assigneeId, String testerId, String actor) {
    Set<String> ids = new LinkedHashSet<>();
    if (!policy.recipientRoles().isEmpty()) {
      members.stream()
          .filter(Member::enabled)
          .filter(m -> policy.recipientRoles().contains(m.role()))
          .map(Member::id)
          .forEach(ids::add);
    }
    if (policy.notifyAssignee() && assigneeId != null) {
      ids.add(assigneeId);
    }
    if (policy.notifyTester() && testerId != null) {
      ids.add(testerId);
    }
    ids.remove(actor);
    return ids;
  }
}

package io.regulus.action;

import io.regulus.notification.Notice;
import io.regulus.notification.NoticeKind;
import io.regulus.notification.Notices;
import io.regulus.tenancy.ActiveTenant;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/**
 * Tells a person an action was assigned to them, to implement or to test: an {@link
 * NoticeKind#ASSIGNMENT} notice for their daily digest, posted in the transaction of the change
 * (the one place instances are written, {@link ActionRepository#update}), so a change rolled back
 * tells no one. Nobody is told of what they assigned to themselves.
 */
@ApplicationScoped
public class AssignmentNotices {

  @EJB private Notices notices;

  /** Posts the notices of one instance's change. */
  void changed(ActiveTenant tenant, ActionInstance before, ActionInstance after, String by) {
    if (newly(before.assigneeId(), after.assigneeId(), by)) {
      post(tenant, after, after.assigneeId(), "to implement");
    }
    if (newly(before.testerId(), after.testerId(), by)) {
      post(tenant, after, after.testerId(), "to test");
    }
  }

  private static boolean newly(String before, String after, String by) {
    return after != null && !after.equals(before) && !after.equals(by);
  }

  private void post(ActiveTenant tenant, ActionInstance instance, String userId, String what) {
    notices.post(
        new Notice(
            userId,
            tenant.slug().value(),
            NoticeKind.ASSIGNMENT,
            ActionLinks.name(instance.key(), instance.title(), instance.group()) + ": " + what,
            ActionLinks.page(tenant.slug().value(), instance.id()),
            Instant.now()));
  }
}

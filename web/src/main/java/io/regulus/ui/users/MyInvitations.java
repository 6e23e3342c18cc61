package io.regulus.ui.users;

import io.regulus.directory.Invitations;
import io.regulus.ui.PageTexts;
import io.regulus.ui.Workspace;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * The signed-in person's own pending invitations, on the start page: accept (join the tenant with
 * the invited role) or decline, as the domain decides ({@link Invitations}: only the invitee's own
 * invitation, anyone else's is not found). Roles travel in the sign-in's token, so a tenant just
 * joined reaches the tenant switcher at the next sign-in: {@link SignInAgain} does that at once,
 * through Keycloak's single sign-on, without a password.
 */
@Named
@ViewScoped
public class MyInvitations implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final PageTexts TEXT = PageTexts.of("io.regulus.ui.users.messages");

  @EJB private Invitations invitations;
  @Inject private Workspace workspace;

  private List<InvitationRow> pending;
  private boolean joined;

  /**
   * The invitations waiting for the signed-in person (read once in this view, after each answer).
   */
  public List<InvitationRow> getPending() {
    if (pending == null) {
      pending = invitations.mine(workspace.user()).stream().map(InvitationRow::new).toList();
    }
    return pending;
  }

  public void accept(String invitationId) {
    Invitations.Joined join = invitations.accept(workspace.user(), invitationId);
    TEXT.done(
        "mine.accepted",
        nameOf(invitationId, join.tenant().value()),
        UsersPage.roleName(join.role()));
    joined = true;
    pending = null;
  }

  public void decline(String invitationId) {
    String name = nameOf(invitationId, invitationId);
    invitations.decline(workspace.user(), invitationId);
    TEXT.done("mine.declined", name);
    pending = null;
  }

  /**
   * Whether the person joined a tenant in this view (the switcher shows it after signing in again).
   */
  public boolean isJoined() {
    return joined;
  }

  private String nameOf(String invitationId, String otherwise) {
    return getPending().stream()
        .map(InvitationRow::invitation)
        .filter(i -> i.id().equals(invitationId))
        .map(i -> i.tenantName() == null ? i.tenant().value() : i.tenantName())
        .findFirst()
        .orElse(otherwise);
  }
}

package io.regulus.ui;

import io.regulus.ui.users.MyInvitations;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * Where a signed-in person starts: the start page itself while they have invitations to answer (it
 * lists them), else a firm's portfolio for those who see one, else the dashboard of their first
 * tenant, else the platform for operators; someone who reaches nothing yet stays on the start page,
 * which says so.
 */
@Named
@RequestScoped
public class Home {

  @Inject private Workspace workspace;
  @Inject private MyInvitations invitations;

  /** The page to open instead of the start page, or null to stay. */
  public String route() {
    if (!invitations.getPending().isEmpty()) {
      return null;
    }
    if (!workspace.getPortfolioFirms().isEmpty()) {
      return "/app/portfolio.xhtml?faces-redirect=true&firm="
          + workspace.getPortfolioFirms().get(0).value();
    }
    if (!workspace.getTenants().isEmpty()) {
      return Pages.dashboard(workspace.getTenants().get(0).slug().value());
    }
    if (workspace.isOperator()) {
      return "/app/platform/tenants.xhtml?faces-redirect=true";
    }
    return null;
  }
}

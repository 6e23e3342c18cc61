package io.regulus.ui.action;

import io.regulus.access.TenantCaller;
import io.regulus.action.ActionService;
import io.regulus.action.AutomaticTestService;
import io.regulus.signal.AutomaticTest;
import io.regulus.ui.Workspace;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Objects;

/**
 * The automatic test block of the action page (WEB-INF/includes/automatic-test.xhtml): how the
 * sweep decided the action's test, the signals behind it, and the override with its withdrawal. It
 * asks the same services as the API ({@link AutomaticTestService}); whether the member may withdraw
 * is the workflow's answer ({@link ActionService#options}), and the service decides again.
 */
@Named("automaticTestBlock")
@ViewScoped
public class AutomaticTestBlock implements Serializable {

  private static final long serialVersionUID = 1L;

  @EJB private AutomaticTestService tests;
  @EJB private ActionService actions;
  @Inject private Workspace workspace;

  private String tenant;
  private Long id;
  private AutomaticTest test;
  private boolean withdraws;

  /** The action's automatic test, read once per action the view shows; null when it has none. */
  public AutomaticTest test(String tenant, long id) {
    if (!Objects.equals(this.tenant, tenant) || !Objects.equals(this.id, id)) {
      TenantCaller caller = workspace.enter(tenant);
      this.tenant = tenant;
      this.id = id;
      test = tests.of(caller, id).orElse(null);
      withdraws = test != null && test.overridden() && actions.options(caller, id).test();
    }
    return test;
  }

  /** Whether the member may withdraw the override (they may set the test status). */
  public boolean isWithdraws() {
    return withdraws;
  }

  /** Withdraws the override, then shows the action afresh. */
  public String withdraw() {
    tests.withdrawOverride(workspace.enter(tenant), id);
    return "/app/action.xhtml?faces-redirect=true&tenant=" + tenant + "&id=" + id;
  }

  /** A signal's value in words: undetermined for JSON null. */
  public String value(Object value, String undetermined) {
    return value == null ? undetermined : value.toString();
  }
}

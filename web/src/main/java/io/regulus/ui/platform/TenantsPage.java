package io.regulus.ui.platform;

import io.regulus.administration.TenantAdministration;
import io.regulus.ui.PagedList;
import io.regulus.ui.Workspace;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;

/**
 * Every tenant of the platform with its life-cycle status, for operators, paged as the API pages
 * it; each leads to its own page, where its life cycle is run.
 */
@Named
@ViewScoped
public class TenantsPage implements Serializable {

  private static final long serialVersionUID = 1L;

  @EJB private TenantAdministration administration;
  @Inject private Workspace workspace;

  private final PagedList<TenantRow> tenants =
      PagedList.whole(
          () -> administration.tenants(workspace.user()).stream().map(TenantRow::of).toList());

  /** Reads the tenants now: anyone but an operator gets the access-denied page. */
  public void load() {
    tenants.readNow();
  }

  public PagedList<TenantRow> getTenants() {
    return tenants;
  }
}

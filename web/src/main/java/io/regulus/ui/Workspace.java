package io.regulus.ui;

import io.regulus.access.AccessControl;
import io.regulus.access.Permission;
import io.regulus.access.TenantCaller;
import io.regulus.access.User;
import io.regulus.administration.TenantAdministration;
import io.regulus.administration.TenantAdministration.Reach;
import io.regulus.tenancy.FirmSlug;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The signed-in person for one page request: who they are, the tenants they reach (the tenant
 * switcher), the tenant a page works in and what they may do there. Every answer comes from the
 * domain ({@link AccessControl}, {@link TenantAdministration}); a page asks here before it offers a
 * control, and the service behind the control decides again.
 *
 * <p>A tenant page names its tenant in the URL ({@code ?tenant=acme}); {@link #enter} lets the user
 * in the way the API does, so an edited URL meets the same refusal.
 */
@Named("workspace")
@RequestScoped
public class Workspace {

  @Inject private AccessControl access;
  @EJB private TenantAdministration administration;

  private User user;
  private List<Reach> tenants;
  private final Map<String, TenantCaller> entered = new HashMap<>();

  /** The signed-in user, as the session's access token describes them. */
  public User user() {
    if (user == null) {
      user = SignedInSession.user();
    }
    return user;
  }

  /** For pages: the user's display name. */
  public String getDisplayName() {
    User me = user();
    return me.fullName() == null || me.fullName().isBlank() ? me.username() : me.fullName();
  }

  /** The active tenants the user reaches, with their role in each: the tenant switcher's list. */
  public List<Reach> getTenants() {
    if (tenants == null) {
      tenants = administration.reachable(user());
    }
    return tenants;
  }

  /** The user inside a tenant, as the domain lets them in; refused as the API refuses. */
  public TenantCaller enter(String tenant) {
    return entered.computeIfAbsent(
        tenant == null ? "" : tenant, slug -> access.enterTenant(user(), slug));
  }

  /** The tenant switcher's entry of a tenant, when the user reaches it. */
  public Optional<Reach> reach(String tenant) {
    return getTenants().stream().filter(r -> r.slug().value().equals(tenant)).findFirst();
  }

  /** The display name of a tenant the user reaches, else its slug. */
  public String tenantName(String tenant) {
    return reach(tenant).map(Reach::displayName).orElse(tenant);
  }

  /**
   * Whether the user may do what the permission names in the tenant ({@code #{workspace.can(tenant,
   * 'WORK_ON_ACTIONS')}}); false when they cannot enter it.
   */
  public boolean can(String tenant, String permission) {
    Permission asked = Permission.valueOf(permission);
    if (tenant == null || tenant.isBlank() || reach(tenant).isEmpty()) {
      return false;
    }
    return access.allows(asked, enter(tenant));
  }

  /**
   * Whether the user may do what the firm permission names in the firm ({@code
   * #{workspace.canInFirm(firm, 'MANAGE_FIRM_TEMPLATES')}}); false for a malformed firm.
   */
  public boolean canInFirm(String firm, String permission) {
    if (firm == null || firm.isBlank()) {
      return false;
    }
    try {
      return access.allows(Permission.valueOf(permission), user(), AccessControl.firmNamed(firm));
    } catch (io.regulus.problem.DomainException e) {
      return false;
    }
  }

  /** Whether the user operates the platform. */
  public boolean isOperator() {
    return access.allows(Permission.OPERATE_PLATFORM, user());
  }

  /** The firms whose client portfolio the user may see. */
  public List<FirmSlug> getPortfolioFirms() {
    return user().firmRoles().keySet().stream()
        .filter(firm -> access.allows(Permission.VIEW_FIRM_CLIENTS, user(), firm))
        .sorted((a, b) -> a.value().compareTo(b.value()))
        .toList();
  }
}

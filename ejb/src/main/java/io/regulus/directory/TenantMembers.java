package io.regulus.directory;

import io.regulus.access.FirmRole;
import io.regulus.access.GroupPaths;
import io.regulus.access.Guarded;
import io.regulus.access.Internal;
import io.regulus.access.Permission;
import io.regulus.access.Requires;
import io.regulus.access.TenantCaller;
import io.regulus.access.TenantRole;
import io.regulus.audit.AuditAction;
import io.regulus.audit.AuditLog;
import io.regulus.problem.DomainException;
import io.regulus.problem.ProblemKind;
import io.regulus.tenancy.ActiveTenant;
import io.regulus.tenancy.Firm;
import io.regulus.tenancy.FirmSlug;
import io.regulus.tenancy.TenantRegistry;
import io.regulus.tenancy.TenantSlug;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.keycloak.representations.idm.GroupRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * A tenant's users, kept in Keycloak alone: a user's role in a tenant is their membership of the
 * group {@code /tenants/<tenant>/<role>}, or a role in the tenant's consulting firm. Changes reach
 * the user's next token. Every change is written to the audit log after Keycloak accepted it. A
 * tenant always keeps an admin: changes of one tenant's membership hold its membership lock, so two
 * admins removing each other at once cannot both succeed, on one node or several. People join
 * through {@link Invitations}.
 */
@Stateless
@Guarded
public class TenantMembers {

  private static final int PAGE = 500;

  @Inject private KeycloakDirectory directory;
  @EJB private TenantRegistry registry;
  @EJB private AuditLog audit;

  /**
   * Everyone who reaches the tenant, strongest role per user; own memberships win over firm ones on
   * a tie.
   */
  @Requires(Permission.MANAGE_USERS)
  public List<Member> list(TenantCaller caller) {
    return of(caller.tenant());
  }

  /**
   * Everyone who reaches the tenant, as {@link #list}, and which of them the last-admin rule
   * protects: what a page shows beside each admin before anyone tries to remove them.
   */
  @Requires(Permission.MANAGE_USERS)
  public Roster roster(TenantCaller caller) {
    return Roster.of(of(caller.tenant()));
  }

  /**
   * The members of a tenant, for operations that show who did what (names in exports, workbook
   * people).
   */
  @Internal(
      "ActionService and BulkUpdateService, inside operations that checked their own permission;"
          + " AlertRaiser, for the recipients of an alert raised by a change so checked")
  // Keycloak only, outside the caller's transaction: a directory that does not answer fails this
  // call, and does not doom the change of a caller that can do without it (an alert's recipients)
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public List<Member> of(ActiveTenant tenant) {
    Map<String, Member> members = new LinkedHashMap<>();
    for (TenantRole role : TenantRole.PEOPLE) {
      groupMembers(GroupPaths.tenant(tenant.slug(), role))
          .forEach(user -> merge(members, toMember(user, role, null)));
    }
    firmOf(tenant.slug())
        .ifPresent(
            firm -> {
              for (FirmRole firmRole : FirmRole.values()) {
                firmRole
                    .inEveryClient()
                    .ifPresent(
                        role ->
                            groupMembers(GroupPaths.firm(firm, firmRole))
                                .forEach(
                                    user -> merge(members, toMember(user, role, firm.value()))));
              }
            });
    return members.values().stream()
        .sorted(
            Comparator.comparing(Member::role)
                .thenComparing(m -> m.username().toLowerCase(Locale.ROOT)))
        .toList();
  }

  /** The picker: the members who may be assigned an action's implementation or its test. */
  @Requires(Permission.READ_TENANT)
  public List<Member> assignable(TenantCaller caller, AssignmentPurpose purpose) {
    return assignableIn(caller.tenant(), purpose);
  }

  @Internal(
      "ActionService and BulkUpdateService, to check an assignee inside an assignment they authorized")
  public List<Member> assignableIn(ActiveTenant tenant, AssignmentPurpose purpose) {
    return of(tenant).stream().filter(m -> m.enabled() && purpose.admits(m.role())).toList();
  }

  @Requires(Permission.MANAGE_USERS)
  public Member get(TenantCaller caller, String userId) {
    return member(caller.tenant(), DirectoryId.require(userId, "userId"));
  }

  private Member member(ActiveTenant tenant, String userId) {
    return of(tenant).stream()
        .filter(m -> m.id().equals(userId))
        .findFirst()
        .orElseThrow(() -> new MemberNotFoundException(tenant.slug(), userId));
  }

  /**
   * Moves a member to another role in this tenant; their other tenants are untouched. Holds the
   * tenant's membership lock, so the last-admin rule holds against a concurrent change.
   */
  @Requires(Permission.MANAGE_USERS)
  public Member changeRole(TenantCaller caller, String userId, TenantRole role) {
    ActiveTenant tenant = caller.tenant();
    String id = DirectoryId.require(userId, "userId");
    registry.lockMembers(tenant.slug());
    TenantRole current = directRole(tenant.slug(), id).orElseThrow(() -> notDirect(tenant, id));
    if (current != role) {
      place(tenant, id, role);
      audit.record(
          caller.actor(),
          AuditAction.USER_ROLE_CHANGED,
          tenant.slug().value(),
          null,
          id + " from " + current.id() + " to " + role.id());
    }
    return member(tenant, id);
  }

  /**
   * Gives the user this role as their own in the tenant (leaving any other role of theirs there);
   * answers the role they held before. Refused when it would take the tenant's last admin. The
   * caller holds the tenant's membership lock ({@link TenantRegistry#lockMembers}).
   */
  @Internal("changeRole here and Invitations.accept, inside the tenant's membership lock")
  public Optional<TenantRole> place(ActiveTenant tenant, String userId, TenantRole role) {
    Optional<TenantRole> current = directRole(tenant.slug(), userId);
    if (current.equals(Optional.of(role))) {
      return current;
    }
    if (current.equals(Optional.of(TenantRole.ADMIN))) {
      requireAnotherAdmin(tenant, userId);
    }
    String target = directory.ensureGroup(GroupPaths.tenant(tenant.slug(), role)).getId();
    directory.run(r -> r.users().get(userId).joinGroup(target));
    leaveTenantGroups(tenant.slug(), userId, Optional.of(role));
    return current;
  }

  /** Whether an enabled admin reaches the tenant (their own role or their firm's). */
  @Internal("Invitations.appoint, for an operator who appoints an admin to a tenant without one")
  public boolean hasAdmin(ActiveTenant tenant) {
    return of(tenant).stream().anyMatch(m -> m.role() == TenantRole.ADMIN && m.enabled());
  }

  /**
   * Removes a member from this tenant only: the Keycloak user and their other tenants stay. Holds
   * the tenant's membership lock, like every membership change.
   */
  @Requires(Permission.MANAGE_USERS)
  public void remove(TenantCaller caller, String userId) {
    ActiveTenant tenant = caller.tenant();
    String id = DirectoryId.require(userId, "userId");
    registry.lockMembers(tenant.slug());
    TenantRole current = directRole(tenant.slug(), id).orElseThrow(() -> notDirect(tenant, id));
    if (current == TenantRole.ADMIN) {
      requireAnotherAdmin(tenant, id);
    }
    leaveTenantGroups(tenant.slug(), id, Optional.empty());
    audit.record(
        caller.actor(),
        AuditAction.USER_REMOVED,
        tenant.slug().value(),
        null,
        id + " (was " + current.id() + ")");
  }

  /** Removes the tenant's groups, and so every membership of it (the tenant is being deleted). */
  @Internal("TenantAdministration.delete, for a tenant an operator deletes")
  public void forgetTenant(TenantSlug slug) {
    directory.removeGroup(GroupPaths.tenant(slug));
  }

  private DomainException notDirect(ActiveTenant tenant, String userId) {
    boolean viaFirm = of(tenant).stream().anyMatch(m -> m.id().equals(userId) && !m.direct());
    if (viaFirm) {
      return new DomainException(
          ProblemKind.CONFLICT,
          "User "
              + userId
              + " reaches '"
              + tenant.slug()
              + "' through their consulting firm's role, not as a member"
              + " of the tenant; their firm administrator changes that role.",
          "userId");
    }
    return new MemberNotFoundException(tenant.slug(), userId);
  }

  private void requireAnotherAdmin(ActiveTenant tenant, String userId) {
    Roster roster = Roster.of(of(tenant));
    if (roster.isLastAdmin(userId)) {
      String who =
          roster.members().stream()
              .filter(m -> m.id().equals(userId))
              .map(m -> m.username() + " (" + userId + ")")
              .findFirst()
              .orElse(userId);
      throw new DomainException(
          ProblemKind.RULE_VIOLATED,
          "User "
              + who
              + " is the last admin of '"
              + tenant.slug()
              + "'; a tenant always keeps an admin."
              + " Make another member admin first.",
          "userId");
    }
  }

  /** The user's own role in the tenant, from their group memberships (not from firm roles). */
  private Optional<TenantRole> directRole(TenantSlug tenant, String userId) {
    String prefix = GroupPaths.tenant(tenant) + "/";
    List<GroupRepresentation> groups = userGroups(userId);
    return groups.stream()
        .map(GroupRepresentation::getPath)
        .filter(path -> path != null && path.startsWith(prefix))
        .map(path -> TenantRole.fromId(path.substring(prefix.length())))
        .flatMap(Optional::stream)
        .reduce(TenantRole::strongest);
  }

  private void leaveTenantGroups(TenantSlug tenant, String userId, Optional<TenantRole> keep) {
    String prefix = GroupPaths.tenant(tenant) + "/";
    for (GroupRepresentation group : userGroups(userId)) {
      String path = group.getPath();
      if (path != null && path.startsWith(prefix)) {
        Optional<TenantRole> role = TenantRole.fromId(path.substring(prefix.length()));
        if (!role.equals(keep)) {
          directory.run(r -> r.users().get(userId).leaveGroup(group.getId()));
        }
      }
    }
  }

  /**
   * Every group of the user, page by page (a consultant may be in hundreds); none for an unknown
   * user.
   */
  private List<GroupRepresentation> userGroups(String userId) {
    List<GroupRepresentation> all = new ArrayList<>();
    for (int first = 0; ; first += PAGE) {
      List<GroupRepresentation> page = directory.groupsOf(userId, first, PAGE);
      all.addAll(page);
      if (page.size() < PAGE) {
        return all;
      }
    }
  }

  private List<UserRepresentation> groupMembers(String path) {
    Optional<GroupRepresentation> group = directory.group(path);
    if (group.isEmpty()) {
      return List.of();
    }
    List<UserRepresentation> all = new ArrayList<>();
    for (int first = 0; ; first += PAGE) {
      int from = first;
      List<UserRepresentation> page =
          directory.call(r -> r.groups().group(group.get().getId()).members(from, PAGE, false));
      all.addAll(page);
      if (page.size() < PAGE) {
        return all;
      }
    }
  }

  private Optional<FirmSlug> firmOf(TenantSlug tenant) {
    return registry.find(tenant).flatMap(t -> t.firm()).map(Firm::slug);
  }

  private static Member toMember(UserRepresentation user, TenantRole role, String viaFirm) {
    return new Member(
        user.getId(),
        user.getUsername(),
        user.getEmail(),
        user.getFirstName(),
        user.getLastName(),
        Boolean.TRUE.equals(user.isEnabled()),
        role,
        viaFirm,
        user.getRequiredActions());
  }

  private static void merge(Map<String, Member> members, Member candidate) {
    members.merge(
        candidate.id(),
        candidate,
        (a, b) -> {
          TenantRole strongest = a.role().strongest(b.role());
          if (a.role() == b.role()) {
            return a.direct() ? a : b;
          }
          return strongest == a.role() ? a : b;
        });
  }
}

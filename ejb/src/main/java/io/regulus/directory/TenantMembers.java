package io.regulus.directory;

import io.regulus.access.FirmRole;
import io.regulus.access.GroupPaths;
import io.regulus.access.Guarded;
import io.regulus.access.Internal;
import io.regulus.access.Permission;
import io.regulus.access.Requires;
import io.regulus.access.TenantCaller;
import io.regulus.access.TenantRole;
import io.regulus.audit.Actor;
import io.regulus.audit.AuditAction;
import io.regulus.audit.AuditLog;
import io.regulus.problem.DomainException;
import io.regulus.problem.ProblemKind;
import io.regulus.settings.Settings;
import io.regulus.tenancy.ActiveTenant;
import io.regulus.tenancy.Firm;
import io.regulus.tenancy.FirmSlug;
import io.regulus.tenancy.TenantRegistry;
import io.regulus.tenancy.TenantSlug;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
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
 * tenant always keeps an admin.
 */
@Stateless
@Guarded
public class TenantMembers {

  private static final int PAGE = 500;
  private static final String UPDATE_PASSWORD = "UPDATE_PASSWORD";
  private static final String VERIFY_EMAIL = "VERIFY_EMAIL";

  @Inject private KeycloakDirectory directory;
  @Inject private Settings settings;
  @EJB private TenantRegistry registry;
  @EJB private AuditLog audit;

  /** What an invitation did. */
  public record Invited(Member member, boolean userCreated, boolean addedToTenant) {}

  /**
   * Everyone who reaches the tenant, strongest role per user; own memberships win over firm ones on
   * a tie.
   */
  @Requires(Permission.MANAGE_USERS)
  public List<Member> list(TenantCaller caller) {
    return of(caller.tenant());
  }

  /**
   * The members of a tenant, for operations that show who did what (names in exports, workbook
   * people).
   */
  @Internal(
      "ActionService and BulkUpdateService, inside operations that checked their own permission")
  public List<Member> of(ActiveTenant tenant) {
    Map<String, Member> members = new LinkedHashMap<>();
    for (TenantRole role : TenantRole.values()) {
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
    return member(caller.tenant(), userId);
  }

  private Member member(ActiveTenant tenant, String userId) {
    return of(tenant).stream()
        .filter(m -> m.id().equals(userId))
        .findFirst()
        .orElseThrow(() -> new MemberNotFoundException(tenant.slug(), userId));
  }

  /**
   * Invites by email: an existing Keycloak user of that email is added to the tenant; otherwise a
   * user is created with that email and must set a password (and verify the email) at first login.
   * Inviting a member again with the same role changes nothing; with another role it is a conflict
   * (change the role instead).
   */
  @Requires(Permission.MANAGE_USERS)
  public Invited invite(
      TenantCaller caller, String email, TenantRole role, String firstName, String lastName) {
    ActiveTenant tenant = caller.tenant();
    Actor actor = caller.actor();
    String normalized = email.trim().toLowerCase(Locale.ROOT);
    Optional<UserRepresentation> existing = userByEmail(normalized);
    boolean created = existing.isEmpty();
    String userId =
        existing
            .map(UserRepresentation::getId)
            .orElseGet(() -> createUser(normalized, firstName, lastName));
    Optional<TenantRole> current = directRole(tenant.slug(), userId);
    if (current.isPresent()) {
      if (current.get() != role) {
        throw new MemberAlreadyInTenantException(normalized, tenant.slug(), userId, current.get());
      }
      return new Invited(member(tenant, userId), false, false);
    }
    String groupId = directory.ensureGroup(GroupPaths.tenant(tenant.slug(), role)).getId();
    directory.run(r -> r.users().get(userId).joinGroup(groupId));
    if (created && settings.invitationEmails()) {
      directory.run(
          r -> r.users().get(userId).executeActionsEmail(List.of(UPDATE_PASSWORD, VERIFY_EMAIL)));
    }
    audit.record(
        actor,
        AuditAction.USER_INVITED,
        tenant.slug().value(),
        null,
        normalized
            + " as "
            + role.id()
            + (created ? " (new user " + userId + ")" : " (existing user " + userId + ")"));
    return new Invited(member(tenant, userId), created, true);
  }

  /** Moves a member to another role in this tenant; their other tenants are untouched. */
  @Requires(Permission.MANAGE_USERS)
  public Member changeRole(TenantCaller caller, String userId, TenantRole role) {
    ActiveTenant tenant = caller.tenant();
    Actor actor = caller.actor();
    TenantRole current =
        directRole(tenant.slug(), userId).orElseThrow(() -> notDirect(tenant, userId));
    if (current == role) {
      return member(tenant, userId);
    }
    if (current == TenantRole.ADMIN) {
      requireAnotherAdmin(tenant, userId);
    }
    String target = directory.ensureGroup(GroupPaths.tenant(tenant.slug(), role)).getId();
    directory.run(r -> r.users().get(userId).joinGroup(target));
    leaveTenantGroups(tenant.slug(), userId, Optional.of(role));
    audit.record(
        actor,
        AuditAction.USER_ROLE_CHANGED,
        tenant.slug().value(),
        null,
        userId + " from " + current.id() + " to " + role.id());
    return member(tenant, userId);
  }

  /** Removes a member from this tenant only: the Keycloak user and their other tenants stay. */
  @Requires(Permission.MANAGE_USERS)
  public void remove(TenantCaller caller, String userId) {
    ActiveTenant tenant = caller.tenant();
    Actor actor = caller.actor();
    TenantRole current =
        directRole(tenant.slug(), userId).orElseThrow(() -> notDirect(tenant, userId));
    if (current == TenantRole.ADMIN) {
      requireAnotherAdmin(tenant, userId);
    }
    leaveTenantGroups(tenant.slug(), userId, Optional.empty());
    audit.record(
        actor,
        AuditAction.USER_REMOVED,
        tenant.slug().value(),
        null,
        userId + " (was " + current.id() + ")");
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
    boolean another =
        of(tenant).stream()
            .anyMatch(m -> m.role() == TenantRole.ADMIN && m.enabled() && !m.id().equals(userId));
    if (!another) {
      throw new DomainException(
          ProblemKind.RULE_VIOLATED,
          "User "
              + userId
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

  private Optional<UserRepresentation> userByEmail(String email) {
    return directory.call(r -> r.users().searchByEmail(email, true)).stream().findFirst();
  }

  private String createUser(String email, String firstName, String lastName) {
    UserRepresentation user = new UserRepresentation();
    user.setUsername(email);
    user.setEmail(email);
    user.setFirstName(firstName);
    user.setLastName(lastName);
    user.setEnabled(true);
    user.setEmailVerified(false);
    user.setRequiredActions(List.of(UPDATE_PASSWORD, VERIFY_EMAIL));
    return directory
        .createUser(user)
        .or(() -> userByEmail(email).map(UserRepresentation::getId))
        .orElseThrow(
            () ->
                new DomainException(
                    ProblemKind.CONFLICT,
                    "Keycloak has a user named "
                        + email
                        + " with another email; invite that user by their email.",
                    "email"));
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

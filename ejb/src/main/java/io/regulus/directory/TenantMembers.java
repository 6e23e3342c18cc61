package io.regulus.directory;

import io.regulus.audit.Actor;
import io.regulus.audit.AuditAction;
import io.regulus.audit.AuditLog;
import io.regulus.identity.FirmRole;
import io.regulus.identity.TenantRole;
import io.regulus.problem.DomainException;
import io.regulus.problem.ProblemKind;
import io.regulus.tenancy.ActiveTenant;
import io.regulus.tenancy.Firm;
import io.regulus.tenancy.FirmSlug;
import io.regulus.tenancy.TenantRegistry;
import io.regulus.tenancy.TenantSlug;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.representations.idm.GroupRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * A tenant's users, kept in Keycloak alone: a user's role in a tenant is their membership of the group
 * {@code /tenants/<tenant>/<role>}, or a role in the tenant's consulting firm. Changes reach the user's next
 * token. Every change is written to the audit log after Keycloak accepted it. A tenant always keeps an admin.
 */
@Stateless
public class TenantMembers {

  private static final int PAGE = 500;
  private static final String UPDATE_PASSWORD = "UPDATE_PASSWORD";
  private static final String VERIFY_EMAIL = "VERIFY_EMAIL";

  @Inject private KeycloakDirectory directory;
  @EJB private TenantRegistry registry;
  @EJB private AuditLog audit;

  /** What an invitation did. */
  public record Invited(Member member, boolean userCreated, boolean addedToTenant) {}

  /** Everyone who reaches the tenant, strongest role per user; own memberships win over firm ones on a tie. */
  public List<Member> list(ActiveTenant tenant) {
    Map<String, Member> members = new LinkedHashMap<>();
    for (TenantRole role : TenantRole.values()) {
      groupMembers(DirectoryPaths.tenant(tenant.slug(), role))
          .forEach(user -> merge(members, toMember(user, role, null)));
    }
    firmOf(tenant.slug())
        .ifPresent(
            firm -> {
              for (FirmRole firmRole : FirmRole.values()) {
                firmRole.inEveryClient().ifPresent(role ->
                    groupMembers(DirectoryPaths.firm(firm, firmRole))
                        .forEach(user -> merge(members, toMember(user, role, firm.value()))));
              }
            });
    return members.values().stream()
        .sorted(Comparator.comparing(Member::role).thenComparing(m -> m.username().toLowerCase(Locale.ROOT)))
        .toList();
  }

  /** The members who may be assigned an action's implementation or its test. */
  public List<Member> assignable(ActiveTenant tenant, AssignmentPurpose purpose) {
    return list(tenant).stream().filter(m -> m.enabled() && purpose.admits(m.role())).toList();
  }

  public Member get(ActiveTenant tenant, String userId) {
    return list(tenant).stream()
        .filter(m -> m.id().equals(userId))
        .findFirst()
        .orElseThrow(() -> new MemberNotFoundException(tenant.slug(), userId));
  }

  /**
   * Invites by email: an existing Keycloak user of that email is added to the tenant; otherwise a user is created
   * with that email and must set a password (and verify the email) at first login. Inviting a member again with
   * the same role changes nothing; with another role it is a 409 (change the role instead).
   */
  public Invited invite(
      ActiveTenant tenant, Actor actor, String email, TenantRole role, String firstName, String lastName) {
    String normalized = email.trim().toLowerCase(Locale.ROOT);
    Optional<UserRepresentation> existing = userByEmail(normalized);
    boolean created = existing.isEmpty();
    String userId = existing.map(UserRepresentation::getId).orElseGet(() -> createUser(normalized, firstName, lastName));
    Optional<TenantRole> current = directRole(tenant.slug(), userId);
    if (current.isPresent()) {
      if (current.get() != role) {
        throw new DomainException(
            ProblemKind.CONFLICT,
            normalized + " is already a member of '" + tenant.slug() + "' as " + current.get().id()
                + "; change the role with PUT /api/v1/tenants/" + tenant.slug() + "/users/" + userId + "/role.",
            "email");
      }
      return new Invited(get(tenant, userId), false, false);
    }
    String groupId = directory.ensureGroup(DirectoryPaths.tenant(tenant.slug(), role)).getId();
    directory.run(r -> r.users().get(userId).joinGroup(groupId));
    if (created && sendsInvitationEmails()) {
      directory.run(r -> r.users().get(userId).executeActionsEmail(List.of(UPDATE_PASSWORD, VERIFY_EMAIL)));
    }
    audit.record(
        actor, AuditAction.USER_INVITED, tenant.slug().value(), null,
        normalized + " as " + role.id() + (created ? " (new user " + userId + ")" : " (existing user " + userId + ")"));
    return new Invited(get(tenant, userId), created, true);
  }

  /** Moves a member to another role in this tenant; their other tenants are untouched. */
  public Member changeRole(ActiveTenant tenant, Actor actor, String userId, TenantRole role) {
    TenantRole current = directRole(tenant.slug(), userId).orElseThrow(() -> notDirect(tenant, userId));
    if (current == role) {
      return get(tenant, userId);
    }
    if (current == TenantRole.ADMIN) {
      requireAnotherAdmin(tenant, userId);
    }
    String target = directory.ensureGroup(DirectoryPaths.tenant(tenant.slug(), role)).getId();
    directory.run(r -> r.users().get(userId).joinGroup(target));
    leaveTenantGroups(tenant.slug(), userId, Optional.of(role));
    audit.record(
        actor, AuditAction.USER_ROLE_CHANGED, tenant.slug().value(), null,
        userId + " from " + current.id() + " to " + role.id());
    return get(tenant, userId);
  }

  /** Removes a member from this tenant only: the Keycloak user and their other tenants stay. */
  public void remove(ActiveTenant tenant, Actor actor, String userId) {
    TenantRole current = directRole(tenant.slug(), userId).orElseThrow(() -> notDirect(tenant, userId));
    if (current == TenantRole.ADMIN) {
      requireAnotherAdmin(tenant, userId);
    }
    leaveTenantGroups(tenant.slug(), userId, Optional.empty());
    audit.record(actor, AuditAction.USER_REMOVED, tenant.slug().value(), null, userId + " (was " + current.id() + ")");
  }

  /** Removes the tenant's groups, and so every membership of it (the tenant is being deleted). */
  public void forgetTenant(TenantSlug slug) {
    directory.removeGroup(DirectoryPaths.tenant(slug));
  }

  private DomainException notDirect(ActiveTenant tenant, String userId) {
    boolean viaFirm = list(tenant).stream().anyMatch(m -> m.id().equals(userId) && !m.direct());
    if (viaFirm) {
      return new DomainException(
          ProblemKind.CONFLICT,
          "User " + userId + " reaches '" + tenant.slug() + "' through their consulting firm's role, not as a member"
              + " of the tenant; their firm administrator changes that role.",
          "userId");
    }
    return new MemberNotFoundException(tenant.slug(), userId);
  }

  private void requireAnotherAdmin(ActiveTenant tenant, String userId) {
    boolean another =
        list(tenant).stream().anyMatch(m -> m.role() == TenantRole.ADMIN && m.enabled() && !m.id().equals(userId));
    if (!another) {
      throw new DomainException(
          ProblemKind.RULE_VIOLATED,
          "User " + userId + " is the last admin of '" + tenant.slug() + "'; a tenant always keeps an admin."
              + " Make another member admin first.",
          "userId");
    }
  }

  /** The user's own role in the tenant, from their group memberships (not from firm roles). */
  private Optional<TenantRole> directRole(TenantSlug tenant, String userId) {
    String prefix = DirectoryPaths.tenant(tenant) + "/";
    List<GroupRepresentation> groups = userGroups(userId);
    return groups.stream()
        .map(GroupRepresentation::getPath)
        .filter(path -> path != null && path.startsWith(prefix))
        .map(path -> TenantRole.fromId(path.substring(prefix.length())))
        .flatMap(Optional::stream)
        .reduce(TenantRole::strongest);
  }

  private void leaveTenantGroups(TenantSlug tenant, String userId, Optional<TenantRole> keep) {
    String prefix = DirectoryPaths.tenant(tenant) + "/";
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

  /** Every group of the user, page by page (a consultant may be in hundreds). */
  private List<GroupRepresentation> userGroups(String userId) {
    List<GroupRepresentation> all = new ArrayList<>();
    for (int first = 0; ; first += PAGE) {
      int from = first;
      List<GroupRepresentation> page =
          directory.call(
              r -> {
                try {
                  return r.users().get(userId).groups(from, PAGE, false);
                } catch (jakarta.ws.rs.NotFoundException e) {
                  return List.<GroupRepresentation>of();
                }
              });
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
      List<UserRepresentation> page = directory.call(r -> r.groups().group(group.get().getId()).members(from, PAGE, false));
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
    try (Response response = directory.call(r -> r.users().create(user))) {
      if (response.getStatus() == 201) {
        return CreatedResponseUtil.getCreatedId(response);
      }
      if (response.getStatus() == 409) {
        return userByEmail(email)
            .map(UserRepresentation::getId)
            .orElseThrow(
                () -> new DomainException(
                    ProblemKind.CONFLICT,
                    "Keycloak has a user named " + email + " with another email; invite that user by their email.",
                    "email"));
      }
      throw new DomainException(
          ProblemKind.INVALID_INPUT,
          "Keycloak refused to create a user for " + email + " (HTTP " + response.getStatus() + ": "
              + response.readEntity(String.class) + ").",
          "email");
    }
  }

  private Optional<FirmSlug> firmOf(TenantSlug tenant) {
    return registry.find(tenant).flatMap(t -> t.firm()).map(Firm::slug);
  }

  private static Member toMember(UserRepresentation user, TenantRole role, String viaFirm) {
    return new Member(
        user.getId(), user.getUsername(), user.getEmail(), user.getFirstName(), user.getLastName(),
        Boolean.TRUE.equals(user.isEnabled()), role, viaFirm, user.getRequiredActions());
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

  private static boolean sendsInvitationEmails() {
    return ConfigProvider.getConfig().getOptionalValue("REGULUS_INVITE_EMAILS", Boolean.class).orElse(false);
  }
}

package io.regulus.directory;

import io.regulus.access.Caller;
import io.regulus.access.Guarded;
import io.regulus.access.Internal;
import io.regulus.access.Permission;
import io.regulus.access.Requires;
import io.regulus.access.TenantCaller;
import io.regulus.access.TenantRole;
import io.regulus.access.User;
import io.regulus.audit.Actor;
import io.regulus.audit.AuditAction;
import io.regulus.audit.AuditLog;
import io.regulus.invitation.Invitation;
import io.regulus.invitation.InvitationRepository;
import io.regulus.problem.DomainException;
import io.regulus.problem.ProblemKind;
import io.regulus.settings.Settings;
import io.regulus.tenancy.ActiveTenant;
import io.regulus.tenancy.Tenant;
import io.regulus.tenancy.TenantRegistry;
import io.regulus.tenancy.TenantSlug;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * Invitations to join a tenant. Inviting reveals nothing about accounts: the answer is the same
 * whether the address has a Keycloak account or not, and nobody joins a tenant without accepting. A
 * new address gets an account that must set its password, through Keycloak's set-password mail; the
 * invitee then sees the invitation among their own and accepts or declines it. Only the account
 * whose verified email is the invited address can use an invitation. Invitations expire after
 * {@link #VALID_FOR}; inviting again renews the pending one (one per tenant and address).
 */
@Stateless
@Guarded
public class Invitations {

  /** How long an invitation can be accepted. */
  public static final Duration VALID_FOR = Duration.ofDays(14);

  private static final Logger LOG = Logger.getLogger(Invitations.class.getName());
  private static final String UPDATE_PASSWORD = "UPDATE_PASSWORD";
  private static final String UPDATE_PROFILE = "UPDATE_PROFILE";
  private static final List<String> SET_UP = List.of(UPDATE_PASSWORD, UPDATE_PROFILE);

  @Inject private KeycloakDirectory directory;
  @Inject private InvitationRepository invitations;
  @Inject private Settings settings;
  @EJB private TenantRegistry registry;
  @EJB private TenantMembers members;
  @EJB private AuditLog audit;

  /** What the inviter learns: the invitation as sent, and nothing about the invitee's account. */
  public record Sent(String email, TenantRole role, TenantSlug tenant, Instant expiresAt) {}

  /** An invitation as its invitee or the tenant's admins see it. */
  public record Pending(
      String id,
      TenantSlug tenant,
      String tenantName,
      String email,
      TenantRole role,
      String invitedBy,
      Instant expiresAt) {

    static Pending of(Invitation invitation) {
      return new Pending(
          invitation.id(),
          invitation.tenant().slug(),
          invitation.tenant().displayName(),
          invitation.email(),
          TenantRole.fromId(invitation.role()).orElseThrow(),
          invitation.invitedBy(),
          invitation.expiresAt());
    }
  }

  /** The tenant the invitee joined, with their role there. */
  public record Joined(TenantSlug tenant, TenantRole role) {}

  /** A tenant admin invites an address with a role. */
  @Requires(Permission.MANAGE_USERS)
  public Sent invite(
      TenantCaller caller, String email, TenantRole role, String firstName, String lastName) {
    return send(
        caller.actor(),
        caller.tenant().slug(),
        email,
        role,
        firstName,
        lastName,
        AuditAction.USER_INVITED);
  }

  /** The tenant's pending invitations (unexpired, not yet accepted or declined). */
  @Requires(Permission.MANAGE_USERS)
  public List<Pending> pendingIn(TenantCaller caller) {
    Tenant tenant = registry.require(caller.tenant().slug());
    return invitations.pendingIn(tenant, Instant.now()).stream().map(Pending::of).toList();
  }

  /**
   * Sends (or renews) an invitation; a new address first gets a Keycloak account that must set its
   * password, and Keycloak's set-password mail when invitation mail is on.
   */
  @Internal(
      "invite here, and TenantAdministration's provisioning and appointing, which checked"
          + " their own permission")
  public Sent send(
      Actor actor,
      TenantSlug slug,
      String email,
      TenantRole role,
      String firstName,
      String lastName,
      AuditAction action) {
    String address = email.trim().toLowerCase(Locale.ROOT);
    Tenant tenant = registry.lockMembers(slug);
    tenant.toActive();
    Invitation invitation =
        invitations.send(
            tenant, address, role.id(), actor.name(), Instant.now(), Instant.now().plus(VALID_FOR));
    Optional<UserRepresentation> account = directory.userByEmail(address);
    Optional<UserRepresentation> setUp =
        account
            .filter(
                u ->
                    u.getRequiredActions() != null
                        && u.getRequiredActions().contains(UPDATE_PASSWORD))
            .or(
                () ->
                    account.isEmpty()
                        ? createAccount(address, firstName, lastName)
                        : Optional.empty());
    if (settings.invitationEmails()) {
      setUp.ifPresent(this::sendSetUpMail);
    }
    audit.record(
        actor,
        action,
        slug.value(),
        null,
        address
            + " as "
            + role.id()
            + ", invitation "
            + invitation.id()
            + (account.isEmpty() && setUp.isPresent() ? ", new account" : ""));
    return new Sent(address, role, slug, invitation.expiresAt());
  }

  /**
   * An operator appoints an admin to a tenant that has none: an admin invitation, which the person
   * accepts like any other. Refused while the tenant has an admin (its admins invite).
   */
  @Internal("TenantAdministration.appointAdmin, for a platform operator")
  public Sent appoint(Actor actor, ActiveTenant tenant, String email) {
    registry.lockMembers(tenant.slug());
    if (members.hasAdmin(tenant)) {
      throw new DomainException(
          ProblemKind.CONFLICT,
          "Tenant '"
              + tenant.slug()
              + "' has an admin, who invites its users; an operator appoints an admin only to a"
              + " tenant that has none.",
          "email");
    }
    return send(
        actor,
        tenant.slug(),
        email,
        TenantRole.ADMIN,
        null,
        null,
        AuditAction.USER_ADMIN_APPOINTED);
  }

  /** The caller's own pending invitations: those to their account's verified email. */
  @Requires(Permission.READ_OWN_PROFILE)
  public List<Pending> mine(Caller caller) {
    return verifiedEmail(caller)
        .map(
            email ->
                invitations.pendingFor(email, Instant.now()).stream().map(Pending::of).toList())
        .orElse(List.of());
  }

  /** The caller accepts their invitation and joins the tenant with the invited role. */
  @Requires(Permission.READ_OWN_PROFILE)
  public Joined accept(Caller caller, String invitationId) {
    Invitation invitation = own(caller, invitationId);
    TenantSlug slug = invitation.tenant().slug();
    ActiveTenant tenant = registry.lockMembers(slug).toActive();
    TenantRole role = TenantRole.fromId(invitation.role()).orElseThrow();
    Optional<TenantRole> before = members.place(tenant, caller.id(), role);
    invitations.remove(invitation);
    audit.record(
        caller.actor(),
        AuditAction.USER_INVITATION_ACCEPTED,
        slug.value(),
        null,
        invitation.email()
            + " joined as "
            + role.id()
            + before.map(r -> " (was " + r.id() + ")").orElse(""));
    LOG.info(() -> "invitation " + invitation.id() + " to " + slug + " accepted by " + caller.id());
    return new Joined(slug, role);
  }

  /** The caller declines their invitation: it is gone, nothing else changes. */
  @Requires(Permission.READ_OWN_PROFILE)
  public void decline(Caller caller, String invitationId) {
    Invitation invitation = own(caller, invitationId);
    registry.lockMembers(invitation.tenant().slug());
    invitations.remove(invitation);
    audit.record(
        caller.actor(),
        AuditAction.USER_INVITATION_DECLINED,
        invitation.tenant().slug().value(),
        null,
        invitation.email() + " declined " + invitation.role());
  }

  /** The caller's own pending invitation of that id; anyone else's, or none, is not found. */
  private Invitation own(Caller caller, String invitationId) {
    String id = DirectoryId.require(invitationId, "invitationId");
    return verifiedEmail(caller)
        .flatMap(email -> invitations.pending(id, email, Instant.now()))
        .orElseThrow(
            () ->
                new DomainException(
                    ProblemKind.NOT_FOUND,
                    "You have no pending invitation "
                        + id
                        + ". Invitations are listed at /me/invitations; an expired one is sent"
                        + " again by the tenant's admin.",
                    "invitationId"));
  }

  /** The caller's email as Keycloak holds it, once verified; none for a system caller. */
  private Optional<String> verifiedEmail(Caller caller) {
    if (!(caller instanceof User)) {
      return Optional.empty();
    }
    return directory
        .user(DirectoryId.require(caller.id(), "sub"))
        .filter(u -> Boolean.TRUE.equals(u.isEmailVerified()) && u.getEmail() != null)
        .map(u -> u.getEmail().toLowerCase(Locale.ROOT));
  }

  /**
   * Creates the account of a new address, which must set its password (and give its name, when the
   * inviter did not) before it can sign in; empty when Keycloak already had a user of that name
   * (nothing more is said: the invitation waits for whoever holds the address).
   */
  private Optional<UserRepresentation> createAccount(
      String email, String firstName, String lastName) {
    UserRepresentation user = new UserRepresentation();
    user.setUsername(email);
    user.setEmail(email);
    user.setFirstName(firstName);
    user.setLastName(lastName);
    user.setEnabled(true);
    user.setEmailVerified(false);
    boolean named =
        firstName != null && !firstName.isBlank() && lastName != null && !lastName.isBlank();
    user.setRequiredActions(
        named ? List.of(UPDATE_PASSWORD) : List.of(UPDATE_PASSWORD, UPDATE_PROFILE));
    return directory
        .createUser(user)
        .map(
            id -> {
              user.setId(id);
              return user;
            });
  }

  /**
   * Keycloak's account set-up mail: a link to set the password (and the name, when missing), which
   * also verifies the address. A mail that cannot be sent does not undo the invitation: it is
   * logged, and inviting again sends it again while the account is not set up.
   */
  private void sendSetUpMail(UserRepresentation account) {
    List<String> actions = account.getRequiredActions().stream().filter(SET_UP::contains).toList();
    try {
      directory.run(r -> r.users().get(account.getId()).executeActionsEmail(actions));
    } catch (RuntimeException e) {
      LOG.warning(
          () -> "set-up mail for account " + account.getId() + " not sent: " + e.getMessage());
    }
  }
}

package io.regulus.ui.users;

import io.regulus.access.TenantRole;
import io.regulus.api.users.InviteRequest;
import io.regulus.directory.Invitations;
import io.regulus.directory.Member;
import io.regulus.directory.Roster;
import io.regulus.directory.TenantMembers;
import io.regulus.ui.PageTexts;
import io.regulus.ui.PagedList;
import io.regulus.ui.Workspace;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.Serializable;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Set;

/**
 * Users and roles of one tenant, for its admins: the members (each admin the last-admin rule
 * protects is marked, as the domain's {@link Roster} says), the pending invitations, inviting by
 * email, changing a member's role and removing a member. Every step is the domain's, with the
 * caller the domain lets into the tenant on each request; a refusal (the last admin, a role from a
 * firm) shows in the domain's words.
 */
@Named
@ViewScoped
public class UsersPage implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final PageTexts TEXT = PageTexts.of("io.regulus.ui.users.messages");
  private static final PageTexts SHARED = PageTexts.of("io.regulus.ui.messages");

  @EJB private TenantMembers members;
  @EJB private Invitations invitations;
  @Inject private Workspace workspace;
  @Inject private transient Validator validator;

  private String tenant;

  private final PagedList<MemberRow> memberList =
      PagedList.whole(
          () -> {
            Roster roster = members.roster(workspace.enter(tenant));
            return roster.members().stream()
                .map(m -> new MemberRow(m, roster.isLastAdmin(m.id())))
                .toList();
          });

  private final PagedList<InvitationRow> invitationList =
      PagedList.whole(
          () ->
              invitations.pendingIn(workspace.enter(tenant)).stream()
                  .sorted(Comparator.comparing(Invitations.Pending::email))
                  .map(InvitationRow::new)
                  .toList());

  private String email;
  private String role = TenantRole.CONTRIBUTOR.id();
  private String firstName;
  private String lastName;

  private String memberId;
  private String memberName;
  private String memberRole;

  /** A member as the list shows them: the member, and whether they are the last admin. */
  public record MemberRow(Member member, boolean lastAdmin) implements Serializable {

    /** Full name when Keycloak has one, else the username. */
    public String name() {
      String full =
          ((member.firstName() == null ? "" : member.firstName())
                  + " "
                  + (member.lastName() == null ? "" : member.lastName()))
              .trim();
      return full.isEmpty() ? member.username() : full;
    }
  }

  /** Reads the members now: a caller who may not manage users gets the access-denied page. */
  public void load() {
    memberList.readNow();
  }

  public void invite() {
    InviteRequest request =
        new InviteRequest(email, role, blankless(firstName), blankless(lastName));
    Set<ConstraintViolation<InviteRequest>> violations = validator.validate(request);
    if (!violations.isEmpty()) {
      violations.stream()
          .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
          .forEach(
              v ->
                  TEXT.wrong(
                      "invite.invalid", TEXT.text("field." + v.getPropertyPath()), v.getMessage()));
      return;
    }
    Invitations.Sent sent =
        invitations.invite(
            workspace.enter(tenant),
            request.email(),
            TenantRole.fromId(request.role()).orElseThrow(),
            request.firstName(),
            request.lastName());
    TEXT.done("invite.sent", sent.email(), roleName(sent.role()), Date.from(sent.expiresAt()));
    email = null;
    firstName = null;
    lastName = null;
    invitationList.changed();
  }

  /** Opens the member panel for one member, as the domain finds them in this tenant. */
  public void pick(String userId) {
    Member member = members.get(workspace.enter(tenant), userId);
    memberId = member.id();
    memberName = new MemberRow(member, false).name();
    memberRole = member.role().id();
  }

  public void saveRole() {
    TenantRole chosen = TenantRole.fromId(memberRole).orElseThrow();
    Member changed = members.changeRole(workspace.enter(tenant), memberId, chosen);
    TEXT.done("role.changed", memberName, roleName(changed.role()));
    memberList.changed();
    close();
  }

  public void remove() {
    members.remove(workspace.enter(tenant), memberId);
    TEXT.done("member.removed", memberName, workspace.tenantName(tenant));
    memberList.changed();
    close();
  }

  public void close() {
    memberId = null;
    memberName = null;
    memberRole = null;
  }

  /** The roles a member may hold in a tenant, strongest first. */
  public List<TenantRole> getRoles() {
    return TenantRole.PEOPLE;
  }

  /** A role's name in the page's language. */
  static String roleName(TenantRole role) {
    return SHARED.text("role." + role.id());
  }

  private static String blankless(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }

  public PagedList<MemberRow> getMemberList() {
    return memberList;
  }

  public PagedList<InvitationRow> getInvitationList() {
    return invitationList;
  }

  public String getTenant() {
    return tenant;
  }

  public void setTenant(String tenant) {
    this.tenant = tenant;
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }

  public String getRole() {
    return role;
  }

  public void setRole(String role) {
    this.role = role;
  }

  public String getFirstName() {
    return firstName;
  }

  public void setFirstName(String firstName) {
    this.firstName = firstName;
  }

  public String getLastName() {
    return lastName;
  }

  public void setLastName(String lastName) {
    this.lastName = lastName;
  }

  public String getMemberId() {
    return memberId;
  }

  public void setMemberId(String memberId) {
    this.memberId = memberId;
  }

  public String getMemberName() {
    return memberName;
  }

  public String getMemberRole() {
    return memberRole;
  }

  public void setMemberRole(String memberRole) {
    this.memberRole = memberRole;
  }
}

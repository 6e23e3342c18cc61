package io.regulus.invitation;

import io.regulus.tenancy.Tenant;
import io.regulus.tenancy.TenantStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * The invitation table, {@code platform.invitation}; callers hold the tenant's membership lock
 * ({@code TenantRegistry.lockMembers}) while they change it. Addresses are kept in lower case.
 */
@ApplicationScoped
public class InvitationRepository {

  @PersistenceContext(unitName = "platform")
  private EntityManager em;

  /** Records the invitation, or renews the pending one of that tenant and address. */
  public Invitation send(
      Tenant tenant, String email, String role, String invitedBy, Instant now, Instant expires) {
    Optional<Invitation> existing =
        em.createQuery(
                "SELECT i FROM Invitation i WHERE i.tenant = :tenant AND i.email = :email",
                Invitation.class)
            .setParameter("tenant", tenant)
            .setParameter("email", email)
            .getResultStream()
            .findFirst();
    if (existing.isPresent()) {
      existing.get().renew(role, invitedBy, now, expires);
      return existing.get();
    }
    Invitation invitation = new Invitation(tenant, email, role, invitedBy, now, expires);
    em.persist(invitation);
    return invitation;
  }

  /** The unexpired invitation of that id to that address, of a tenant that is not deleted. */
  public Optional<Invitation> pending(String id, String email, Instant now) {
    return em.createQuery(
            "SELECT i FROM Invitation i WHERE i.id = :id AND i.email = :email"
                + " AND i.expiresAt > :now AND i.tenant.status <> :deleted",
            Invitation.class)
        .setParameter("id", id)
        .setParameter("email", email)
        .setParameter("now", now.atOffset(ZoneOffset.UTC))
        .setParameter("deleted", TenantStatus.DELETED)
        .getResultStream()
        .findFirst();
  }

  /** The unexpired invitations to that address, of tenants that are not deleted, newest first. */
  public List<Invitation> pendingFor(String email, Instant now) {
    return em.createQuery(
            "SELECT i FROM Invitation i WHERE i.email = :email AND i.expiresAt > :now"
                + " AND i.tenant.status <> :deleted ORDER BY i.createdAt DESC",
            Invitation.class)
        .setParameter("email", email)
        .setParameter("now", now.atOffset(ZoneOffset.UTC))
        .setParameter("deleted", TenantStatus.DELETED)
        .getResultList();
  }

  /** The tenant's unexpired invitations, by address. */
  public List<Invitation> pendingIn(Tenant tenant, Instant now) {
    return em.createQuery(
            "SELECT i FROM Invitation i WHERE i.tenant = :tenant AND i.expiresAt > :now"
                + " ORDER BY i.email",
            Invitation.class)
        .setParameter("tenant", tenant)
        .setParameter("now", now.atOffset(ZoneOffset.UTC))
        .getResultList();
  }

  /** An accepted or declined invitation is gone. */
  public void remove(Invitation invitation) {
    em.remove(em.contains(invitation) ? invitation : em.merge(invitation));
  }
}

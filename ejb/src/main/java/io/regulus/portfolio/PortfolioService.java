package io.regulus.portfolio;

import io.regulus.access.AccessControl;
import io.regulus.access.Caller;
import io.regulus.access.Guarded;
import io.regulus.access.Permission;
import io.regulus.access.Requires;
import io.regulus.access.TenantCaller;
import io.regulus.access.User;
import io.regulus.action.ActionInstance;
import io.regulus.action.ActionRepository;
import io.regulus.problem.DomainException;
import io.regulus.problem.ProblemKind;
import io.regulus.scoring.Dashboard;
import io.regulus.scoring.Fingerprint;
import io.regulus.scoring.ScoringRepository;
import io.regulus.scoring.TenantScoring;
import io.regulus.tenancy.ActiveTenant;
import io.regulus.tenancy.FirmRegistry;
import io.regulus.tenancy.FirmSlug;
import io.regulus.tenancy.Tenant;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A consulting firm's portfolio. It lives apart from scoring because it also counts overdue
 * actions, which the action package knows and which itself depends on scoring; and apart from
 * administration, which is the tenants' life cycle, not their contents.
 *
 * <p>Each client is read in a transaction of its own (a transaction binds one tenant), entered like
 * any request ({@link AccessControl#enterTenant}, so a consultant sees only the clients they were
 * added to), and scored by {@link ScoringRepository} under the tenant's fingerprint: while a
 * client's data has not changed, it costs its entry and one fingerprint query, never a query per
 * action.
 */
@Stateless
@Guarded
public class PortfolioService {

  /** How many gaps each client lists. */
  public static final int GAPS = 3;

  @Inject private AccessControl access;
  @Inject private ScoringRepository scoring;
  @Inject private ActionRepository actions;
  @EJB private FirmRegistry firms;
  @Resource private SessionContext context;

  /**
   * Every active client of the firm the caller reaches, by name: all of them for a firm role that
   * reaches every client, the ones they were added to for a consultant.
   */
  @Requires(Permission.VIEW_FIRM_CLIENTS)
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public Portfolio portfolio(Caller caller, FirmSlug firm) {
    PortfolioService self = context.getBusinessObject(PortfolioService.class);
    List<Portfolio.Client> clients = new ArrayList<>();
    for (Tenant tenant : firms.clients(firm)) {
      if (!tenant.isActive() || !reaches(caller, tenant, firm)) {
        continue;
      }
      try {
        clients.add(
            new Portfolio.Client(
                tenant.slug(),
                tenant.displayName(),
                self.standing(access.enterTenant(caller, tenant.slug()))));
      } catch (DomainException e) {
        if (e.kind() != ProblemKind.FORBIDDEN && e.kind() != ProblemKind.NOT_FOUND) {
          throw e;
        }
        // suspended or deleted since the list was read: no longer in the portfolio
      }
    }
    clients.sort(
        java.util.Comparator.comparing(
            (Portfolio.Client c) -> c.name(), String.CASE_INSENSITIVE_ORDER));
    return new Portfolio(firm, clients);
  }

  /** Where one tenant stands: its score, overdue actions and biggest gaps. */
  @Requires(Permission.READ_TENANT)
  public Portfolio.Standing standing(TenantCaller caller) {
    ActiveTenant tenant = caller.tenant();
    Fingerprint fingerprint = scoring.fingerprint(tenant);
    TenantScoring scores = scoring.load(tenant, fingerprint);
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    int overdue = 0;
    for (ActionInstance instance : actions.all(tenant, fingerprint)) {
      if (instance.overdue(today)) {
        overdue++;
      }
    }
    List<Dashboard.KeyAction> gaps =
        scores.scores().whatIf().stream()
            .limit(GAPS)
            .map(impact -> Dashboard.keyAction(scores, impact))
            .toList();
    return new Portfolio.Standing(scores.scores().tenant(), overdue, gaps);
  }

  /** Whether a user's role reaches the client (a system caller is decided on entry). */
  private static boolean reaches(Caller caller, Tenant tenant, FirmSlug firm) {
    return !(caller instanceof User user)
        || user.roleIn(tenant.slug(), Optional.of(firm)).isPresent();
  }
}

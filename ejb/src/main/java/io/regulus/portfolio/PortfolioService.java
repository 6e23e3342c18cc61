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
import io.regulus.history.DayRange;
import io.regulus.history.ScoreHistoryService;
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
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

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
  @EJB private ScoreHistoryService history;
  @Resource private SessionContext context;

  /**
   * Every active client of the firm the caller reaches, by name: all of them for a firm role that
   * reaches every client, the ones they were added to for a consultant.
   */
  @Requires(Permission.VIEW_FIRM_CLIENTS)
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public Portfolio portfolio(Caller caller, FirmSlug firm) {
    PortfolioService self = context.getBusinessObject(PortfolioService.class);
    return new Portfolio(
        firm,
        reached(
            caller,
            firm,
            (tenant, entered) ->
                new Portfolio.Client(tenant.slug(), tenant.displayName(), self.standing(entered))));
  }

  /**
   * The same clients as {@link #portfolio}, by their snapshots from {@code from} to {@code to}:
   * each client's recorded days, latest score, 7- and 30-day change and biggest category gaps, and
   * the firm's figures per day over these clients. Each client costs its entry and one query.
   */
  @Requires(Permission.VIEW_FIRM_CLIENTS)
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public PortfolioHistory history(Caller caller, FirmSlug firm, LocalDate from, LocalDate to) {
    DayRange range = new DayRange(from, to);
    List<PortfolioHistory.Client> clients =
        reached(
            caller,
            firm,
            (tenant, entered) ->
                new PortfolioHistory.Client(
                    tenant.slug(), tenant.displayName(), history.recorded(entered, range, GAPS)));
    return new PortfolioHistory(firm, from, to, clients, PortfolioHistory.days(clients));
  }

  /**
   * Every active client of the firm the caller reaches, entered as any request enters it, each read
   * in a transaction of its own by {@code read}; by name. A client suspended or deleted since the
   * list was read is left out.
   */
  private <T> List<T> reached(
      Caller caller, FirmSlug firm, BiFunction<Tenant, TenantCaller, T> read) {
    List<Tenant> reached = new ArrayList<>();
    List<T> clients = new ArrayList<>();
    for (Tenant tenant : firms.clients(firm)) {
      if (tenant.isActive() && reaches(caller, tenant, firm)) {
        reached.add(tenant);
      }
    }
    reached.sort(Comparator.comparing(Tenant::displayName, String.CASE_INSENSITIVE_ORDER));
    for (Tenant tenant : reached) {
      try {
        clients.add(read.apply(tenant, access.enterTenant(caller, tenant.slug())));
      } catch (DomainException e) {
        if (e.kind() != ProblemKind.FORBIDDEN && e.kind() != ProblemKind.NOT_FOUND) {
          throw e;
        }
        // suspended or deleted since the list was read: no longer in the portfolio
      }
    }
    return clients;
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

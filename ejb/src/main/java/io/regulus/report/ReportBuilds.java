package io.regulus.report;

import io.regulus.access.AccessControl;
import io.regulus.access.Caller;
import io.regulus.access.Guarded;
import io.regulus.access.Permission;
import io.regulus.access.Requires;
import io.regulus.access.TenantCaller;
import io.regulus.history.ScoreHistoryService;
import io.regulus.history.ScoreTrend;
import io.regulus.problem.DomainException;
import io.regulus.problem.ProblemKind;
import io.regulus.scoring.ImplementationStatus;
import io.regulus.scoring.Score;
import io.regulus.scoring.ScoringRepository;
import io.regulus.scoring.TenantScoring;
import io.regulus.settings.Settings;
import io.regulus.tenancy.Firm;
import io.regulus.tenancy.FirmRegistry;
import io.regulus.tenancy.FirmSlug;
import io.regulus.tenancy.Tenant;
import io.regulus.tenancy.TenantBinding;
import io.regulus.tenancy.TenantRegistry;
import io.regulus.tenancy.TenantStatus;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The steps of the {@code report-build} job, run by its system caller: each active tenant's
 * executive summary and workbook of a day, and each firm's portfolio report, made from the score
 * snapshots of that day (never from figures computed now, except the open actions a summary names
 * as its top gaps and the workbook's lines, which are the tenant's actions as they stand when the
 * report is built). A tenant without a snapshot of the day gets no report: the step says why. A day
 * built again replaces its reports; building a day removes the reports older than the kept days
 * ({@code REGULUS_REPORT_DAYS}).
 */
@Stateless
@Guarded
public class ReportBuilds {

  /** How many open actions a summary lists as its top gaps. */
  static final int TOP_GAPS = 10;

  /** How far back a summary's trend chart reaches, in days. */
  static final int TREND_DAYS = 365;

  private static final Logger LOG = Logger.getLogger(ReportBuilds.class.getName());

  @PersistenceContext(unitName = "tenant")
  private EntityManager em;

  @Inject private AccessControl access;
  @Inject private TenantBinding binding;
  @Inject private ScoringRepository scoring;
  @Inject private ReportLines lines;
  @Inject private Settings settings;
  @EJB private TenantRegistry registry;
  @EJB private FirmRegistry firms;
  @EJB private ScoreHistoryService history;
  @Resource private SessionContext context;

  /** Every active tenant's slug, in slug order. */
  @Requires(Permission.BUILD_REPORTS)
  public List<String> tenants(Caller caller) {
    return registry.withStatus(TenantStatus.ACTIVE).stream()
        .map(tenant -> tenant.slug().value())
        .sorted(Comparator.naturalOrder())
        .toList();
  }

  /** Every firm's slug, in slug order. */
  @Requires(Permission.BUILD_REPORTS)
  public List<String> firms(Caller caller) {
    return firms.all().stream()
        .map(firm -> firm.slug().value())
        .sorted(Comparator.naturalOrder())
        .toList();
  }

  /**
   * Builds and stores the tenant's executive summary and workbook of {@code day}, replacing that
   * day's; skipped, saying why, when the tenant has no snapshot of the day or is no longer active.
   */
  @Requires(Permission.BUILD_REPORTS)
  public TenantBuild buildTenant(Caller caller, String tenant, LocalDate day) {
    TenantCaller entered;
    try {
      entered = access.enterTenant(caller, tenant);
    } catch (DomainException e) {
      if (e.kind() == ProblemKind.FORBIDDEN || e.kind() == ProblemKind.NOT_FOUND) {
        return TenantBuild.skipped(tenant + " is no longer active");
      }
      throw e;
    }
    ScoreTrend trend = history.trend(entered, day.minusDays(TREND_DAYS - 1L), day);
    Optional<ScoreTrend.Day> snapshot =
        trend.days().stream().filter(d -> d.day().equals(day)).findFirst();
    if (snapshot.isEmpty()) {
      return TenantBuild.skipped(
          tenant + " has no score snapshot of " + day + ": record the day's scores first");
    }
    Tenant registered = registry.require(entered.slug());
    TenantScoring scores = scoring.fresh(entered.tenant()).scoring();
    TenantReport report =
        report(registered, branding(registered.firm()), snapshot.get(), trend, scores);
    long start = System.nanoTime();
    byte[] summary = render(out -> ExecutiveSummaryPdf.write(report, out));
    long rendered = System.nanoTime();
    byte[] workbook =
        render(
            out ->
                TenantReportWorkbook.write(
                    report,
                    lines.controls(entered.tenant(), scores),
                    lines.actions(entered.tenant(), day),
                    out));
    long written = System.nanoTime();
    binding.bind(em, entered.tenant());
    em.createNativeQuery("DELETE FROM report WHERE day = ?1 OR day <= ?2")
        .setParameter(1, Date.valueOf(day))
        .setParameter(2, Date.valueOf(day.minusDays(settings.reportDays())))
        .executeUpdate();
    store(day, ReportKind.SUMMARY, summary);
    store(day, ReportKind.WORKBOOK, workbook);
    LOG.fine(() -> "reports of " + tenant + " for " + day + " stored by " + caller.id());
    return new TenantBuild(null, rendered - start, written - rendered);
  }

  /**
   * Builds and stores the firm's portfolio report of {@code day} over its active clients with a
   * snapshot of that day (each client read in a transaction of its own), replacing that day's;
   * empty when built, else why not.
   */
  @Requires(Permission.BUILD_REPORTS)
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public Optional<String> buildFirm(Caller caller, String firm, LocalDate day) {
    FirmSlug slug = new FirmSlug(firm);
    Firm found = firms.require(slug);
    ReportBuilds self = context.getBusinessObject(ReportBuilds.class);
    List<PortfolioReport.Client> clients = new ArrayList<>();
    List<String> without = new ArrayList<>();
    for (Tenant tenant : firms.clients(slug)) {
      if (!tenant.isActive()) {
        continue;
      }
      try {
        self.client(access.enterTenant(caller, tenant.slug()), day)
            .ifPresentOrElse(clients::add, () -> without.add(tenant.slug().value()));
      } catch (DomainException e) {
        if (e.kind() != ProblemKind.FORBIDDEN && e.kind() != ProblemKind.NOT_FOUND) {
          throw e;
        }
      }
    }
    if (clients.isEmpty()) {
      return Optional.of(firm + " has no client with a score snapshot of " + day);
    }
    clients.sort(
        Comparator.comparing(PortfolioReport.Client::tenantName, String.CASE_INSENSITIVE_ORDER));
    byte[] pdf =
        render(
            out ->
                PortfolioReportPdf.write(
                    new PortfolioReport(branding(Optional.of(found)), day, clients), out));
    self.storeFirm(caller, slug, day, clients.size(), pdf);
    return without.isEmpty()
        ? Optional.empty()
        : Optional.of(firm + " reported without " + without + ": no score snapshot of " + day);
  }

  /** One client's line of a portfolio report, from its snapshots; empty without one of the day. */
  @Requires(Permission.READ_TENANT)
  public Optional<PortfolioReport.Client> client(TenantCaller caller, LocalDate day) {
    ScoreTrend trend = history.trend(caller, day.minusDays(30), day);
    Optional<ScoreTrend.Day> snapshot =
        trend.days().stream().filter(d -> d.day().equals(day)).findFirst();
    if (snapshot.isEmpty()) {
      return Optional.empty();
    }
    double percent = percent(snapshot.get().tenant());
    Tenant registered = registry.require(caller.slug());
    TenantScoring scores = scoring.fresh(caller.tenant()).scoring();
    Gap gap =
        scores.dashboard(1).keyActions().stream()
            .findFirst()
            .map(action -> new Gap(action.title(), action.openPoints()))
            .orElse(null);
    return Optional.of(
        new PortfolioReport.Client(
            registered.displayName(),
            snapshot.get().tenant(),
            change(trend, day.minusDays(7), percent),
            change(trend, day.minusDays(30), percent),
            snapshot.get().overdue(),
            gap));
  }

  /** Stores a firm's portfolio report of a day in place of that day's, dropping the old days'. */
  @Requires(Permission.BUILD_REPORTS)
  public void storeFirm(Caller caller, FirmSlug firm, LocalDate day, int clients, byte[] pdf) {
    em.createNativeQuery(
            "DELETE FROM platform.firm_report WHERE firm_id = (SELECT id FROM platform.firm"
                + " WHERE slug = ?1) AND (day = ?2 OR day <= ?3)")
        .setParameter(1, firm.value())
        .setParameter(2, Date.valueOf(day))
        .setParameter(3, Date.valueOf(day.minusDays(settings.reportDays())))
        .executeUpdate();
    em.createNativeQuery(
            "INSERT INTO platform.firm_report (firm_id, day, clients, size_bytes, content,"
                + " created_at) SELECT id, ?2, ?3, ?4, ?5, ?6 FROM platform.firm WHERE slug = ?1")
        .setParameter(1, firm.value())
        .setParameter(2, Date.valueOf(day))
        .setParameter(3, clients)
        .setParameter(4, (long) pdf.length)
        .setParameter(5, pdf)
        .setParameter(6, Timestamp.from(Instant.now()))
        .executeUpdate();
    LOG.fine(() -> "portfolio report of " + firm + " for " + day + " stored by " + caller.id());
  }

  /** The score's change in percentage points since the last snapshot on or before {@code since}. */
  private static Double change(ScoreTrend trend, LocalDate since, double now) {
    return trend.days().stream()
        .filter(d -> !d.day().isAfter(since))
        .reduce((first, second) -> second)
        .map(d -> now - percent(d.tenant()))
        .orElse(null);
  }

  private static double percent(Score score) {
    return score.ratio() * 100;
  }

  private TenantReport report(
      Tenant tenant,
      Branding branding,
      ScoreTrend.Day day,
      ScoreTrend trend,
      TenantScoring scores) {
    Map<ImplementationStatus, Integer> counts = new EnumMap<>(ImplementationStatus.class);
    day.byImplementation()
        .forEach((status, count) -> counts.put(ImplementationStatus.valueOf(status), count));
    List<Gap> gaps =
        scores.dashboard(TOP_GAPS).keyActions().stream()
            .map(action -> new Gap(action.title(), action.openPoints()))
            .toList();
    return new TenantReport(
        tenant.displayName(),
        branding,
        day.day(),
        day.tenant(),
        trend.days().stream().map(d -> new TrendPoint(d.day(), percent(d.tenant()))).toList(),
        breakdown(day.categories()),
        breakdown(day.assessments()),
        gaps,
        counts,
        day.overdue());
  }

  private static List<Breakdown> breakdown(List<ScoreTrend.Line> lines) {
    return lines.stream().map(line -> new Breakdown(line.name(), line.score())).toList();
  }

  /** The firm's name and logo, or Regulus's name for a tenant of no firm. */
  private Branding branding(Optional<Firm> firm) {
    if (firm.isEmpty()) {
      return new Branding("Regulus", null);
    }
    List<?> logo =
        em.createNativeQuery("SELECT logo FROM platform.firm WHERE id = ?1 AND logo IS NOT NULL")
            .setParameter(1, firm.get().id())
            .getResultList();
    return new Branding(firm.get().displayName(), logo.isEmpty() ? null : (byte[]) logo.get(0));
  }

  private void store(LocalDate day, ReportKind kind, byte[] content) {
    em.createNativeQuery(
            "INSERT INTO report (day, kind, snapshot_day, size_bytes, content, created_at)"
                + " VALUES (?1, ?2, ?1, ?3, ?4, ?5)")
        .setParameter(1, Date.valueOf(day))
        .setParameter(2, kind.name())
        .setParameter(3, (long) content.length)
        .setParameter(4, content)
        .setParameter(5, Timestamp.from(Instant.now()))
        .executeUpdate();
  }

  /** What a renderer writes, as bytes. */
  private interface Rendering {
    void write(java.io.OutputStream out) throws IOException;
  }

  private static byte[] render(Rendering rendering) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      rendering.write(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}

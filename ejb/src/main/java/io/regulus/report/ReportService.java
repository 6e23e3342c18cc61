package io.regulus.report;

import io.regulus.access.Caller;
import io.regulus.access.Guarded;
import io.regulus.access.Permission;
import io.regulus.access.Requires;
import io.regulus.access.TenantCaller;
import io.regulus.problem.DomainException;
import io.regulus.problem.ProblemKind;
import io.regulus.tenancy.FirmSlug;
import io.regulus.tenancy.TenantBinding;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The stored reports, listed and downloaded: a tenant's by its members, a firm's portfolio reports
 * by the firm's members. An id names a report of that tenant or firm only: another's is not found.
 */
@Stateless
@Guarded
public class ReportService {

  private static final String TENANT_COLUMNS =
      "SELECT id, day, snapshot_day, kind, size_bytes, created_at FROM report";

  private static final String FIRM_COLUMNS =
      "SELECT r.id, r.day, r.day, 'PORTFOLIO', r.size_bytes, r.created_at"
          + " FROM platform.firm_report r JOIN platform.firm f ON f.id = r.firm_id"
          + " WHERE f.slug = ?1";

  @PersistenceContext(unitName = "tenant")
  private EntityManager em;

  @Inject private TenantBinding binding;

  /** The tenant's reports, the latest day first. */
  @Requires(Permission.READ_REPORTS)
  public List<StoredReport> reports(TenantCaller caller) {
    binding.bind(em, caller.tenant());
    return reports(
        em.createNativeQuery(TENANT_COLUMNS + " ORDER BY day DESC, kind").getResultList(),
        caller.slug().value());
  }

  /** One of the tenant's reports with its content. */
  @Requires(Permission.READ_REPORTS)
  public ReportFile report(TenantCaller caller, long id) {
    binding.bind(em, caller.tenant());
    List<?> rows =
        em.createNativeQuery("SELECT day, kind, content FROM report WHERE id = ?1")
            .setParameter(1, id)
            .getResultList();
    if (rows.isEmpty()) {
      throw notFound("The tenant has no report " + id + ": the list of its reports names them.");
    }
    Object[] row = (Object[]) rows.get(0);
    ReportKind kind = ReportKind.valueOf((String) row[1]);
    return new ReportFile(
        kind.fileName(caller.slug().value(), date(row[0])), kind.mediaType(), (byte[]) row[2]);
  }

  /** The firm's portfolio reports, the latest day first. */
  @Requires(Permission.READ_FIRM_REPORTS)
  public List<StoredReport> firmReports(Caller caller, FirmSlug firm) {
    return reports(
        em.createNativeQuery(FIRM_COLUMNS + " ORDER BY r.day DESC")
            .setParameter(1, firm.value())
            .getResultList(),
        firm.value());
  }

  /** One of the firm's portfolio reports with its content. */
  @Requires(Permission.READ_FIRM_REPORTS)
  public ReportFile firmReport(Caller caller, FirmSlug firm, long id) {
    List<?> rows =
        em.createNativeQuery(
                "SELECT r.day, r.content FROM platform.firm_report r JOIN platform.firm f"
                    + " ON f.id = r.firm_id WHERE f.slug = ?1 AND r.id = ?2")
            .setParameter(1, firm.value())
            .setParameter(2, id)
            .getResultList();
    if (rows.isEmpty()) {
      throw notFound("The firm has no report " + id + ": the list of its reports names them.");
    }
    Object[] row = (Object[]) rows.get(0);
    return new ReportFile(
        ReportKind.PORTFOLIO.fileName(firm.value(), date(row[0])),
        ReportKind.PORTFOLIO.mediaType(),
        (byte[]) row[1]);
  }

  private static List<StoredReport> reports(List<?> rows, String owner) {
    return rows.stream()
        .map(Object[].class::cast)
        .map(
            row -> {
              ReportKind kind = ReportKind.valueOf((String) row[3]);
              LocalDate day = date(row[1]);
              return new StoredReport(
                  ((Number) row[0]).longValue(),
                  day,
                  date(row[2]),
                  kind,
                  kind.fileName(owner, day),
                  ((Number) row[4]).longValue(),
                  instant(row[5]));
            })
        .toList();
  }

  private static DomainException notFound(String message) {
    return new DomainException(ProblemKind.NOT_FOUND, message);
  }

  private static LocalDate date(Object value) {
    return value instanceof LocalDate day ? day : ((Date) value).toLocalDate();
  }

  private static Instant instant(Object value) {
    if (value instanceof Instant instant) {
      return instant;
    }
    if (value instanceof java.time.OffsetDateTime offset) {
      return offset.toInstant();
    }
    return ((Timestamp) value).toInstant();
  }
}

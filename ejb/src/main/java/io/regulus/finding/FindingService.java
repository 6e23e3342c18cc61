package io.regulus.finding;

import io.regulus.access.Guarded;
import io.regulus.access.Permission;
import io.regulus.access.Requires;
import io.regulus.access.TenantCaller;
import io.regulus.problem.DomainException;
import io.regulus.problem.ProblemKind;
import io.regulus.settings.Settings;
import io.regulus.signal.SignalStore;
import io.regulus.spreadsheet.LimitedInput;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonException;
import java.io.InputStream;
import java.time.Instant;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Imports a scanner's findings document into the caller's tenant as signals: read as it arrives (at
 * most REGULUS_FINDINGS_MAX_BYTES), checked whole, mapped through the scanner's check table, and
 * appended in one transaction; a document with any bad entry is refused whole and stores nothing.
 */
@Stateless
@Guarded
public class FindingService {

  private static final Logger LOG = Logger.getLogger(FindingService.class.getName());

  @EJB private SignalStore store;
  @Inject private Settings settings;

  /**
   * The document's signals, stored; what was read, stored and skipped. {@code declaredLength} is
   * the length its sender announced (-1 when unknown): a longer one than allowed is refused before
   * a byte is read.
   */
  @Requires(Permission.WRITE_SIGNALS)
  public FindingImport importFindings(
      TenantCaller caller, InputStream document, long declaredLength) {
    long limit = settings.findingsMaxBytes();
    if (declaredLength > limit) {
      throw tooLarge(limit);
    }
    FindingBatch batch;
    try {
      batch =
          OcsfFindings.read(
              new LimitedInput(document, "the findings document", limit),
              CheckMapping.prowler(),
              Instant.now());
    } catch (JsonException e) {
      throw unreadable(e, limit);
    }
    UUID id = batch.signals().isEmpty() ? null : store.append(caller, batch.signals());
    LOG.info(
        () ->
            "findings imported: tenant "
                + caller.slug()
                + ", by "
                + caller.id()
                + ", batch "
                + id
                + ", "
                + batch.findings()
                + " findings, "
                + batch.signals().size()
                + " signals, "
                + batch.skippedFindings()
                + " skipped");
    return new FindingImport(
        id, batch.findings(), batch.signals().size(), batch.skippedFindings(), batch.skipped());
  }

  /** The scanner checks an import reads, each with the signal key it reports. */
  @Requires(Permission.READ_TENANT)
  public CheckMapping checks(TenantCaller caller) {
    return CheckMapping.prowler();
  }

  /** The body could not be read: too long, or cut off by the connection. */
  private static DomainException unreadable(JsonException e, long limit) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof LimitedInput.Exceeded) {
        return tooLarge(limit);
      }
    }
    return new DomainException(
        ProblemKind.INVALID_INPUT,
        "The findings document could not be read to its end. Nothing of it is stored: send it"
            + " again whole.");
  }

  private static DomainException tooLarge(long limit) {
    return new DomainException(
        ProblemKind.PAYLOAD_TOO_LARGE,
        "A findings document may be at most "
            + limit
            + " bytes (REGULUS_FINDINGS_MAX_BYTES). Nothing of it is stored: split the scan (one"
            + " account or region per document) and import each part.");
  }
}

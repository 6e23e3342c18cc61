package io.regulus.ui.platform;

import io.regulus.administration.TenantAdministration;
import io.regulus.directory.Invitations;
import io.regulus.tenancy.ExportArchive;
import io.regulus.tenancy.Tenant;
import io.regulus.tenancy.TenantExport;
import io.regulus.tenancy.TenantSlug;
import io.regulus.tenancy.TenantStatus;
import io.regulus.ui.PageTexts;
import io.regulus.ui.Workspace;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.StreamedContent;

/**
 * One tenant's life cycle, for operators: suspend, resume, export and download the archive, delete
 * (with the domain's reason while it may not be deleted yet: it must be suspended, then exported
 * during that suspension) and appoint an admin to a tenant that has none. What each step needs is
 * the domain's ({@link TenantStatus}, {@link TenantAdministration#refusalToDelete}); the page shows
 * it and the operation decides again.
 */
@Named
@ViewScoped
public class TenantPage implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final PageTexts TEXT = PageTexts.of("io.regulus.ui.platform.messages");

  @EJB private TenantAdministration administration;
  @Inject private Workspace workspace;

  private String slug;
  private TenantRow tenant;
  private TenantStatus status;
  private String deleteRefusal;
  private List<ExportRow> exports;
  private String adminEmail;

  /** A stored export as the page lists it. */
  public record ExportRow(
      long id,
      Date createdAt,
      String createdBy,
      String schemaVersion,
      long sizeBytes,
      String sha256)
      implements Serializable {

    static ExportRow of(TenantExport export) {
      return new ExportRow(
          export.id(),
          TenantRow.date(export.createdAt()),
          export.createdBy(),
          export.schemaVersion(),
          export.sizeBytes(),
          export.sha256());
    }
  }

  /** Reads the tenant: anyone but an operator gets the access-denied page, an unknown slug too. */
  public void load() {
    TenantSlug named = slug();
    Tenant read = administration.tenant(workspace.user(), named);
    tenant = TenantRow.of(read);
    status = read.status();
    deleteRefusal = administration.refusalToDelete(workspace.user(), named).orElse(null);
    exports =
        administration.exports(workspace.user(), named).stream()
            .sorted(Comparator.comparing(TenantExport::createdAt).reversed())
            .map(ExportRow::of)
            .toList();
  }

  public void suspend() {
    administration.suspend(workspace.user(), slug());
    TEXT.done("tenant.suspended", slug);
    load();
  }

  public void resume() {
    administration.resume(workspace.user(), slug());
    TEXT.done("tenant.resumed", slug);
    load();
  }

  public void export() {
    TenantExport export = administration.export(workspace.user(), slug());
    TEXT.done("tenant.exported", export.id(), export.sizeBytes());
    load();
  }

  public void delete() {
    administration.delete(workspace.user(), slug());
    TEXT.done("tenant.deleted", slug);
    load();
  }

  public void appointAdmin() {
    Invitations.Sent sent = administration.appointAdmin(workspace.user(), slug(), adminEmail);
    TEXT.done("tenant.appointed", sent.email(), Date.from(sent.expiresAt()));
    adminEmail = null;
  }

  /** The archive of one export, streamed from the database as it is written to the browser. */
  public StreamedContent download(long exportId) {
    ExportArchive archive = administration.archive(workspace.user(), slug(), exportId);
    return DefaultStreamedContent.builder()
        .name(slug + "-export-" + exportId + ".zip")
        .contentType("application/zip")
        .contentLength(archive.size())
        .writer(
            out -> {
              try {
                archive.writeTo(out);
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            })
        .build();
  }

  private TenantSlug slug() {
    return new TenantSlug(slug);
  }

  public boolean isSuspendable() {
    return status != null && status.suspendable();
  }

  public boolean isResumable() {
    return status != null && status.resumable();
  }

  public boolean isExportable() {
    return status != null && status.exportable();
  }

  /**
   * Why delete would be refused now, in the domain's words; null when the tenant may be deleted.
   */
  public String getDeleteRefusal() {
    return deleteRefusal;
  }

  public boolean isDeleted() {
    return status == TenantStatus.DELETED;
  }

  public TenantRow getTenant() {
    return tenant;
  }

  public List<ExportRow> getExports() {
    return exports;
  }

  public String getSlug() {
    return slug;
  }

  public void setSlug(String slug) {
    this.slug = slug;
  }

  public String getAdminEmail() {
    return adminEmail;
  }

  public void setAdminEmail(String adminEmail) {
    this.adminEmail = adminEmail;
  }
}

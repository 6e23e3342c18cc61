package io.regulus.ui.report;

import io.regulus.access.AccessControl;
import io.regulus.report.ReportFile;
import io.regulus.report.ReportService;
import io.regulus.report.StoredReport;
import io.regulus.ui.Workspace;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.ByteArrayInputStream;
import java.io.Serializable;
import java.util.List;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.StreamedContent;

/**
 * A tenant's reports (with {@code tenant}) or a firm's portfolio reports (with {@code firm}), the
 * latest day first, each downloadable: the page shows what {@link ReportService} returns for the
 * signed-in user, and downloads through the same service.
 */
@Named
@ViewScoped
public class ReportsPage implements Serializable {

  private static final long serialVersionUID = 1L;

  @EJB private ReportService reports;
  @Inject private Workspace workspace;

  private String tenant;
  private String firm;
  private List<StoredReport> list = List.of();

  public void load() {
    list =
        firm != null
            ? reports.firmReports(workspace.user(), AccessControl.firmNamed(firm))
            : reports.reports(workspace.enter(tenant));
  }

  /** One report's file, from the service as the API serves it. */
  public StreamedContent download(long id) {
    ReportFile file =
        firm != null
            ? reports.firmReport(workspace.user(), AccessControl.firmNamed(firm), id)
            : reports.report(workspace.enter(tenant), id);
    byte[] content = file.content();
    return DefaultStreamedContent.builder()
        .name(file.fileName())
        .contentType(file.mediaType())
        .contentLength((long) content.length)
        .stream(() -> new ByteArrayInputStream(content))
        .build();
  }

  public String getTenant() {
    return tenant;
  }

  public void setTenant(String tenant) {
    this.tenant = tenant;
  }

  public String getFirm() {
    return firm;
  }

  public void setFirm(String firm) {
    this.firm = firm;
  }

  public List<StoredReport> getReports() {
    return list;
  }
}

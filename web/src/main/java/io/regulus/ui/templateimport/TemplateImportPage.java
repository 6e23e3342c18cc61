package io.regulus.ui.templateimport;

import io.regulus.access.TenantCaller;
import io.regulus.template.exchange.ImportOptions;
import io.regulus.template.exchange.TemplateFormat;
import io.regulus.template.imports.ImportStatus;
import io.regulus.template.imports.TemplateImport;
import io.regulus.template.imports.TemplateImportRequest;
import io.regulus.template.imports.TemplateImportService;
import io.regulus.ui.PageTexts;
import io.regulus.ui.Workspace;
import jakarta.ejb.EJB;
import jakarta.faces.event.PhaseId;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.List;
import org.primefaces.event.FileUploadEvent;

/**
 * Template files into the tenant's templates, as the API takes them: the admin names the key and
 * the format (and, if they like, the defaults where the file says nothing), uploads the file, and
 * watches the import job's progress; an invalid file shows every problem with where it is; a
 * running import can be stopped, a failed one restarted.
 */
@Named
@ViewScoped
public class TemplateImportPage implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final PageTexts TEXT = PageTexts.of("io.regulus.ui.templateimport.messages");

  @EJB private TemplateImportService imports;
  @Inject private Workspace workspace;

  private String tenant;
  private String key;
  private String format = "EXCEL";
  private boolean mandatory = ImportOptions.DEFAULTS.mandatory();
  private String nature = ImportOptions.DEFAULTS.nature();
  private String actionType = ImportOptions.DEFAULTS.actionType();
  private String category = ImportOptions.DEFAULTS.category();
  private String managedBy = ImportOptions.DEFAULTS.managedBy();
  private List<TemplateImport> list = List.of();
  private Long shown;

  public void load() {
    list = imports.imports(caller());
  }

  private TenantCaller caller() {
    return workspace.enter(tenant);
  }

  /**
   * A file arrived: the import starts at once, and shows in the list. The upload's event comes
   * while the form's other fields (the key, the format) are still being read, so the listener waits
   * for the application phase, when they are.
   */
  public void upload(FileUploadEvent event) throws IOException {
    if (event.getPhaseId() != PhaseId.INVOKE_APPLICATION) {
      event.setPhaseId(PhaseId.INVOKE_APPLICATION);
      event.queue();
      return;
    }
    TemplateImportRequest request =
        new TemplateImportRequest(
            key == null ? null : key.strip(),
            null,
            TemplateFormat.valueOf(format),
            event.getFile().getFileName(),
            new ImportOptions(
                key == null ? "" : key.strip(),
                mandatory,
                nature,
                actionType,
                category,
                managedBy,
                null));
    try (InputStream content = event.getFile().getInputStream()) {
      TemplateImport started = imports.importPrivate(caller(), request, content);
      shown = started.id();
      TEXT.done("started", started.fileName(), started.id());
    }
    load();
  }

  public void stop(TemplateImport running) {
    imports.stop(caller(), running.id());
    load();
  }

  public void restart(TemplateImport failed) {
    imports.restart(caller(), failed.id());
    load();
  }

  /** The import whose problems the page shows (its {@code import} parameter), or null. */
  public Long getShown() {
    return shown;
  }

  public void setShown(Long shown) {
    this.shown = shown;
  }

  public TemplateImport getShownImport() {
    return shown == null
        ? null
        : list.stream().filter(i -> i.id() == shown).findFirst().orElse(null);
  }

  /** Whether an import is still moving, so the list refreshes itself. */
  public boolean isRunning() {
    return list.stream()
        .anyMatch(i -> i.status() == ImportStatus.QUEUED || i.status() == ImportStatus.RUNNING);
  }

  public boolean stoppable(TemplateImport i) {
    return i.status() == ImportStatus.QUEUED || i.status() == ImportStatus.RUNNING;
  }

  public boolean restartable(TemplateImport i) {
    return i.status() == ImportStatus.FAILED;
  }

  public List<TemplateImport> getList() {
    return list;
  }

  public String getTenant() {
    return tenant;
  }

  public void setTenant(String tenant) {
    this.tenant = tenant;
  }

  public String getKey() {
    return key;
  }

  public void setKey(String key) {
    this.key = key;
  }

  public String getFormat() {
    return format;
  }

  public void setFormat(String format) {
    this.format = format;
  }

  public boolean isMandatory() {
    return mandatory;
  }

  public void setMandatory(boolean mandatory) {
    this.mandatory = mandatory;
  }

  public String getNature() {
    return nature;
  }

  public void setNature(String nature) {
    this.nature = nature;
  }

  public String getActionType() {
    return actionType;
  }

  public void setActionType(String actionType) {
    this.actionType = actionType;
  }

  public String getCategory() {
    return category;
  }

  public void setCategory(String category) {
    this.category = category;
  }

  public String getManagedBy() {
    return managedBy;
  }

  public void setManagedBy(String managedBy) {
    this.managedBy = managedBy;
  }
}

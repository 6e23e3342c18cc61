package io.regulus.ui.template;

import io.regulus.access.TenantCaller;
import io.regulus.template.TemplateService;
import io.regulus.template.TemplateSummary;
import io.regulus.template.exchange.TemplateFormat;
import io.regulus.template.imports.TemplateExportService;
import io.regulus.ui.Workspace;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.StreamedContent;

/** The templates a tenant builds assessments from: the global library's and its own. */
@Named
@ViewScoped
public class TemplatesPage implements Serializable {

  private static final long serialVersionUID = 1L;

  @EJB private TemplateService templates;
  @EJB private TemplateExportService exports;
  @Inject private Workspace workspace;

  private String tenant;
  private List<TemplateSummary> all = List.of();

  public void load() {
    all = templates.available(workspace.enter(tenant));
  }

  /** The library's templates: the platform's global ones and those the tenant's firm pushed. */
  public List<TemplateSummary> getLibrary() {
    return all.stream().filter(t -> !own(t)).toList();
  }

  /** The tenant's private templates and extensions. */
  public List<TemplateSummary> getOwn() {
    return all.stream().filter(TemplatesPage::own).toList();
  }

  private static boolean own(TemplateSummary template) {
    return template.kind() == TemplateSummary.Kind.PRIVATE
        || template.kind() == TemplateSummary.Kind.EXTENSION;
  }

  /** The template's latest version as a file in {@code format} (EXCEL or OSCAL), streamed. */
  public StreamedContent export(TemplateSummary template, String format) {
    TenantCaller caller = workspace.enter(tenant);
    TemplateFormat chosen = TemplateFormat.valueOf(format);
    TemplateExportService.ExportFile file =
        exports.file(caller, template.key(), template.latest(), chosen);
    return DefaultStreamedContent.builder()
        .name(file.name())
        .contentType(file.mediaType())
        .writer(out -> exports.export(caller, template.key(), template.latest(), chosen, out))
        .build();
  }

  /** A template's versions, oldest first, as one line. */
  public String versions(TemplateSummary template) {
    return String.join(", ", template.versions());
  }

  public String getTenant() {
    return tenant;
  }

  public void setTenant(String tenant) {
    this.tenant = tenant;
  }
}

package io.regulus.ui.template;

import io.regulus.template.TemplateService;
import io.regulus.template.TemplateSummary;
import io.regulus.ui.Workspace;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/** The templates a tenant builds assessments from: the global library's and its own. */
@Named
@ViewScoped
public class TemplatesPage implements Serializable {

  private static final long serialVersionUID = 1L;

  @EJB private TemplateService templates;
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

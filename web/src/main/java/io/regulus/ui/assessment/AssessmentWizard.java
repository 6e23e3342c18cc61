package io.regulus.ui.assessment;

import io.regulus.access.TenantCaller;
import io.regulus.assessment.Assessment;
import io.regulus.assessment.AssessmentGroup;
import io.regulus.assessment.AssessmentGroupNameTakenException;
import io.regulus.assessment.AssessmentGroupService;
import io.regulus.assessment.AssessmentService;
import io.regulus.assessment.NewAssessment;
import io.regulus.problem.DomainException;
import io.regulus.problem.ProblemKind;
import io.regulus.problem.Violation;
import io.regulus.template.TemplateService;
import io.regulus.template.TemplateSummary;
import io.regulus.ui.Workspace;
import jakarta.ejb.EJB;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.model.SelectItem;
import jakarta.faces.model.SelectItemGroup;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;

/**
 * The wizard that builds an assessment: a template and version from the library or the tenant's
 * own, then a name, a scope and a group (an existing one, or a new one made with it in the same
 * transaction), then a confirmation. The domain decides whether it may be built; what it refuses is
 * shown beside the field at fault.
 */
@Named
@ViewScoped
public class AssessmentWizard implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The wizard's inputs by the domain's field names. */
  private static final Map<String, String> INPUTS =
      Map.of(
          "template", "template-key",
          "version", "template-version",
          "name", "assessment-name",
          "scope", "scope",
          "scopeName", "scope-name");

  @EJB private TemplateService templateService;
  @EJB private AssessmentGroupService groupService;
  @EJB private AssessmentService assessments;
  @Inject private Workspace workspace;

  private String tenant;
  private List<TemplateSummary> templates = List.of();
  private List<AssessmentGroup> groups = List.of();
  private String template;
  private String version;
  private String name;
  private Assessment.Scope scope = Assessment.Scope.PRODUCT;
  private String scopeName;
  private String groupMode = "existing";
  private Long groupId;
  private String newGroupName;
  private String newGroupDescription;

  public void load() {
    TenantCaller caller = workspace.enter(tenant);
    templates = templateService.available(caller);
    groups = groupService.list(caller);
    if (groups.isEmpty()) {
      groupMode = "new";
    }
  }

  /** Builds the assessment and opens it; a refused input is marked at its field. */
  public String create() {
    TenantCaller caller = workspace.enter(tenant);
    NewAssessment request =
        new NewAssessment(
            name,
            template,
            version == null || version.isBlank() ? null : version,
            scope,
            scopeName);
    try {
      AssessmentService.Scored created =
          isNewGroup()
              ? assessments.createInNewGroup(caller, newGroupName, newGroupDescription, request)
              : assessments.create(caller, groupId == null ? 0 : groupId, request);
      return AssessmentPages.detail(tenant, created.assessment().id());
    } catch (DomainException refused) {
      if (refused.kind() == ProblemKind.FORBIDDEN || refused.violations().isEmpty()) {
        throw refused;
      }
      show(refused);
      return null;
    }
  }

  private void show(DomainException refused) {
    FacesContext context = FacesContext.getCurrentInstance();
    for (Violation violation : refused.violations()) {
      String input =
          refused instanceof AssessmentGroupNameTakenException
              ? "new-group-name"
              : INPUTS.get(violation.field());
      String detail = refused.violations().size() == 1 ? refused.detail() : violation.rule();
      FacesMessage message = new FacesMessage(FacesMessage.SEVERITY_ERROR, detail, detail);
      context.addMessage(input, message);
    }
    String fix = AssessmentTexts.get().getString("wizard.fix");
    context.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, fix, fix));
    context.validationFailed();
  }

  /** The templates to choose from: the global library's, then the tenant's own. */
  public List<SelectItem> getTemplateOptions() {
    ResourceBundle text = AssessmentTexts.get();
    SelectItemGroup library = new SelectItemGroup(text.getString("wizard.template.library"));
    SelectItemGroup own = new SelectItemGroup(text.getString("wizard.template.own"));
    library.setSelectItems(options(true));
    own.setSelectItems(options(false));
    return own.getSelectItems().length == 0 ? List.of(library) : List.of(library, own);
  }

  private SelectItem[] options(boolean global) {
    return templates.stream()
        .filter(
            t ->
                (t.kind() == TemplateSummary.Kind.GLOBAL || t.kind() == TemplateSummary.Kind.FIRM)
                    == global)
        .map(t -> new SelectItem(t.key(), t.title() + " (" + t.key() + ")"))
        .toArray(SelectItem[]::new);
  }

  /**
   * The versions the chosen template can be built from, newest first; an extension is built on a
   * version of the global template it extends.
   */
  public List<String> getVersions() {
    return chosen()
        .map(
            t ->
                t.kind() == TemplateSummary.Kind.EXTENSION
                    ? find(t.extendsKey()).map(TemplateSummary::versions).orElse(List.of())
                    : t.versions())
        .map(
            versions -> {
              List<String> newestFirst = new java.util.ArrayList<>(versions);
              java.util.Collections.reverse(newestFirst);
              return newestFirst;
            })
        .orElse(List.of());
  }

  private Optional<TemplateSummary> chosen() {
    return find(template);
  }

  /** The chosen template's title, for the confirmation. */
  public String getTemplateTitle() {
    return chosen().map(TemplateSummary::title).orElse(template);
  }

  private Optional<TemplateSummary> find(String key) {
    return templates.stream().filter(t -> t.key().equals(key)).findFirst();
  }

  /** The chosen group's name, for the confirmation. */
  public String getGroupName() {
    return isNewGroup()
        ? newGroupName
        : groups.stream()
            .filter(g -> g.id().equals(groupId))
            .map(AssessmentGroup::name)
            .findFirst()
            .orElse(null);
  }

  public boolean isNewGroup() {
    return "new".equals(groupMode);
  }

  public Assessment.Scope[] getScopes() {
    return Assessment.Scope.values();
  }

  public List<AssessmentGroup> getGroups() {
    return groups;
  }

  public String getTenant() {
    return tenant;
  }

  public void setTenant(String tenant) {
    this.tenant = tenant;
  }

  public String getTemplate() {
    return template;
  }

  public void setTemplate(String template) {
    this.template = template;
  }

  public String getVersion() {
    return version;
  }

  public void setVersion(String version) {
    this.version = version;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public Assessment.Scope getScope() {
    return scope;
  }

  public void setScope(Assessment.Scope scope) {
    this.scope = scope;
  }

  public String getScopeName() {
    return scopeName;
  }

  public void setScopeName(String scopeName) {
    this.scopeName = scopeName;
  }

  public String getGroupMode() {
    return groupMode;
  }

  public void setGroupMode(String groupMode) {
    this.groupMode = groupMode;
  }

  public Long getGroupId() {
    return groupId;
  }

  public void setGroupId(Long groupId) {
    this.groupId = groupId;
  }

  public String getNewGroupName() {
    return newGroupName;
  }

  public void setNewGroupName(String newGroupName) {
    this.newGroupName = newGroupName;
  }

  public String getNewGroupDescription() {
    return newGroupDescription;
  }

  public void setNewGroupDescription(String newGroupDescription) {
    this.newGroupDescription = newGroupDescription;
  }
}

package io.regulus.ui.template;

import io.regulus.access.TenantCaller;
import io.regulus.problem.DomainException;
import io.regulus.problem.ProblemKind;
import io.regulus.problem.Violation;
import io.regulus.scoring.ActionType;
import io.regulus.scoring.Classification;
import io.regulus.scoring.ManagedBy;
import io.regulus.template.TemplateDraft;
import io.regulus.template.TemplateService;
import io.regulus.template.TemplateSummary;
import io.regulus.ui.Workspace;
import jakarta.ejb.EJB;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The form of a new private template or extension ({@code ?tenant=}), or of the next version of one
 * ({@code &key=}): its header, its own new actions and its controls, each naming the actions that
 * satisfy it. Publishing sends the whole draft to {@link TemplateService}, which checks it whole;
 * each fault it names is shown beside its field, all at once, and nothing is published.
 */
@Named
@ViewScoped
public class TemplateEditor implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The header's inputs by the domain's field names. */
  private static final Map<String, String> HEADER =
      Map.of(
          "key", "template-key",
          "title", "template-title",
          "regulation", "template-regulation",
          "description", "template-description",
          "extends", "template-extends",
          "actions", "add-action",
          "controls", "add-control");

  /** A whole row at fault ({@code actions[2]}): its first input. */
  private static final Pattern ROW = Pattern.compile("(actions|controls)\\[(\\d+)]");

  /** A row's field ({@code controls[0].actions[1]}): the row's input of that name. */
  private static final Pattern RULE_FIELD =
      Pattern.compile("actions\\[(\\d+)]\\.test(?:\\.(\\w+))?");

  private static final Pattern ROW_FIELD =
      Pattern.compile("(actions|controls)\\[(\\d+)]\\.(\\w+).*");

  @EJB private TemplateService templates;
  @Inject private Workspace workspace;

  private String tenant;
  private String key;
  private TemplateSummary existing;
  private List<TemplateSummary> globals = List.of();
  private String newKey;
  private String title;
  private String regulation;
  private String description;
  private String extendsKey;
  private final List<ActionRow> actions = new ArrayList<>();
  private final List<ControlRow> controls = new ArrayList<>(List.of(new ControlRow()));

  public void load() {
    TenantCaller caller = workspace.enter(tenant);
    if (key != null && !key.isBlank()) {
      existing = templates.get(caller, key);
    } else {
      globals =
          templates.available(caller).stream()
              .filter(t -> t.kind() == TemplateSummary.Kind.GLOBAL)
              .toList();
    }
  }

  public void addAction() {
    actions.add(new ActionRow());
  }

  public void removeAction(int index) {
    actions.remove(index);
  }

  public void addControl() {
    controls.add(new ControlRow());
  }

  public void removeControl(int index) {
    controls.remove(index);
  }

  /** Publishes the draft: a new template's first version, or the next version of this one. */
  public String publish() {
    TenantCaller caller = workspace.enter(tenant);
    List<TemplateDraft.Action> draftActions = actions.stream().map(ActionRow::draft).toList();
    List<TemplateDraft.Control> draftControls = controls.stream().map(ControlRow::draft).toList();
    try {
      TemplateSummary published =
          existing == null
              ? templates.create(
                  caller,
                  new TemplateDraft(
                      newKey,
                      title,
                      regulation,
                      description,
                      extendsKey,
                      draftActions,
                      draftControls))
              : templates.publish(
                  caller,
                  existing.key(),
                  new TemplateDraft(
                      existing.key(), null, null, null, null, draftActions, draftControls));
      String done =
          MessageFormat.format(
              text().getString("editor.published"), published.key(), published.latest());
      FacesContext context = FacesContext.getCurrentInstance();
      context.getExternalContext().getFlash().setKeepMessages(true);
      context.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, done, done));
      return "/app/templates.xhtml?faces-redirect=true&tenant="
          + URLEncoder.encode(tenant, StandardCharsets.UTF_8);
    } catch (DomainException refused) {
      if (refused.kind() == ProblemKind.FORBIDDEN || refused.violations().isEmpty()) {
        throw refused;
      }
      show(refused.violations());
      return null;
    }
  }

  /** Each violation beside its input; one the form has no input for, above the form. */
  private void show(List<Violation> violations) {
    FacesContext context = FacesContext.getCurrentInstance();
    for (Violation violation : violations) {
      String input = input(violation.field());
      String detail =
          input == null ? violation.field() + ": " + violation.rule() : violation.rule();
      context.addMessage(input, new FacesMessage(FacesMessage.SEVERITY_ERROR, detail, detail));
    }
    String summary = MessageFormat.format(text().getString("editor.invalid"), violations.size());
    context.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, summary, summary));
    context.validationFailed();
  }

  /** The client id of the input a domain field name points at, or null. */
  static String input(String field) {
    Matcher rule = RULE_FIELD.matcher(field);
    if (rule.matches()) {
      // a rule on a manual action is a fault of its testing source; a rule's field has its input
      return "actions:"
          + rule.group(1)
          + ":"
          + (rule.group(2) == null
              ? "testingSource"
              : "test"
                  + Character.toUpperCase(rule.group(2).charAt(0))
                  + rule.group(2).substring(1));
    }
    Matcher row = ROW.matcher(field);
    if (row.matches()) {
      return row.group(1)
          + ":"
          + row.group(2)
          + ":"
          + (row.group(1).equals("actions") ? "key" : "id");
    }
    Matcher rowField = ROW_FIELD.matcher(field);
    if (rowField.matches()) {
      return rowField.group(1) + ":" + rowField.group(2) + ":" + rowField.group(3);
    }
    return HEADER.get(field);
  }

  private static ResourceBundle text() {
    return ResourceBundle.getBundle(
        "io.regulus.ui.template.messages",
        FacesContext.getCurrentInstance().getViewRoot().getLocale());
  }

  public List<String> getActionTypes() {
    return names(ActionType.values());
  }

  public List<String> getNatures() {
    return names(Classification.Nature.values());
  }

  public List<String> getTestingSources() {
    return List.of("MANUAL", "AUTOMATIC");
  }

  public List<String> getRisks() {
    return List.of("LOW", "MEDIUM", "HIGH");
  }

  public List<String> getResponsibilities() {
    return names(ManagedBy.values());
  }

  private static List<String> names(Enum<?>[] values) {
    return Arrays.stream(values).map(Enum::name).toList();
  }

  public boolean isNewTemplate() {
    return existing == null;
  }

  public TemplateSummary getExisting() {
    return existing;
  }

  public List<TemplateSummary> getGlobals() {
    return globals;
  }

  public List<ActionRow> getActions() {
    return actions;
  }

  public List<ControlRow> getControls() {
    return controls;
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

  public String getNewKey() {
    return newKey;
  }

  public void setNewKey(String newKey) {
    this.newKey = newKey;
  }

  public String getTitle() {
    return title;
  }

  public void setTitle(String title) {
    this.title = title;
  }

  public String getRegulation() {
    return regulation;
  }

  public void setRegulation(String regulation) {
    this.regulation = regulation;
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }

  public String getExtendsKey() {
    return extendsKey;
  }

  public void setExtendsKey(String extendsKey) {
    this.extendsKey = extendsKey;
  }
}

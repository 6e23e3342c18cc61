package io.regulus.ui.templateupdate;

import io.regulus.scoring.Score;
import io.regulus.template.ActionContent;
import io.regulus.templateupdate.TemplateUpdate;
import io.regulus.templateupdate.TemplateUpdateService;
import io.regulus.templateupdate.UpdateDiff;
import io.regulus.templateupdate.UpdatePreview;
import io.regulus.ui.PageTexts;
import io.regulus.ui.Workspace;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The template updates of a tenant ({@code ?tenant=}), and one group's update of one template
 * ({@code &group=&template=}): its diff and score effect, with accept and defer for admins.
 */
@Named
@ViewScoped
public class TemplateUpdatesPage implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final PageTexts TEXT = PageTexts.of("io.regulus.ui.templateupdate.messages");

  @EJB private TemplateUpdateService service;
  @Inject private Workspace workspace;

  private String tenant;
  private Long group;
  private String template;
  private String done;
  private String toVersion;
  private Integer toExtensionVersion;
  private List<TemplateUpdate> updates = List.of();
  private UpdatePreview preview;

  public void load() {
    var caller = workspace.enter(tenant);
    updates = service.list(caller);
    if ("accepted".equals(done) || "deferred".equals(done)) {
      TEXT.done("done." + done);
    }
    if (group != null && template != null) {
      preview = service.preview(caller, group, template);
      toVersion = preview.update().toVersion();
      toExtensionVersion = preview.update().toExtensionVersion();
    }
  }

  /** Moves the group's assessments to the version reviewed, then back to the list. */
  public String accept() {
    service.accept(workspace.enter(tenant), group, template, toVersion, toExtensionVersion);
    return list("accepted");
  }

  /** Keeps the group on its versions until a newer one appears, then back to the list. */
  public String defer() {
    service.defer(workspace.enter(tenant), group, template, toVersion, toExtensionVersion);
    return list("deferred");
  }

  private String list(String outcome) {
    return "/app/template-updates.xhtml?faces-redirect=true&tenant="
        + URLEncoder.encode(tenant, StandardCharsets.UTF_8)
        + "&done="
        + outcome;
  }

  /** What happened to a control, in words. */
  public String describe(UpdateDiff.ControlChange change) {
    return switch (change.change()) {
      case ADDED -> TEXT.text("control.added", String.join(", ", change.actionsAdded()));
      case REMOVED -> TEXT.text("control.removed");
      case CHANGED -> {
        List<String> parts = new ArrayList<>();
        List<String> texts =
            change.fields().stream()
                .filter(field -> !field.equals("actions"))
                .map(field -> TEXT.text("field." + field))
                .toList();
        if (!texts.isEmpty()) {
          parts.add(TEXT.text("control.changed", String.join(", ", texts)));
        }
        if (!change.actionsAdded().isEmpty()) {
          parts.add(TEXT.text("control.gains", String.join(", ", change.actionsAdded())));
        }
        if (!change.actionsRemoved().isEmpty()) {
          parts.add(TEXT.text("control.loses", String.join(", ", change.actionsRemoved())));
        }
        yield String.join("; ", parts);
      }
    };
  }

  /** What happened to an action, in words. */
  public String describe(UpdateDiff.ActionChange change) {
    return switch (change.change()) {
      case ADDED ->
          TEXT.text(
              "action.added", change.after().points(), String.join(", ", change.controlsAfter()));
      case REMOVED -> TEXT.text("action.removed");
      case CHANGED -> {
        List<String> parts = new ArrayList<>();
        for (String field : change.fields()) {
          parts.add(
              switch (field) {
                case "controls" ->
                    TEXT.text(
                        "action.controls",
                        String.join(", ", change.controlsBefore()),
                        String.join(", ", change.controlsAfter()));
                case "points", "type", "title" ->
                    TEXT.text(
                        "action.from",
                        TEXT.text("field." + field),
                        value(change.before(), field),
                        value(change.after(), field));
                default -> TEXT.text("action.rewritten", TEXT.text("field." + field));
              });
        }
        yield String.join("; ", parts);
      }
    };
  }

  private static String value(ActionContent content, String field) {
    return content == null ? "" : content.value(field);
  }

  /** Whether an update waits for a decision, or who deferred it and when, in words. */
  public String state(TemplateUpdate update) {
    if (update.pending()) {
      return TEXT.text("list.pending");
    }
    TemplateUpdate.Deferral deferral = update.deferral();
    return TEXT.text(
        "list.deferred",
        deferral.byName() == null ? deferral.by() : deferral.byName(),
        java.time.format.DateTimeFormatter.ofLocalizedDate(java.time.format.FormatStyle.MEDIUM)
            .withLocale(
                jakarta.faces.context.FacesContext.getCurrentInstance().getViewRoot().getLocale())
            .format(deferral.at().atZone(java.time.ZoneOffset.UTC)));
  }

  /** The names of the update's assessments, as one line. */
  public String names(TemplateUpdate update) {
    return String.join(
        ", ", update.assessments().stream().map(TemplateUpdate.Member::name).toList());
  }

  /** A score as people read it: "58% (14 of 24 points)". */
  public String score(Score score) {
    return TEXT.text("score", score.ratio(), score.achieved(), score.possible());
  }

  public List<TemplateUpdate> getUpdates() {
    return updates;
  }

  public UpdatePreview getPreview() {
    return preview;
  }

  public String getTenant() {
    return tenant;
  }

  public void setTenant(String tenant) {
    this.tenant = tenant;
  }

  public Long getGroup() {
    return group;
  }

  public void setGroup(Long group) {
    this.group = group;
  }

  public String getTemplate() {
    return template;
  }

  public void setTemplate(String template) {
    this.template = template;
  }

  public String getDone() {
    return done;
  }

  public void setDone(String done) {
    this.done = done;
  }

  public String getToVersion() {
    return toVersion;
  }

  public void setToVersion(String toVersion) {
    this.toVersion = toVersion;
  }

  public Integer getToExtensionVersion() {
    return toExtensionVersion;
  }

  public void setToExtensionVersion(Integer toExtensionVersion) {
    this.toExtensionVersion = toExtensionVersion;
  }
}

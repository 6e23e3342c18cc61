package io.regulus.ui.templatepush;

import io.regulus.access.AccessControl;
import io.regulus.administration.TenantAdministration;
import io.regulus.template.FirmTemplateService;
import io.regulus.template.TemplateSummary;
import io.regulus.template.push.PushPreview;
import io.regulus.template.push.TemplatePush;
import io.regulus.template.push.TemplatePushService;
import io.regulus.tenancy.FirmSlug;
import io.regulus.tenancy.Tenant;
import io.regulus.ui.PageTexts;
import io.regulus.ui.Workspace;
import jakarta.ejb.EJB;
import jakarta.faces.model.SelectItem;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * Pushes a firm's template to its clients: what the page offers is what {@link TemplatePushService}
 * answers for the user (firm admins push, the firm's other members read the pushes), and every
 * figure is the service's own.
 */
@Named
@ViewScoped
public class TemplatePushPage implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final PageTexts TEXT = PageTexts.of("io.regulus.ui.templatepush.messages");

  @EJB private TemplatePushService pushes;
  @EJB private FirmTemplateService templates;
  @EJB private TenantAdministration administration;
  @Inject private Workspace workspace;

  private String firm;
  private String template;
  private List<String> clients = new ArrayList<>();
  private List<TemplateSummary> firmTemplates = List.of();
  private List<SelectItem> clientOptions = List.of();
  private PushPreview preview;
  private List<TemplatePush> pushList = List.of();
  private Long shown;

  /** Reads the firm's templates, clients and pushes; a non-member gets the access-denied page. */
  public void load() {
    FirmSlug slug = firmSlug();
    firmTemplates = templates.templates(workspace.user(), slug);
    if (template == null && !firmTemplates.isEmpty()) {
      template = firmTemplates.get(0).key();
    }
    List<Tenant> all = administration.clients(workspace.user(), slug);
    clientOptions =
        all.stream()
            .map(
                t ->
                    new SelectItem(
                        t.slug().value(),
                        t.displayName().equals(t.slug().value())
                            ? t.displayName()
                            : t.displayName() + " (" + t.slug() + ")"))
            .toList();
    clients = new ArrayList<>(all.stream().map(t -> t.slug().value()).toList());
    readPushes();
  }

  /** What pushing the chosen template to the chosen clients would do, client by client. */
  public void preview() {
    preview = pushes.preview(workspace.user(), firmSlug(), template, clients);
  }

  /** Starts the push; its outcomes show below as the job delivers. */
  public void push() {
    TemplatePush started = pushes.push(workspace.user(), firmSlug(), template, clients);
    shown = started.id();
    preview = null;
    readPushes();
    TEXT.done("push.started", started.id(), started.clients().size());
  }

  public void refresh() {
    readPushes();
  }

  /** Runs the failed clients of the push shown again. */
  public void retry() {
    pushes.retry(workspace.user(), firmSlug(), shown);
    readPushes();
    TEXT.done("push.retried", shown);
  }

  public void show(long id) {
    shown = id;
  }

  private void readPushes() {
    pushList = pushes.pushes(workspace.user(), firmSlug());
    if (shown == null && !pushList.isEmpty()) {
      shown = pushList.get(0).id();
    }
  }

  private FirmSlug firmSlug() {
    return AccessControl.firmNamed(firm);
  }

  /** Whether the user may push (the firm's admins); asked of the domain. */
  public boolean isManage() {
    return workspace.canInFirm(firm, "MANAGE_FIRM_TEMPLATES");
  }

  /** The push whose outcomes are shown, as last read. */
  public TemplatePush getShownPush() {
    return pushList.stream().filter(p -> p.id() == shownId()).findFirst().orElse(null);
  }

  private long shownId() {
    return shown == null ? -1 : shown;
  }

  /** A score as a percentage with one decimal, or a dash when there is none. */
  public String percent(io.regulus.scoring.Score score) {
    return score == null
        ? "–"
        : String.format(
            java.util.Locale.ROOT,
            "%.1f%% (%.0f / %.0f)",
            score.ratio() * 100,
            score.achieved(),
            score.possible());
  }

  /** A moment as the page shows it, in UTC to the second; empty when there is none. */
  public String when(java.time.Instant moment) {
    return moment == null
        ? ""
        : java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(java.time.ZoneOffset.UTC)
            .format(moment);
  }

  public String getFirm() {
    return firm;
  }

  public void setFirm(String firm) {
    this.firm = firm;
  }

  public String getTemplate() {
    return template;
  }

  public void setTemplate(String template) {
    this.template = template;
  }

  public List<String> getClients() {
    return clients;
  }

  public void setClients(List<String> clients) {
    this.clients = clients == null ? new ArrayList<>() : new ArrayList<>(clients);
  }

  public List<TemplateSummary> getFirmTemplates() {
    return firmTemplates;
  }

  public List<SelectItem> getClientOptions() {
    return clientOptions;
  }

  public PushPreview getPreview() {
    return preview;
  }

  public List<TemplatePush> getPushList() {
    return pushList;
  }
}

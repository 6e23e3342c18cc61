package io.regulus.ui.action;

import io.regulus.access.TenantCaller;
import io.regulus.action.ActionChange;
import io.regulus.action.ActionInstance;
import io.regulus.action.ActionOptions;
import io.regulus.action.ActionService;
import io.regulus.action.ServedControl;
import io.regulus.action.StaleVersionException;
import io.regulus.evidence.Evidence;
import io.regulus.evidence.EvidenceDetails;
import io.regulus.evidence.EvidenceRules;
import io.regulus.evidence.EvidenceService;
import io.regulus.evidence.EvidenceWriter;
import io.regulus.evidence.UploadedFile;
import io.regulus.scoring.TestStatus;
import io.regulus.ui.Workspace;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.PhaseId;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.text.MessageFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.ResourceBundle;
import org.primefaces.event.FileUploadEvent;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.StreamedContent;

/**
 * One improvement action instance ({@code /app/action.xhtml?tenant=&id=}): what it is worth and the
 * controls it serves, its statuses, the workflow form, its evidence and history. Every step enters
 * the tenant afresh and calls the operation the REST API calls ({@link ActionService}, {@link
 * EvidenceService}); what the form offers is the workflow's answer ({@link ActionService#options}),
 * and whatever it sends is judged by the workflow again. A change made to an older version than the
 * action's is not saved: the page shows the other person's values beside what the member typed,
 * which stays, and offers to reload.
 */
@Named("actionPage")
@ViewScoped
public class ActionPage implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final String BUNDLE = "io.regulus.ui.action.messages";

  @EJB private ActionService actions;
  @EJB private EvidenceService evidence;
  @Inject private Workspace workspace;

  private String tenant;
  private long id;

  private ActionInstance action;
  private ActionOptions options;
  private List<ServedControl> controls;
  private List<Evidence> evidenceItems;
  private EvidenceRules evidenceRules;
  private List<ActionChange> history;
  private WorkflowForm form;
  private ActionInstance conflict;

  private String evidenceTitle;
  private LocalDate validFrom;
  private LocalDate validUntil;
  private String linkUrl;
  private String workNotice;
  private String evidenceNotice;

  /** Reads everything the page shows (the view's f:viewAction). */
  public void load() {
    TenantCaller caller = workspace.enter(tenant);
    workNotice = null;
    evidenceNotice = null;
    read(caller);
    form = WorkflowForm.of(action);
    conflict = null;
  }

  private void read(TenantCaller caller) {
    action = actions.get(caller, id);
    options = actions.options(caller, id);
    controls = actions.controls(caller, id);
    readEvidence(caller);
    readHistory(caller);
  }

  private void readEvidence(TenantCaller caller) {
    evidenceItems = evidence.list(caller, id);
    evidenceRules = evidence.rules(caller, id);
  }

  private void readHistory(TenantCaller caller) {
    List<ActionChange> newestFirst = new ArrayList<>(actions.history(caller, id));
    Collections.reverse(newestFirst);
    history = newestFirst;
  }

  /**
   * Sends the form's changes with the version it was filled from. When someone else changed the
   * action since, nothing is written: their values are shown and the form keeps what was typed.
   */
  public void save() {
    TenantCaller caller = workspace.enter(tenant);
    workNotice = null;
    if (!form.changed(action)) {
      workNotice = text("detail.nothingChanged");
      return;
    }
    try {
      actions.update(caller, id, form.version(), form.changes(action));
    } catch (RuntimeException failure) {
      // the container may hand the domain's exception on inside its own
      StaleVersionException stale = stale(failure);
      if (stale == null) {
        throw failure;
      }
      conflict = stale.current();
      readHistory(caller);
      workNotice = null;
      return;
    }
    load();
    workNotice = text("detail.saved");
  }

  private static StaleVersionException stale(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof StaleVersionException stale) {
        return stale;
      }
    }
    return null;
  }

  /** Drops what was typed and shows the action as it is now. */
  public void reload() {
    load();
  }

  /**
   * Stores an uploaded file with the details typed beside it. The upload arrives while the form's
   * other fields are still being read, so the listener waits for the application phase, when they
   * are.
   */
  public void upload(FileUploadEvent event) throws IOException {
    if (event.getPhaseId() != PhaseId.INVOKE_APPLICATION) {
      event.setPhaseId(PhaseId.INVOKE_APPLICATION);
      event.queue();
      return;
    }
    TenantCaller caller = workspace.enter(tenant);
    evidenceNotice = null;
    EvidenceRules rules = evidence.rules(caller, id);
    try (InputStream content = event.getFile().getInputStream();
        UploadedFile file =
            UploadedFile.receive(content, event.getFile().getFileName(), rules.maxBytes())) {
      Evidence added = evidence.addFile(caller, id, file, details());
      afterEvidenceChange(caller);
      evidenceNotice = text("detail.evidence.uploaded", added.fileName());
    }
  }

  /** Adds a link to where the proof is kept. */
  public void addLink() {
    TenantCaller caller = workspace.enter(tenant);
    evidenceNotice = null;
    evidence.addLink(caller, id, linkUrl, details());
    linkUrl = null;
    afterEvidenceChange(caller);
    evidenceNotice = text("detail.evidence.linked");
  }

  /** Deletes a piece of evidence, unless the workflow keeps it. */
  public void delete(Evidence item) {
    TenantCaller caller = workspace.enter(tenant);
    evidenceNotice = null;
    evidence.delete(caller, id, item.id());
    afterEvidenceChange(caller);
    evidenceNotice = text("detail.evidence.deleted");
  }

  /** A file as it was uploaded, streamed from the database slice by slice. */
  public StreamedContent download(Evidence item) {
    TenantCaller caller = workspace.enter(tenant);
    Evidence file = evidence.file(caller, id, item.id());
    return DefaultStreamedContent.builder()
        .name(file.fileName())
        .contentType(file.mediaType())
        .contentLength(file.size())
        .writer(
            out -> {
              try {
                EvidenceWriter.write(evidence, caller, file, out);
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            })
        .build();
  }

  private void afterEvidenceChange(TenantCaller caller) {
    evidenceTitle = null;
    validFrom = null;
    validUntil = null;
    readEvidence(caller);
    readHistory(caller);
  }

  private EvidenceDetails details() {
    return new EvidenceDetails(evidenceTitle, validFrom, validUntil);
  }

  /** Today as the workflow counts it (UTC), for whether the action is overdue. */
  public LocalDate getToday() {
    return LocalDate.now(ZoneOffset.UTC);
  }

  /** The items of a list, comma separated. */
  public String joined(List<String> items) {
    return String.join(", ", items);
  }

  /**
   * A value of the history in words: a status or priority by its label in the page's language,
   * anything else as it was recorded.
   */
  public String historyValue(String field, String value) {
    if (value == null) {
      return null;
    }
    if (field.equals("implementationDate") || field.equals("dueDate")) {
      return LocalDate.parse(value)
          .format(
              DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                  .withLocale(FacesContext.getCurrentInstance().getViewRoot().getLocale()));
    }
    String prefix =
        switch (field) {
          case "implementationStatus" -> "detail.implementation.";
          case "testStatus" -> "detail.test.";
          case "priority" -> "detail.priority.";
          default -> null;
        };
    if (prefix == null) {
      return value;
    }
    ResourceBundle bundle = bundle(FacesContext.getCurrentInstance());
    return bundle.containsKey(prefix + value) ? bundle.getString(prefix + value) : value;
  }

  /** A file's size in words, in the page's language: "26 bytes", "1.4 KB", "2.5 MB". */
  public String size(Long bytes) {
    if (bytes == null) {
      return null;
    }
    if (bytes < 1024) {
      return text("detail.size.bytes", bytes);
    }
    boolean mega = bytes >= 1024 * 1024;
    double value = mega ? bytes / (1024.0 * 1024.0) : bytes / 1024.0;
    return text(mega ? "detail.size.mb" : "detail.size.kb", value);
  }

  /** An instant for f:convertDateTime (type both), which formats it in the page's locale. */
  public Date date(Instant instant) {
    return instant == null ? null : Date.from(instant);
  }

  /** The name of whoever made the newest change, as the history has it. */
  public String lastChangedBy() {
    return history == null || history.isEmpty() ? null : history.get(0).changedByName();
  }

  /** A text of the page's bundle, in the page's language. */
  private static String text(String key, Object... arguments) {
    FacesContext context = FacesContext.getCurrentInstance();
    return new MessageFormat(bundle(context).getString(key), context.getViewRoot().getLocale())
        .format(arguments);
  }

  private static ResourceBundle bundle(FacesContext context) {
    return ResourceBundle.getBundle(BUNDLE, context.getViewRoot().getLocale());
  }

  public String getTenant() {
    return tenant;
  }

  public void setTenant(String tenant) {
    this.tenant = tenant;
  }

  public long getId() {
    return id;
  }

  public void setId(long id) {
    this.id = id;
  }

  public ActionInstance getAction() {
    return action;
  }

  public ActionOptions getOptions() {
    return options;
  }

  public List<ServedControl> getControls() {
    return controls;
  }

  public List<Evidence> getEvidence() {
    return evidenceItems;
  }

  public EvidenceRules getEvidenceRules() {
    return evidenceRules;
  }

  public List<ActionChange> getHistory() {
    return history;
  }

  public WorkflowForm getForm() {
    return form;
  }

  /** What the last step of the workflow form did, in words (its errors show above the page). */
  public String getWorkNotice() {
    return workNotice;
  }

  /** What the last evidence step did, in words. */
  public String getEvidenceNotice() {
    return evidenceNotice;
  }

  /**
   * The action as it is now: as loaded, or as someone else changed it when a save met their change.
   */
  public ActionInstance getCurrent() {
    return conflict != null ? conflict : action;
  }

  /** Whether the action takes a partial test, whose passed fraction the form then asks for. */
  public boolean isPartialTestOffered() {
    return options != null && options.testStatuses().contains(TestStatus.PARTIALLY_TESTED);
  }

  public ActionInstance getConflict() {
    return conflict;
  }

  public String getEvidenceTitle() {
    return evidenceTitle;
  }

  public void setEvidenceTitle(String evidenceTitle) {
    this.evidenceTitle = evidenceTitle;
  }

  public LocalDate getValidFrom() {
    return validFrom;
  }

  public void setValidFrom(LocalDate validFrom) {
    this.validFrom = validFrom;
  }

  public LocalDate getValidUntil() {
    return validUntil;
  }

  public void setValidUntil(LocalDate validUntil) {
    this.validUntil = validUntil;
  }

  public String getLinkUrl() {
    return linkUrl;
  }

  public void setLinkUrl(String linkUrl) {
    this.linkUrl = linkUrl;
  }
}

package io.regulus.ui.jobs;

import io.regulus.jobs.JobOperation;
import io.regulus.jobs.JobRules;
import io.regulus.jobs.JobRun;
import io.regulus.jobs.JobRunDetail;
import io.regulus.jobs.JobService;
import io.regulus.jobs.StepRun;
import io.regulus.paging.PageRequest;
import io.regulus.ui.PageTexts;
import io.regulus.ui.PagedList;
import io.regulus.ui.Workspace;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;

/**
 * The platform's batch jobs, for operators: the executions newest first (by job and status), the
 * one chosen in detail with its steps, partitions and progress, a score recomputation started for a
 * day, and stop, restart and abandon where the domain allows them for the execution (its {@code
 * operations}). It polls while an execution runs. Everything is asked of {@link JobService}.
 */
@Named
@ViewScoped
public class JobsPage implements Serializable {

  private static final long serialVersionUID = 1L;

  private static final PageTexts TEXT = PageTexts.of("io.regulus.ui.jobs.messages");

  @EJB private JobService jobs;
  @Inject private Workspace workspace;

  private String job;
  private String status;
  private Long shown;
  private LocalDate day;

  private final PagedList<JobRun> runs =
      PagedList.paged(request -> jobs.runs(workspace.user(), job, status, request));

  /** Reads the first page now: anyone but an operator gets the access-denied page. */
  public void load() {
    runs.readNow();
  }

  /** The executions again, from the first page, with the filters as they are now. */
  public void apply() {
    changed();
  }

  /** Shows execution {@code id} in detail. */
  public void show(long id) {
    shown = id;
    changed();
  }

  /** The execution shown, read again on each request (null when none is chosen). */
  public JobRunDetail getDetail() {
    if (shown == null) {
      return null;
    }
    FacesContext context = FacesContext.getCurrentInstance();
    String key = JobsPage.class.getName() + ".detail";
    JobRunDetail read = (JobRunDetail) context.getAttributes().get(key);
    if (read == null || read.run().id() != shown) {
      read = jobs.detail(workspace.user(), shown);
      context.getAttributes().put(key, read);
    }
    return read;
  }

  /** Whether the domain allows {@code operation} for the execution shown now. */
  public boolean allows(String operation) {
    JobRunDetail detail = getDetail();
    return detail != null && detail.operations().contains(JobOperation.valueOf(operation));
  }

  /** Poll while the execution shown, or any execution, is running (asked once a request). */
  public boolean isPolling() {
    java.util.Map<Object, Object> request = FacesContext.getCurrentInstance().getAttributes();
    String key = JobsPage.class.getName() + ".polling";
    Boolean polling = (Boolean) request.get(key);
    if (polling == null) {
      polling = anyRunning(); // reads the detail, which keeps it in the same map
      request.put(key, polling);
    }
    return polling;
  }

  private boolean anyRunning() {
    JobRunDetail detail = getDetail();
    if (detail != null && detail.run().running()) {
      return true;
    }
    PageRequest one = new PageRequest(0, 1);
    for (String running : List.of("STARTING", "STARTED", "STOPPING")) {
      if (jobs.runs(workspace.user(), null, running, one).total() > 0) {
        return true;
      }
    }
    return false;
  }

  /** After an action: the detail and whether a run is going are read again for the answer. */
  private void changed() {
    runs.changed();
    java.util.Map<Object, Object> request = FacesContext.getCurrentInstance().getAttributes();
    request.remove(JobsPage.class.getName() + ".detail");
    request.remove(JobsPage.class.getName() + ".polling");
  }

  public void startRecompute() {
    JobRun started = jobs.start(workspace.user(), JobRules.SCORE_RECOMPUTE, day);
    shown = started.id();
    TEXT.done("started", started.id(), started.parameters().get("day"));
    changed();
  }

  public void stop() {
    JobRunDetail detail = jobs.stop(workspace.user(), shown);
    TEXT.done("stopping", shown, detail.run().status());
    changed();
  }

  public void restart() {
    long failed = shown;
    JobRunDetail detail = jobs.restart(workspace.user(), failed);
    shown = detail.run().id();
    TEXT.done("restarted", failed, shown);
    changed();
  }

  public void abandon() {
    jobs.abandon(workspace.user(), shown);
    TEXT.done("abandoned", shown);
    changed();
  }

  /** A partitioned step's progress in percent: its partitions completed of those planned. */
  public int percent(StepRun step) {
    return step.partitionsPlanned() == 0
        ? 0
        : step.partitionsCompleted() * 100 / step.partitionsPlanned();
  }

  /** The parameters a run started with, as {@code name=value} in the order of their names. */
  public String parameters(JobRun run) {
    return new java.util.TreeMap<>(run.parameters())
        .entrySet().stream()
            .map(entry -> entry.getKey() + "=" + entry.getValue())
            .collect(java.util.stream.Collectors.joining(", "));
  }

  /** An instant as the page's date converter takes it. */
  public Date date(Instant instant) {
    return instant == null ? null : Date.from(instant);
  }

  /** The jobs of the filter. */
  public List<String> getJobs() {
    return JobRules.jobs();
  }

  public List<String> getStatuses() {
    return JobRules.STATUSES;
  }

  public LocalDate getToday() {
    return LocalDate.now(ZoneOffset.UTC);
  }

  public PagedList<JobRun> getRuns() {
    return runs;
  }

  public String getJob() {
    return job;
  }

  public void setJob(String job) {
    this.job = job == null || job.isBlank() ? null : job;
  }

  public String getStatus() {
    return status;
  }

  public void setStatus(String status) {
    this.status = status == null || status.isBlank() ? null : status;
  }

  public Long getShown() {
    return shown;
  }

  public void setShown(Long shown) {
    this.shown = shown;
  }

  public LocalDate getDay() {
    return day;
  }

  public void setDay(LocalDate day) {
    this.day = day;
  }
}

package io.regulus.ui.finding;

import io.regulus.finding.FindingImport;
import io.regulus.finding.FindingService;
import io.regulus.problem.InvalidInputException;
import io.regulus.problem.Violation;
import io.regulus.ui.PageTexts;
import io.regulus.ui.Workspace;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.primefaces.event.FileUploadEvent;

/**
 * A scanner's findings into the tenant's signals, as the API takes them: the admin uploads the
 * document as the scanner wrote it; the page says what was stored and which checks were skipped, or
 * lists every problem that refused the document. Every member sees the checks an import reads.
 */
@Named
@ViewScoped
public class FindingsPage implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final PageTexts TEXT = PageTexts.of("io.regulus.ui.finding.messages");

  @EJB private FindingService findings;
  @Inject private Workspace workspace;

  private String tenant;
  private Map<String, String> checks = Map.of();
  private FindingImport done;
  private String fileName;
  private List<Violation> problems = List.of();

  public void load() {
    checks = findings.checks(workspace.enter(tenant)).signalByCheck();
  }

  /** A document arrived: imported whole, or refused with every problem listed below the form. */
  public void upload(FileUploadEvent event) throws IOException {
    fileName = event.getFile().getFileName();
    done = null;
    problems = List.of();
    try (InputStream content = event.getFile().getInputStream()) {
      done = findings.importFindings(workspace.enter(tenant), content, event.getFile().getSize());
      TEXT.done("imported", fileName, done.signals());
    } catch (InvalidInputException refused) {
      problems = refused.violations();
      TEXT.wrong("refused", fileName, problems.size());
    }
  }

  public FindingImport getDone() {
    return done;
  }

  public List<Map.Entry<String, Integer>> getSkipped() {
    return done == null ? List.of() : List.copyOf(done.skippedChecks().entrySet());
  }

  public List<Violation> getProblems() {
    return problems;
  }

  public String getFileName() {
    return fileName;
  }

  public List<Map.Entry<String, String>> getChecks() {
    return List.copyOf(checks.entrySet());
  }

  public String getTenant() {
    return tenant;
  }

  public void setTenant(String tenant) {
    this.tenant = tenant;
  }
}

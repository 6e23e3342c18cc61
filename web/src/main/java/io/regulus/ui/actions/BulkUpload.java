package io.regulus.ui.actions;

import io.regulus.action.BulkUpdateService;
import io.regulus.action.InvalidWorkbookException;
import io.regulus.api.action.BulkOutcomeView;
import io.regulus.spreadsheet.CellError;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.ByteArrayInputStream;
import java.io.Serializable;
import java.util.List;
import org.primefaces.event.FileUploadEvent;

/**
 * The bulk-update workbook back in, as the API takes it: an upload is previewed at once ({@code
 * POST .../workbook/preview}: what changes, the score before and after, every faulty cell), and
 * applied only when the user confirms ({@code POST .../workbook}), all or nothing. The workbook is
 * kept in the view between the two, so what is applied is what was previewed.
 */
@Named("bulkUpload")
@ViewScoped
public class BulkUpload implements Serializable {

  private static final long serialVersionUID = 1L;

  @EJB private BulkUpdateService workbooks;
  @Inject private ActionList list;

  private byte[] workbook;
  private String fileName;
  private BulkOutcomeView outcome;

  /** A workbook arrived: its preview, nothing written. */
  public void upload(FileUploadEvent event) {
    workbook = event.getFile().getContent();
    fileName = event.getFile().getFileName();
    outcome = null;
    outcome =
        BulkOutcomeView.of(workbooks.preview(list.caller(), new ByteArrayInputStream(workbook)));
  }

  /**
   * Applies the previewed workbook. Should it have become faulty since (an action changed in
   * between), nothing is applied and its faulty cells are shown as a preview's are.
   */
  public void apply() {
    if (!isApplicable()) {
      return;
    }
    try {
      outcome =
          BulkOutcomeView.of(workbooks.apply(list.caller(), new ByteArrayInputStream(workbook)));
      workbook = null;
    } catch (InvalidWorkbookException e) {
      outcome =
          new BulkOutcomeView(
              outcome.rows(),
              0,
              List.of(),
              List.of(),
              e.cells(),
              outcome.scoreBefore(),
              outcome.scoreBefore(),
              false);
    }
  }

  /** Forgets the uploaded workbook. */
  public void discard() {
    workbook = null;
    fileName = null;
    outcome = null;
  }

  /** Whether a previewed workbook without faults waits to be applied. */
  public boolean isApplicable() {
    return workbook != null && outcome != null && !outcome.applied() && outcome.errors().isEmpty();
  }

  public BulkOutcomeView getOutcome() {
    return outcome;
  }

  public List<CellError> getErrors() {
    return outcome == null ? List.of() : outcome.errors();
  }

  public String getFileName() {
    return fileName;
  }
}

package io.regulus.report;

/** What a stored report is, with how it is served: its media type and its file name's ending. */
public enum ReportKind {
  /** A tenant's executive summary ({@link ExecutiveSummaryPdf}). */
  SUMMARY("application/pdf", "executive-summary.pdf"),
  /** A tenant's workbook ({@link TenantReportWorkbook}). */
  WORKBOOK("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "report.xlsx"),
  /** A firm's portfolio report ({@link PortfolioReportPdf}). */
  PORTFOLIO("application/pdf", "portfolio.pdf");

  private final String mediaType;
  private final String ending;

  ReportKind(String mediaType, String ending) {
    this.mediaType = mediaType;
    this.ending = ending;
  }

  public String mediaType() {
    return mediaType;
  }

  /** The file name of this report of {@code owner} (a tenant or firm slug) made for {@code day}. */
  public String fileName(String owner, java.time.LocalDate day) {
    return owner + "-" + day + "-" + ending;
  }
}

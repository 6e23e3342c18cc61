package io.regulus.report;

/**
 * What building one tenant's reports of a day came to: why it was skipped (null when built), and
 * how long rendering its summary and its workbook took (0 when skipped), for the job's log line.
 */
public record TenantBuild(String skipped, long summaryNanos, long workbookNanos) {

  static TenantBuild skipped(String reason) {
    return new TenantBuild(reason, 0, 0);
  }

  public boolean built() {
    return skipped == null;
  }
}

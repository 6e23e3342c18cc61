package io.regulus.batch.templateimport;

import jakarta.batch.runtime.context.JobContext;

/** The import a job execution works on: its job parameter {@code importId}. */
final class ImportId {

  private ImportId() {}

  static long of(JobContext job) {
    return Long.parseLong(job.getProperties().getProperty("importId"));
  }
}

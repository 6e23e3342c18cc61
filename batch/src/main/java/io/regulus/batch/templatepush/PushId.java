package io.regulus.batch.templatepush;

import jakarta.batch.runtime.context.JobContext;

/** The push a job execution works on: its job parameter {@code pushId}. */
final class PushId {

  private PushId() {}

  static long of(JobContext job) {
    return Long.parseLong(job.getProperties().getProperty("pushId"));
  }
}

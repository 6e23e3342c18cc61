package io.regulus.history;

import java.net.ConnectException;
import java.sql.SQLException;

/**
 * Why a partition of a score recomputation failed, in words an operator acts on: the job keeps it
 * as its exit status. A lost database (PostgreSQL stopped, restarted or out of reach: a connection
 * error, SQL state class 08, or an operator's shutdown, 57P) says to restart the run once the
 * database is back; anything else names the tenant and the root cause.
 */
public final class RecomputeFailure {

  /** The longest reason kept: the job repository's exit status column is short. */
  static final int MAX_LENGTH = 250;

  private RecomputeFailure() {}

  /** True when the failure is the database gone away rather than a fault of the data. */
  public static boolean databaseLost(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof ConnectException) {
        return true;
      }
      if (t instanceof SQLException sql && sql.getSQLState() != null) {
        String state = sql.getSQLState();
        if (state.startsWith("08") || state.startsWith("57P")) {
          return true;
        }
      }
    }
    return false;
  }

  /** The reason to keep for a failure while recording {@code tenant} (null when none was). */
  public static String reason(Throwable failure, String tenant) {
    if (databaseLost(failure)) {
      return databaseWentAway(tenant);
    }
    Throwable root = rootCause(failure);
    String message = root.getMessage() == null ? "" : ": " + firstLine(root.getMessage());
    return shortened(
        "Failed"
            + at(tenant)
            + " ("
            + root.getClass().getSimpleName()
            + message
            + "); fix the cause, then restart this run.");
  }

  /** The reason when the database went away (while recording {@code tenant}, when not null). */
  public static String databaseWentAway(String tenant) {
    return shortened(
        "The database went away"
            + at(tenant)
            + ": restart this run once PostgreSQL answers again; it records only the partitions"
            + " that did not finish.");
  }

  private static String at(String tenant) {
    return tenant == null ? "" : " while recording tenant " + tenant;
  }

  private static String shortened(String reason) {
    return reason.length() <= MAX_LENGTH ? reason : reason.substring(0, MAX_LENGTH - 3) + "...";
  }

  private static Throwable rootCause(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root;
  }

  private static String firstLine(String message) {
    int end = message.indexOf('\n');
    return end < 0 ? message : message.substring(0, end);
  }
}

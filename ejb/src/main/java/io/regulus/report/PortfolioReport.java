package io.regulus.report;

import io.regulus.scoring.Score;
import java.time.LocalDate;
import java.util.List;

/** A firm's report over all its clients, from the snapshots of {@code snapshotDate}. */
public record PortfolioReport(Branding branding, LocalDate snapshotDate, List<Client> clients) {

  public PortfolioReport {
    clients = List.copyOf(clients);
  }

  /**
   * One client's line.
   *
   * @param change7 the change of the score's percent over 7 days, in percentage points; null when
   *     there is no snapshot that old
   * @param change30 the same over 30 days
   * @param biggestGap null when the client has no open action
   */
  public record Client(
      String tenantName,
      Score score,
      Double change7,
      Double change30,
      int overdueActions,
      Gap biggestGap) {}
}

package io.regulus.report;

import io.regulus.scoring.ImplementationStatus;
import io.regulus.scoring.Score;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The figures of one tenant's report, all from the snapshot of {@code snapshotDate}.
 *
 * @param trend the tenant score's history, oldest first, ending at the snapshot date
 * @param topGaps the actions that would add most points, largest first
 * @param actionsByStatus how many action instances each implementation status has (a missing status
 *     counts 0)
 * @param overdueActions action instances past their due date and not done
 */
public record TenantReport(
    String tenantName,
    Branding branding,
    LocalDate snapshotDate,
    Score score,
    List<TrendPoint> trend,
    List<Breakdown> byCategory,
    List<Breakdown> byAssessment,
    List<Gap> topGaps,
    Map<ImplementationStatus, Integer> actionsByStatus,
    int overdueActions) {

  public TenantReport {
    trend = List.copyOf(trend);
    byCategory = List.copyOf(byCategory);
    byAssessment = List.copyOf(byAssessment);
    topGaps = List.copyOf(topGaps);
    EnumMap<ImplementationStatus, Integer> counts = new EnumMap<>(ImplementationStatus.class);
    for (ImplementationStatus status : ImplementationStatus.values()) {
      counts.put(status, actionsByStatus.getOrDefault(status, 0));
    }
    actionsByStatus = Map.copyOf(counts);
  }

  /** The counts in the enum's order, every status present. */
  public Map<ImplementationStatus, Integer> statusCounts() {
    return new EnumMap<>(actionsByStatus);
  }
}

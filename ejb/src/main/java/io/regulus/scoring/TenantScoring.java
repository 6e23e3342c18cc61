package io.regulus.scoring;

import java.util.HashMap;
import java.util.Map;

/**
 * A tenant's scores with what the API shows beside them: each action's title and each instance's id
 * (a tenant-wide instance under a null group). Immutable, so one node serves it to every request
 * until the tenant's data changes; what each instance adds to the score is worked out once, here,
 * and the dashboard once per number of key actions asked.
 */
public final class TenantScoring {

  private final TenantScores scores;
  private final Map<String, String> titles;
  private final Map<ScoringInput.Instance, Long> instanceIds;
  private final Map<Long, Score> contributions;

  /** The dashboard last asked of these scores, with its number of key actions. */
  private volatile KeptDashboard dashboard;

  private record KeptDashboard(int keyActions, Dashboard dashboard) {}

  public TenantScoring(
      TenantScores scores,
      Map<String, String> titles,
      Map<ScoringInput.Instance, Long> instanceIds) {
    this.scores = scores;
    this.titles = Map.copyOf(titles);
    this.instanceIds = Map.copyOf(instanceIds);
    Map<Long, Score> byInstance = new HashMap<>();
    for (ScoredUnit unit : scores.units()) {
      Long id = instanceId(unit);
      if (id != null) {
        byInstance.put(id, new Score(unit.achieved(), unit.possible()));
      }
    }
    this.contributions = Map.copyOf(byInstance);
  }

  public TenantScores scores() {
    return scores;
  }

  public Map<String, String> titles() {
    return titles;
  }

  public Map<ScoringInput.Instance, Long> instanceIds() {
    return instanceIds;
  }

  public String title(ScoredUnit unit) {
    return titles.get(unit.action().key());
  }

  public Long instanceId(ScoredUnit unit) {
    return instanceIds.get(new ScoringInput.Instance(unit.action().key(), unit.group()));
  }

  /** The dashboard with that many key actions: worked out once while the same number is asked. */
  public Dashboard dashboard(int keyActions) {
    KeptDashboard kept = dashboard;
    if (kept == null || kept.keyActions() != keyActions) {
      kept = new KeptDashboard(keyActions, Dashboard.of(this, keyActions));
      dashboard = kept;
    }
    return kept.dashboard();
  }

  /** What each instance adds to the tenant score, by instance id. */
  public Map<Long, Score> contributions() {
    return contributions;
  }
}

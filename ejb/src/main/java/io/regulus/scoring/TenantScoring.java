package io.regulus.scoring;

import java.util.Map;

/**
 * A tenant's scores with what the API shows beside them: each action's title and each instance's id (a
 * tenant-wide instance under a null group).
 */
public record TenantScoring(
    TenantScores scores, Map<String, String> titles, Map<ScoringInput.Instance, Long> instanceIds) {

  public TenantScoring {
    titles = Map.copyOf(titles);
    instanceIds = Map.copyOf(instanceIds);
  }

  public String title(ScoredUnit unit) {
    return titles.get(unit.action().key());
  }

  public Long instanceId(ScoredUnit unit) {
    return instanceIds.get(new ScoringInput.Instance(unit.action().key(), unit.group()));
  }

  /** What each instance adds to the tenant score, by instance id. */
  public Map<Long, Score> contributions() {
    Map<Long, Score> contributions = new java.util.HashMap<>();
    for (ScoredUnit unit : scores.units()) {
      Long id = instanceId(unit);
      if (id != null) {
        contributions.put(id, new Score(unit.achieved(), unit.possible()));
      }
    }
    return contributions;
  }
}

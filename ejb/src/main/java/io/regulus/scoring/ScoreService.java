package io.regulus.scoring;

import io.regulus.access.Guarded;
import io.regulus.access.Permission;
import io.regulus.access.Requires;
import io.regulus.access.TenantCaller;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;

/** A tenant's scores, as {@link ScoringRepository} keeps them up to date. */
@Stateless
@Guarded
public class ScoreService {

  @Inject private ScoringRepository repository;

  @Requires(Permission.READ_TENANT)
  public Dashboard dashboard(TenantCaller caller, int keyActions) {
    return repository.load(caller.tenant()).dashboard(keyActions);
  }

  /** A filtered score and its explanation: the units behind it, which sum to it. */
  public record Explained(Score score, List<ScoredUnit> units, TenantScoring scoring) {}

  @Requires(Permission.READ_TENANT)
  public Explained explain(TenantCaller caller, ScoreFilter filter) {
    TenantScoring scoring = repository.load(caller.tenant());
    return new Explained(
        scoring.scores().filtered(filter.predicate()),
        scoring.scores().explain(filter.predicate()),
        scoring);
  }

  /** Each open unit within the filter, with its impact on the overall score, the biggest first. */
  @Requires(Permission.READ_TENANT)
  public List<Dashboard.KeyAction> whatIf(TenantCaller caller, ScoreFilter filter, int limit) {
    TenantScoring scoring = repository.load(caller.tenant());
    return scoring.scores().whatIf().stream()
        .filter(impact -> filter.predicate().test(impact.unit()))
        .limit(limit)
        .map(impact -> Dashboard.keyAction(scoring, impact))
        .toList();
  }
}

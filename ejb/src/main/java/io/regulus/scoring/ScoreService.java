package io.regulus.scoring;

import io.regulus.tenancy.ActiveTenant;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;

/** A tenant's scores, as {@link ScoringRepository} keeps them up to date. */
@Stateless
public class ScoreService {

  @Inject private ScoringRepository repository;

  public TenantScoring scoring(ActiveTenant tenant) {
    return repository.load(tenant);
  }

  public Dashboard dashboard(ActiveTenant tenant, int keyActions) {
    return repository.load(tenant).dashboard(keyActions);
  }

  /** A filtered score and its explanation: the units behind it, which sum to it. */
  public record Explained(Score score, List<ScoredUnit> units, TenantScoring scoring) {}

  public Explained explain(ActiveTenant tenant, ScoreFilter filter) {
    TenantScoring scoring = repository.load(tenant);
    return new Explained(
        scoring.scores().filtered(filter.predicate()), scoring.scores().explain(filter.predicate()), scoring);
  }

  /** Each open unit within the filter, with its impact on the overall score, the biggest first. */
  public List<Dashboard.KeyAction> whatIf(ActiveTenant tenant, ScoreFilter filter, int limit) {
    TenantScoring scoring = repository.load(tenant);
    return scoring.scores().whatIf().stream()
        .filter(impact -> filter.predicate().test(impact.unit()))
        .limit(limit)
        .map(impact -> Dashboard.keyAction(scoring, impact))
        .toList();
  }
}

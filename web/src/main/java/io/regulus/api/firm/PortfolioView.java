package io.regulus.api.firm;

import io.regulus.api.score.ImpactView;
import io.regulus.api.score.ScoreView;
import io.regulus.portfolio.Portfolio;
import java.util.List;

/**
 * A firm's portfolio: each client it reaches with its overall score, its overdue actions and its
 * biggest gaps (the open actions whose completion would raise its score most).
 */
public record PortfolioView(String firm, List<Client> clients) {

  /** One client tenant. */
  public record Client(
      String slug,
      String name,
      ScoreView score,
      int overdueActions,
      List<ImpactView> biggestGaps) {}

  static PortfolioView of(Portfolio portfolio) {
    return new PortfolioView(
        portfolio.firm().value(),
        portfolio.clients().stream()
            .map(
                client ->
                    new Client(
                        client.slug().value(),
                        client.name(),
                        ScoreView.of(client.standing().score()),
                        client.standing().overdueActions(),
                        client.standing().biggestGaps().stream().map(ImpactView::of).toList()))
            .toList());
  }
}

package io.regulus.portfolio;

import io.regulus.scoring.Dashboard;
import io.regulus.scoring.Score;
import io.regulus.tenancy.FirmSlug;
import io.regulus.tenancy.TenantSlug;
import java.util.List;

/**
 * A firm's clients as its members see them: each client's overall score, its overdue actions and
 * its biggest gaps, ordered by name.
 */
public record Portfolio(FirmSlug firm, List<Client> clients) {

  public Portfolio {
    clients = List.copyOf(clients);
  }

  /** One client tenant of the firm. */
  public record Client(TenantSlug slug, String name, Standing standing) {}

  /**
   * Where a tenant stands: its overall score (docs/scoring.md, rule 5), how many of its action
   * instances are overdue (a due date passed and neither passed nor out of scope) and its biggest
   * gaps (the open instances whose completion would raise the score most, the biggest first).
   */
  public record Standing(Score score, int overdueActions, List<Dashboard.KeyAction> biggestGaps) {

    public Standing {
      biggestGaps = List.copyOf(biggestGaps);
    }
  }
}

package io.regulus.ui.portfolio;

import io.regulus.access.AccessControl;
import io.regulus.api.score.ImpactView;
import io.regulus.api.score.ScoreView;
import io.regulus.portfolio.Portfolio;
import io.regulus.portfolio.PortfolioService;
import io.regulus.ui.Workspace;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * A firm's portfolio: the page shows what {@link PortfolioService#portfolio} returns, rounded as
 * the API rounds it ({@link ScoreView}), so page and API show the same numbers. Who sees which
 * client is the service's decision; a firm the user is not a member of is refused there.
 */
@Named
@ViewScoped
public class PortfolioPage implements Serializable {

  private static final long serialVersionUID = 1L;

  @EJB private PortfolioService portfolio;
  @Inject private Workspace workspace;

  private String firm;
  private List<Client> clients = List.of();

  /** One client's row; getters, so the table sorts by them. */
  public static final class Client implements Serializable {
    private static final long serialVersionUID = 1L;
    private final String slug;
    private final String name;
    private final ScoreView score;
    private final int overdue;
    private final List<ImpactView> gaps;

    Client(Portfolio.Client client) {
      this.slug = client.slug().value();
      this.name = client.name();
      this.score = ScoreView.of(client.standing().score());
      this.overdue = client.standing().overdueActions();
      this.gaps = client.standing().biggestGaps().stream().map(ImpactView::of).toList();
    }

    public String getSlug() {
      return slug;
    }

    public String getName() {
      return name;
    }

    public double getPercent() {
      return score.percent();
    }

    public double getAchieved() {
      return score.achieved();
    }

    public double getPossible() {
      return score.possible();
    }

    public int getOverdue() {
      return overdue;
    }

    public List<ImpactView> getGaps() {
      return gaps;
    }

    /** The open points of the biggest gaps together: what the gaps column sorts by. */
    public double getGapPoints() {
      return gaps.stream().mapToDouble(ImpactView::openPoints).sum();
    }
  }

  public void load() {
    // a list the table may sort in place
    clients =
        new ArrayList<>(
            portfolio.portfolio(workspace.user(), AccessControl.firmNamed(firm)).clients().stream()
                .map(Client::new)
                .toList());
  }

  public String getFirm() {
    return firm;
  }

  public void setFirm(String firm) {
    this.firm = firm;
  }

  public List<Client> getClients() {
    return clients;
  }
}

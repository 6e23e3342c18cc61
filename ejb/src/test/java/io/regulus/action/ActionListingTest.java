package io.regulus.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.regulus.problem.InvalidInputException;
import io.regulus.problem.Violation;
import io.regulus.scoring.ActionType;
import io.regulus.scoring.ImplementationStatus;
import io.regulus.scoring.ManagedBy;
import io.regulus.scoring.Score;
import io.regulus.scoring.TestStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The actions list: filters, passed hidden by default, sort, pages, counts and the filtered score.
 */
class ActionListingTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 11, 24);

  private static final List<ActionInstance> ALL = new ArrayList<>();
  private static final Map<Long, Score> CONTRIBUTIONS = new HashMap<>();

  static {
    for (int i = 1; i <= 30; i++) {
      boolean passed = i % 3 == 0;
      ALL.add(
          new ActionInstance(
              i,
              "action-" + i,
              "Action " + i,
              i % 2 == 0 ? ActionType.TECHNICAL : ActionType.DOCUMENTATION,
              i,
              i <= 10 ? "Control access" : "Manage compliance",
              null,
              ManagedBy.CUSTOMER,
              ActionOrigin.LIBRARY,
              TestingSource.MANUAL,
              null,
              null,
              null,
              passed ? ImplementationStatus.IMPLEMENTED : ImplementationStatus.NOT_IMPLEMENTED,
              null,
              passed ? TestStatus.PASSED : TestStatus.NONE,
              null,
              null,
              null,
              i <= 5 ? "u-bob" : null,
              i <= 5 ? "bob" : null,
              null,
              null,
              i == 1 ? TODAY.minusDays(2) : null,
              Priority.MEDIUM,
              false,
              null,
              List.of(i <= 20 ? "GDPR" : "HIPAA"),
              List.of(1L),
              List.of(1L),
              Instant.EPOCH,
              null,
              0,
              null));
      CONTRIBUTIONS.put((long) i, new Score(passed ? i : 0, i));
    }
  }

  @Test
  void passedActionsAreHiddenByDefaultButCountInTheScore() {
    ActionPage page =
        ActionListing.page(
            ALL, filter(null, null, null, false), null, 0, 50, null, CONTRIBUTIONS, TODAY);
    assertThat(page.total()).isEqualTo(20);
    assertThat(page.items()).noneMatch(ActionInstance::passed);
    // all 30 selected: possible 1 + ... + 30 = 465, achieved 3 + 6 + ... + 30 = 165
    assertThat(page.score()).isEqualTo(new Score(165, 465));
  }

  @Test
  void filtersSortPagesAndCounts() {
    ActionPage page =
        ActionListing.page(
            ALL,
            filter("GDPR", "Control access", null, true),
            "-points",
            1,
            4,
            "testStatus",
            CONTRIBUTIONS,
            TODAY);
    assertThat(page.total()).isEqualTo(10);
    assertThat(page.items()).extracting(ActionInstance::points).containsExactly(6, 5, 4, 3);
    assertThat(page.counts()).containsEntry("PASSED", 3L).containsEntry("NONE", 7L);
    assertThat(page.score()).isEqualTo(new Score(18, 55));

    ActionPage mine =
        ActionListing.page(
            ALL, filter(null, null, "u-bob", false), "title", 0, 50, null, CONTRIBUTIONS, TODAY);
    assertThat(mine.items())
        .extracting(ActionInstance::key)
        .containsExactly("action-1", "action-2", "action-4", "action-5");
    ActionFilter overdue =
        new ActionFilter(
            null, null, null, null, null, null, null, null, null, null, null, null, true, null,
            false);
    assertThat(ActionListing.page(ALL, overdue, null, 0, 50, null, CONTRIBUTIONS, TODAY).items())
        .extracting(ActionInstance::id)
        .containsExactly(1L);
  }

  @Test
  void aBadSortPageOrGroupByIsNamed() {
    InvalidInputException problem =
        catchThrowableOfType(
            () ->
                ActionListing.page(
                    ALL, ActionFilter.ALL, "colour", -1, 0, "mood", CONTRIBUTIONS, TODAY),
            InvalidInputException.class);
    assertThat(problem.violations())
        .extracting(Violation::field)
        .containsExactly("sort", "groupBy", "page", "size");
  }

  private static ActionFilter filter(
      String regulation, String category, String assignee, boolean includePassed) {
    return new ActionFilter(
        regulation,
        null,
        null,
        category,
        null,
        null,
        Set.of(),
        Set.of(),
        assignee,
        null,
        null,
        null,
        null,
        null,
        includePassed);
  }
}

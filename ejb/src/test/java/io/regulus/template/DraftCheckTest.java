package io.regulus.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.regulus.problem.InvalidInputException;
import io.regulus.problem.Violation;
import io.regulus.scoring.ActionType;
import io.regulus.scoring.ManagedBy;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The rules a private template version is checked against, every violation reported at once. */
class DraftCheckTest {

  private static final Set<String> LIBRARY = Set.of("mfa-for-administrators");

  @Test
  void aValidDraftGetsDerivedPointsFromItsStrongestControl() {
    DraftCheck.Checked checked =
        DraftCheck.check(
            draft(
                List.of(action("own-a", null), action("own-b", 42)),
                List.of(
                    control("C-1", true, "detective", "own-a"),
                    control("C-2", true, "preventative", "own-a", "own-b"),
                    control("C-3", false, "corrective", "mfa-for-administrators"))),
            LIBRARY,
            Set.of());
    assertThat(checked.actions()).extracting(DraftCheck.NewAction::points).containsExactly(27, 42);
    assertThat(checked.actions().get(0).type()).isEqualTo(ActionType.OPERATIONAL);
    assertThat(checked.controls())
        .extracting(DraftCheck.NewControl::position)
        .containsExactly(0, 1, 2);
  }

  @Test
  void everyBrokenRuleIsNamedWithItsField() {
    InvalidInputException problem =
        catchThrowableOfType(
            () ->
                DraftCheck.check(
                    draft(
                        List.of(
                            action("own-a", 0),
                            action("own-b", 100),
                            action("orphan", 5),
                            action("mfa-for-administrators", 5),
                            action("Bad Key", 5)),
                        List.of(
                            control("C-1", true, "preventative", "own-a", "own-b", "nowhere"),
                            control("C-1", true, "sideways", "own-a"))),
                    LIBRARY,
                    Set.of()),
            InvalidInputException.class);
    assertThat(problem.violations())
        .extracting(Violation::field)
        .contains(
            "actions[0].points",
            "actions[1].points",
            "actions[2]",
            "actions[3].key",
            "actions[4].key",
            "controls[0].actions[2]",
            "controls[1].id",
            "controls[1].nature");
    assertThat(rule(problem, "actions[2]")).contains("mapped to no control");
    assertThat(rule(problem, "actions[0].points")).contains("1 to 99");
  }

  @Test
  void nullEntriesAreReportedNotThrown() {
    InvalidInputException problem =
        catchThrowableOfType(
            () ->
                DraftCheck.check(
                    draft(
                        java.util.Arrays.asList(action("own-a", 5), null),
                        java.util.Arrays.asList(
                            control("C-1", true, "preventative", "own-a"),
                            null,
                            new TemplateDraft.Control(
                                "C-3",
                                "F",
                                "T",
                                "D",
                                true,
                                "detective",
                                java.util.Arrays.asList("own-a", null)))),
                    LIBRARY,
                    Set.of()),
            InvalidInputException.class);
    assertThat(problem.violations())
        .extracting(Violation::field)
        .containsExactly("actions[1]", "controls[1]", "controls[2].actions[1]");
  }

  @Test
  void anActionIsTheCustomersUnlessItSaysTheProviderManagesIt() {
    DraftCheck.Checked checked =
        DraftCheck.check(
            draft(
                List.of(
                    action("own-a", 5),
                    action("own-b", 5, "provider"),
                    action("own-c", 5, "Customer")),
                List.of(control("C-1", true, "preventative", "own-a", "own-b", "own-c"))),
            LIBRARY,
            Set.of());
    assertThat(checked.actions())
        .extracting(DraftCheck.NewAction::managedBy)
        .containsExactly(ManagedBy.CUSTOMER, ManagedBy.PROVIDER, ManagedBy.CUSTOMER);
    InvalidInputException problem =
        catchThrowableOfType(
            () ->
                DraftCheck.check(
                    draft(
                        List.of(action("own-a", 5, "microsoft")),
                        List.of(control("C-1", true, "preventative", "own-a"))),
                    LIBRARY,
                    Set.of()),
            InvalidInputException.class);
    assertThat(rule(problem, "actions[0].managedBy")).contains("customer, provider", "microsoft");
  }

  @Test
  void anExtensionCannotReuseTheGlobalTemplatesControlIds() {
    InvalidInputException problem =
        catchThrowableOfType(
            () ->
                DraftCheck.check(
                    draft(
                        List.of(),
                        List.of(control("Art.32", true, "preventative", "mfa-for-administrators"))),
                    LIBRARY,
                    Set.of("Art.32")),
            InvalidInputException.class);
    assertThat(problem.violations()).extracting(Violation::field).containsExactly("controls[0].id");
  }

  @Test
  void aVersionHasControlsAndEachControlActions() {
    InvalidInputException problem =
        catchThrowableOfType(
            () -> DraftCheck.check(draft(List.of(), List.of()), LIBRARY, Set.of()),
            InvalidInputException.class);
    assertThat(problem.violations()).extracting(Violation::field).containsExactly("controls");
    problem =
        catchThrowableOfType(
            () ->
                DraftCheck.check(
                    draft(List.of(), List.of(control("C", true, "detective"))), LIBRARY, Set.of()),
            InvalidInputException.class);
    assertThat(problem.violations())
        .extracting(Violation::field)
        .containsExactly("controls[0].actions");
  }

  @Test
  void aNewTemplatesHeaderIsCheckedWithItsContentAndTheCallersFindingsAllAtOnce() {
    InvalidInputException problem =
        catchThrowableOfType(
            () ->
                DraftCheck.checkNew(
                    new TemplateDraft(
                        "Bad Key",
                        " ",
                        null,
                        null,
                        null,
                        List.of(action("own-a", 0)),
                        List.of(control("C-1", true, "preventative", "own-a"))),
                    List.of(new Violation("key", "a template key is lower-case words")),
                    LIBRARY,
                    Set.of()),
            InvalidInputException.class);
    assertThat(problem.violations())
        .extracting(Violation::field)
        .containsExactly("key", "title", "regulation", "actions[0].points");
    assertThat(rule(problem, "title")).isEqualTo("required, and not blank");
  }

  @Test
  void aNextVersionIsCheckedWithoutAHeader() {
    DraftCheck.Checked checked =
        DraftCheck.check(
            new TemplateDraft(
                "own",
                null,
                null,
                null,
                null,
                List.of(),
                List.of(control("C-1", true, "detective", "mfa-for-administrators"))),
            LIBRARY,
            Set.of());
    assertThat(checked.controls()).hasSize(1);
  }

  private static String rule(InvalidInputException problem, String field) {
    return problem.violations().stream()
        .filter(v -> v.field().equals(field))
        .findFirst()
        .orElseThrow()
        .rule();
  }

  private static TemplateDraft draft(
      List<TemplateDraft.Action> actions, List<TemplateDraft.Control> controls) {
    return new TemplateDraft("own", "Own", "Own rules", null, null, actions, controls);
  }

  @Test
  void aNewVersionMayWriteAgainOnlyTheActionsItsTemplateOwnsAndKeepsTheirInstances() {
    ActionContent owned =
        new ActionContent(
            "own-a",
            "Do own-a",
            "Why",
            null,
            ActionType.OPERATIONAL,
            5,
            "Policy",
            null,
            ManagedBy.CUSTOMER);
    java.util.Map<String, ActionContent> owns = java.util.Map.of("own-a", owned);
    Set<String> known = Set.of("own-a", "mfa-for-administrators", "someone-elses");
    DraftCheck.Checked checked =
        DraftCheck.checkVersion(
            draft(List.of(action("own-a", 8)), List.of(control("C-1", true, "detective", "own-a"))),
            known,
            owns,
            Set.of());
    assertThat(checked.actions())
        .singleElement()
        .satisfies(
            action -> {
              assertThat(action.revision()).isTrue();
              assertThat(action.points()).isEqualTo(8);
            });

    InvalidInputException problem =
        catchThrowableOfType(
            () ->
                DraftCheck.checkVersion(
                    draft(
                        List.of(
                            new TemplateDraft.Action(
                                "own-a",
                                "Do",
                                "Why",
                                null,
                                "technical",
                                5,
                                "Policy",
                                null,
                                "provider"),
                            action("someone-elses", 3)),
                        List.of(control("C-1", true, "detective", "own-a", "someone-elses"))),
                    known,
                    owns,
                    Set.of()),
            InvalidInputException.class);
    assertThat(problem.violations())
        .extracting(Violation::field)
        .containsExactlyInAnyOrder("actions[0].type", "actions[0].managedBy", "actions[1].key");
  }

  private static TemplateDraft.Action action(String key, Integer points) {
    return action(key, points, null);
  }

  private static TemplateDraft.Action action(String key, Integer points, String managedBy) {
    return new TemplateDraft.Action(
        key,
        "Do " + key,
        "Why " + key,
        null,
        "operational",
        points,
        "Manage compliance",
        null,
        managedBy);
  }

  private static TemplateDraft.Control control(
      String id, boolean mandatory, String nature, String... actions) {
    return new TemplateDraft.Control(
        id, "Family", "Control " + id, "Requirement " + id, mandatory, nature, List.of(actions));
  }
}

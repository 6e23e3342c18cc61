package io.regulus.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.regulus.problem.InvalidInputException;
import io.regulus.problem.Violation;
import io.regulus.scoring.ActionType;
import io.regulus.scoring.ManagedBy;
import io.regulus.template.exchange.ActionKeys;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The rules a private template version is checked against, every violation reported at once. */
class DraftCheckTest {

  private static final String TENANT = ActionKeys.TENANT;
  private static final Set<String> LIBRARY = Set.of("mfa-for-administrators");

  @Test
  void aValidDraftGetsDerivedPointsFromItsStrongestControl() {
    DraftCheck.Checked checked =
        DraftCheck.check(
            TENANT,
            draft(
                List.of(action("tenant:own-a", null), action("tenant:own-b", 42)),
                List.of(
                    control("C-1", true, "detective", "tenant:own-a"),
                    control("C-2", true, "preventative", "tenant:own-a", "tenant:own-b"),
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
                    TENANT,
                    draft(
                        List.of(
                            action("tenant:own-a", 0),
                            action("tenant:own-b", 100),
                            action("tenant:orphan", 5),
                            action("mfa-for-administrators", 5),
                            action("Bad Key", 5)),
                        List.of(
                            control(
                                "C-1",
                                true,
                                "preventative",
                                "tenant:own-a",
                                "tenant:own-b",
                                "tenant:nowhere"),
                            control("C-1", true, "sideways", "tenant:own-a"))),
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
                    TENANT,
                    draft(
                        java.util.Arrays.asList(action("tenant:own-a", 5), null),
                        java.util.Arrays.asList(
                            control("C-1", true, "preventative", "tenant:own-a"),
                            null,
                            new TemplateDraft.Control(
                                "C-3",
                                "F",
                                "T",
                                "D",
                                true,
                                "detective",
                                java.util.Arrays.asList("tenant:own-a", null)))),
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
            TENANT,
            draft(
                List.of(
                    action("tenant:own-a", 5),
                    action("tenant:own-b", 5, "provider"),
                    action("tenant:own-c", 5, "Customer")),
                List.of(
                    control(
                        "C-1",
                        true,
                        "preventative",
                        "tenant:own-a",
                        "tenant:own-b",
                        "tenant:own-c"))),
            LIBRARY,
            Set.of());
    assertThat(checked.actions())
        .extracting(DraftCheck.NewAction::managedBy)
        .containsExactly(ManagedBy.CUSTOMER, ManagedBy.PROVIDER, ManagedBy.CUSTOMER);
    InvalidInputException problem =
        catchThrowableOfType(
            () ->
                DraftCheck.check(
                    TENANT,
                    draft(
                        List.of(action("tenant:own-a", 5, "microsoft")),
                        List.of(control("C-1", true, "preventative", "tenant:own-a"))),
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
                    TENANT,
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
            () -> DraftCheck.check(TENANT, draft(List.of(), List.of()), LIBRARY, Set.of()),
            InvalidInputException.class);
    assertThat(problem.violations()).extracting(Violation::field).containsExactly("controls");
    problem =
        catchThrowableOfType(
            () ->
                DraftCheck.check(
                    TENANT,
                    draft(List.of(), List.of(control("C", true, "detective"))),
                    LIBRARY,
                    Set.of()),
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
                    TENANT,
                    new TemplateDraft(
                        "Bad Key",
                        " ",
                        null,
                        null,
                        null,
                        List.of(action("tenant:own-a", 0)),
                        List.of(control("C-1", true, "preventative", "tenant:own-a"))),
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
            TENANT,
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

  @Test
  void aTenantDeclaresItsOwnActionsInItsNamespaceAndAPlainKeyNamesTheLibrarys() {
    InvalidInputException problem =
        catchThrowableOfType(
            () ->
                DraftCheck.check(
                    TENANT,
                    draft(
                        List.of(
                            action("vendor-review", 5),
                            action("mfa-for-administrators", 5),
                            action("firm:own-d", 5)),
                        List.of(
                            control(
                                "C-1",
                                true,
                                "preventative",
                                "vendor-review",
                                "mfa-for-administrators",
                                "firm:own-d",
                                "access-reviews",
                                "tenant:missing"))),
                    LIBRARY,
                    Set.of()),
            InvalidInputException.class);
    assertThat(problem.violations())
        .extracting(Violation::field)
        .containsExactly(
            "actions[0].key",
            "actions[1].key",
            "actions[2].key",
            "controls[0].actions[3]",
            "controls[0].actions[4]");
    assertThat(rule(problem, "actions[0].key"))
        .isEqualTo(
            "'vendor-review' is a plain key: your own actions' keys start with 'tenant:'"
                + " (tenant:vendor-review), so that a new library version can never take them;"
                + " a plain key names a library action");
    assertThat(rule(problem, "actions[1].key"))
        .contains("the library has 'mfa-for-administrators': map it from a control's actions");
    assertThat(rule(problem, "actions[2].key")).contains("(tenant:own-d)");
    assertThat(rule(problem, "controls[0].actions[3]"))
        .contains("the library has no action 'access-reviews'", "'tenant:access-reviews'");
    assertThat(rule(problem, "controls[0].actions[4]"))
        .contains("no action 'tenant:missing' in this template, this tenant or the library");

    DraftCheck.Checked checked =
        DraftCheck.check(
            TENANT,
            draft(
                List.of(action("tenant:vendor-review", 5)),
                List.of(
                    control(
                        "C-1",
                        true,
                        "preventative",
                        "tenant:vendor-review",
                        "mfa-for-administrators"))),
            LIBRARY,
            Set.of());
    assertThat(checked.controls().get(0).actions())
        .containsExactly("tenant:vendor-review", "mfa-for-administrators");
  }

  @Test
  void theLibrarysOwnActionsHavePlainKeysWithinTheLengthOfAWholeKey() {
    InvalidInputException problem =
        catchThrowableOfType(
            () ->
                DraftCheck.check(
                    "",
                    draft(
                        List.of(action("tenant:own-a", 5), action("x".repeat(81), 5)),
                        List.of(
                            control("C-1", true, "preventative", "tenant:own-a", "x".repeat(81)))),
                    LIBRARY,
                    Set.of()),
            InvalidInputException.class);
    assertThat(rule(problem, "actions[0].key")).contains("a plain name", "write 'own-a'");
    assertThat(rule(problem, "actions[1].key")).contains("at most 80 characters");
    assertThat(
            DraftCheck.check(
                    "",
                    draft(
                        List.of(action("own-a", 5)),
                        List.of(control("C-1", true, "preventative", "own-a"))),
                    LIBRARY,
                    Set.of())
                .actions())
        .extracting(DraftCheck.NewAction::key)
        .containsExactly("own-a");
  }

  private static String rule(InvalidInputException problem, String field) {
    return problem.violations().stream()
        .filter(v -> v.field().equals(field))
        .findFirst()
        .orElseThrow()
        .rule();
  }

  @Test
  void anAutomaticActionTakesAWellFormedRuleAndAnyOtherActionNone() {
    io.regulus.signal.RuleDefinition rule =
        new io.regulus.signal.RuleDefinition(
            "acme.backups.verified", "value == true", null, null, "high");
    DraftCheck.Checked checked =
        DraftCheck.check(
            TENANT,
            draft(
                List.of(
                    tested("tenant:auto", "automatic", rule), tested("tenant:plain", null, null)),
                List.of(control("C-1", true, "preventative", "tenant:auto", "tenant:plain"))),
            Set.of(),
            Set.of());
    assertThat(checked.actions().get(0).testingSource()).isEqualTo("AUTOMATIC");
    assertThat(checked.actions().get(0).test().risk()).isEqualTo("HIGH");
    assertThat(checked.actions().get(0).test().freshness()).isEqualTo("P7D");
    assertThat(checked.actions().get(1).testingSource()).isEqualTo("MANUAL");
    assertThat(checked.actions().get(1).test()).isNull();

    InvalidInputException problem =
        catchThrowableOfType(
            () ->
                DraftCheck.check(
                    TENANT,
                    draft(
                        List.of(
                            tested("tenant:manual", "manual", rule),
                            tested("tenant:parent", "parent", null),
                            tested(
                                "tenant:bad",
                                "automatic",
                                new io.regulus.signal.RuleDefinition(
                                    "backups", "value == true", null, "P1Y", "HIGH"))),
                        List.of(
                            control(
                                "C-1",
                                true,
                                "preventative",
                                "tenant:manual",
                                "tenant:parent",
                                "tenant:bad"))),
                    Set.of(),
                    Set.of()),
            InvalidInputException.class);
    assertThat(problem.violations())
        .extracting(Violation::field)
        .containsExactly(
            "actions[0].test",
            "actions[1].testingSource",
            "actions[2].test.signal",
            "actions[2].test.freshness");
  }

  @Test
  void aNewVersionKeepsAnActionsTestingSourceAndMayChangeItsRule() {
    ActionContent owned =
        new ActionContent(
            "tenant:auto",
            "Check",
            "Why",
            null,
            ActionType.TECHNICAL,
            9,
            "Infrastructure cloud",
            null,
            ManagedBy.CUSTOMER,
            "AUTOMATIC",
            "{\"signal\":\"a.b\",\"expect\":\"value\",\"atLeast\":1,\"freshness\":\"P7D\",\"risk\":\"LOW\"}");
    io.regulus.signal.RuleDefinition stricter =
        new io.regulus.signal.RuleDefinition("a.b", "value", null, "P1D", "HIGH");
    DraftCheck.Checked checked =
        DraftCheck.checkVersion(
            TENANT,
            draft(
                List.of(tested("tenant:auto", null, stricter)),
                List.of(control("C-1", true, "preventative", "tenant:auto"))),
            Set.of("tenant:auto"),
            java.util.Map.of("tenant:auto", owned),
            Set.of());
    assertThat(checked.actions().get(0).testingSource()).isEqualTo("AUTOMATIC");
    assertThat(checked.actions().get(0).test().freshness()).isEqualTo("P1D");

    InvalidInputException problem =
        catchThrowableOfType(
            () ->
                DraftCheck.checkVersion(
                    TENANT,
                    draft(
                        List.of(tested("tenant:auto", "manual", null)),
                        List.of(control("C-1", true, "preventative", "tenant:auto"))),
                    Set.of("tenant:auto"),
                    java.util.Map.of("tenant:auto", owned),
                    Set.of()),
            InvalidInputException.class);
    assertThat(problem.violations())
        .extracting(Violation::field)
        .containsExactly("actions[0].testingSource");
  }

  private static TemplateDraft.Action tested(
      String key, String testingSource, io.regulus.signal.RuleDefinition test) {
    return new TemplateDraft.Action(
        key,
        "Check " + key,
        "Why " + key,
        null,
        "technical",
        9,
        "Infrastructure cloud",
        null,
        null,
        testingSource,
        test);
  }

  private static TemplateDraft draft(
      List<TemplateDraft.Action> actions, List<TemplateDraft.Control> controls) {
    return new TemplateDraft("own", "Own", "Own rules", null, null, actions, controls);
  }

  @Test
  void aNewVersionMayWriteAgainOnlyTheActionsItsTemplateOwnsAndKeepsTheirInstances() {
    ActionContent owned =
        new ActionContent(
            "tenant:own-a",
            "Do own-a",
            "Why",
            null,
            ActionType.OPERATIONAL,
            5,
            "Policy",
            null,
            ManagedBy.CUSTOMER,
            "MANUAL",
            null);
    java.util.Map<String, ActionContent> owns = java.util.Map.of("tenant:own-a", owned);
    Set<String> known = Set.of("tenant:own-a", "mfa-for-administrators", "tenant:someone-elses");
    DraftCheck.Checked checked =
        DraftCheck.checkVersion(
            TENANT,
            draft(
                List.of(action("tenant:own-a", 8)),
                List.of(control("C-1", true, "detective", "tenant:own-a"))),
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
                    TENANT,
                    draft(
                        List.of(
                            new TemplateDraft.Action(
                                "tenant:own-a",
                                "Do",
                                "Why",
                                null,
                                "technical",
                                5,
                                "Policy",
                                null,
                                "provider",
                                null,
                                null),
                            action("tenant:someone-elses", 3)),
                        List.of(
                            control(
                                "C-1", true, "detective", "tenant:own-a", "tenant:someone-elses"))),
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
        managedBy,
        null,
        null);
  }

  private static TemplateDraft.Control control(
      String id, boolean mandatory, String nature, String... actions) {
    return new TemplateDraft.Control(
        id, "Family", "Control " + id, "Requirement " + id, mandatory, nature, List.of(actions));
  }
}

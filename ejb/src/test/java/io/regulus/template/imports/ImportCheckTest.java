package io.regulus.template.imports;

import static org.assertj.core.api.Assertions.assertThat;

import io.regulus.template.exchange.ExchangeAction;
import io.regulus.template.exchange.ExchangeControl;
import io.regulus.template.exchange.ImportProblem;
import io.regulus.template.exchange.TemplateHeader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What every format's items must satisfy before anything is staged, reported all at once. */
class ImportCheckTest {

  private final List<Object> passed = new ArrayList<>();
  private final ImportCheck check = new ImportCheck(passed::add);

  private static ExchangeAction action(String key, String type, Integer points) {
    return new ExchangeAction(
        key,
        "Title of " + key,
        type,
        points,
        null,
        "Do it",
        "Manage compliance",
        null,
        "CUSTOMER",
        Map.of());
  }

  private static ExchangeControl control(String id, String nature, String... actions) {
    return new ExchangeControl(id, "Family", "Title " + id, "Text", true, nature, List.of(actions));
  }

  @Test
  void everyFaultIsReportedAndOnlySoundItemsPassOn() {
    check.header(new TemplateHeader("T", "R", null, Map.of(), List.of()));
    check.action(action("a-one", "TECHNICAL", 5));
    check.action(action("a-one", "TECHNICAL", 5));
    check.action(action("Bad Key", "TECHNICAL", 5));
    check.action(action("a-two", "MAGIC", 100));
    check.control(control("C-1", "PREVENTATIVE", "a-one", "nowhere", "known"));
    check.control(control("C-1", "SIDEWAYS", "a-one"));
    check.finish(check.undefinedReferences(), Set.of("known"));

    assertThat(check.problems())
        .extracting(ImportProblem::column)
        .containsExactlyInAnyOrder("key", "key", "type", "points", "id", "nature", "actions");
    assertThat(check.problems())
        .filteredOn(p -> "actions".equals(p.column()))
        .extracting(ImportProblem::value)
        .containsExactly("nowhere");
    assertThat(check.problemCount()).isEqualTo(7);
    assertThat(passed).hasSize(3);
    assertThat(check.items()).isEqualTo(6);
  }

  @Test
  void aFileWithoutControlsOrTitleIsRefused() {
    check.action(action("a-one", "TECHNICAL", null));
    check.finish(check.undefinedReferences(), Set.of());
    assertThat(check.problems())
        .extracting(ImportProblem::reason)
        .anyMatch(reason -> reason.contains("names no template title"))
        .anyMatch(reason -> reason.contains("no control"));
  }

  @Test
  void onlyTheFirstThousandProblemsAreKeptButAllAreCounted() {
    for (int i = 0; i < 1500; i++) {
      check.problem(ImportProblem.ofFile("fault " + i));
    }
    assertThat(check.problems()).hasSize(ImportCheck.KEPT);
    assertThat(check.problemCount()).isEqualTo(1500);
  }

  @Test
  void aTenantsOwnKeysPassAndAnUnknownReferenceSaysWhoseActionItNames() {
    check.header(new TemplateHeader("T", "R", null, Map.of(), List.of()));
    check.action(action("tenant:vendor-review", "TECHNICAL", 5));
    check.action(action("tenant:" + "x".repeat(80), "TECHNICAL", 5));
    check.control(
        control("C-1", "PREVENTATIVE", "tenant:vendor-review", "tenant:gone", "access-review"));
    check.finish(check.undefinedReferences(), Set.of());
    assertThat(passed).hasSize(3);
    assertThat(check.problems())
        .extracting(ImportProblem::value, ImportProblem::reason)
        .anySatisfy(
            p -> assertThat(p.toList()).element(1).asString().contains("at most 80 characters"))
        .anySatisfy(
            p ->
                assertThat(p.toList())
                    .containsExactly(
                        "tenant:gone",
                        "names an action the file does not define and no action of yours has:"
                            + " add it, or correct the name"))
        .anySatisfy(
            p ->
                assertThat(p.toList().get(1).toString())
                    .contains("the library does not have (a plain key names a library action;"));
  }
}

package io.regulus.template.exchange;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * A template version of any size, made as it is gone through (nothing held): {@code actions}
 * actions and one control per five of them, each mapping its five.
 */
final class BigWorkbookContent {

  private BigWorkbookContent() {}

  static TemplateContent of(int actions, String description) {
    Iterable<ExchangeAction> actionRows =
        () ->
            IntStream.range(0, actions)
                .mapToObj(
                    i ->
                        new ExchangeAction(
                            "action-" + i,
                            "Action " + i,
                            i % 3 == 0 ? "TECHNICAL" : "OPERATIONAL",
                            1 + i % 99,
                            "How " + i,
                            description + i,
                            "Category " + i % 7,
                            null,
                            "CUSTOMER",
                            Map.of("Action Purpose", i % 2 == 0 ? "Preventative" : "Detective")))
                .iterator();
    Iterable<ExchangeControl> controlRows =
        () ->
            IntStream.range(0, actions / 5)
                .mapToObj(
                    c ->
                        new ExchangeControl(
                            "C-" + c,
                            "Family " + c % 20,
                            "Control " + c,
                            "What control " + c + " asks for.",
                            true,
                            "PREVENTATIVE",
                            IntStream.range(5 * c, 5 * c + 5)
                                .mapToObj(i -> "action-" + i)
                                .toList()))
                .iterator();
    return new TemplateContent(
        "big",
        "1",
        new TemplateHeader("Big template", "Big", null, Map.of(), List.of()),
        actionRows,
        controlRows);
  }
}

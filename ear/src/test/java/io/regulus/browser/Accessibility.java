package io.regulus.browser;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.openqa.selenium.WebDriver;

/**
 * The accessibility check of a page: axe-core's rules for WCAG 2.0 and 2.1, levels A and AA, run on
 * the page as the browser shows it. A violation of impact serious or critical fails the test, each
 * listed with its rule, impact, help text and the elements it was found on; moderate and minor ones
 * are printed, not failed.
 */
final class Accessibility {

  static final List<String> TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");
  static final Set<String> FAILING = Set.of("serious", "critical");

  private Accessibility() {}

  static void check(WebDriver driver, String pageName) {
    Results results = new AxeBuilder().withTags(TAGS).analyze(driver);
    if (results.isErrored()) {
      throw new AssertionError(
          "axe-core could not check page " + pageName + ": " + results.getErrorMessage());
    }
    List<Rule> failing =
        results.getViolations().stream().filter(r -> FAILING.contains(r.getImpact())).toList();
    results.getViolations().stream()
        .filter(r -> !FAILING.contains(r.getImpact()))
        .forEach(r -> System.out.println("[axe] " + pageName + ": " + describe(r)));
    if (!failing.isEmpty()) {
      throw new AssertionError(
          failing.size()
              + " serious or critical accessibility violation(s) on page "
              + pageName
              + " ("
              + results.getUrl()
              + "):\n"
              + failing.stream().map(Accessibility::describe).collect(Collectors.joining("\n")));
    }
  }

  /** "color-contrast (serious): Elements must meet minimum ... at: #a, .b > span". */
  private static String describe(Rule rule) {
    return "- "
        + rule.getId()
        + " ("
        + rule.getImpact()
        + "): "
        + rule.getHelp()
        + " at: "
        + rule.getNodes().stream()
            .map(CheckedNode::getTarget)
            .map(String::valueOf)
            .collect(Collectors.joining(", "));
  }
}

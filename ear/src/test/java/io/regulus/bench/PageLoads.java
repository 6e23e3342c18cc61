package io.regulus.bench;

import io.regulus.browser.Ui;
import java.util.ArrayList;
import java.util.List;

/**
 * Page loads in the signed-in browser, timed by the browser itself (Navigation Timing, from the
 * start of the navigation): the first byte of the answer ({@code responseStart}: the server's
 * share, with the network's), DOMContentLoaded ({@code domContentLoadedEventEnd}), load ({@code
 * loadEventEnd}) and usable, which is load or, when PrimeFaces sent ajax requests that were still
 * running then, the end of the last of them: the helpers wait until PrimeFaces' queue is empty and
 * jQuery has no request open, then read the end of every XHR and fetch the page made.
 *
 * @param firstByte nanoseconds per load, in load order (so are the others)
 */
record PageLoads(
    List<Long> firstByte, List<Long> domContentLoaded, List<Long> load, List<Long> usable) {

  private static final String TIMING =
      "const nav = performance.getEntriesByType('navigation')[0];"
          + " const ajax = performance.getEntriesByType('resource')"
          + "   .filter(r => r.initiatorType === 'xmlhttprequest' || r.initiatorType === 'fetch')"
          + "   .map(r => r.responseEnd);"
          + " return [nav.responseStart, nav.domContentLoadedEventEnd, nav.loadEventEnd,"
          + "   Math.max(nav.loadEventEnd, ...ajax)];";

  /**
   * Loads {@code path} {@code times} times in a row; fails when the browser lands anywhere else (a
   * sign-in page, an error page's address).
   */
  static PageLoads time(Ui ui, String path, int times) {
    List<Long> firstByte = new ArrayList<>(times);
    List<Long> dcl = new ArrayList<>(times);
    List<Long> load = new ArrayList<>(times);
    List<Long> usable = new ArrayList<>(times);
    for (int i = 0; i < times; i++) {
      ui.open(path);
      if (!ui.url().endsWith(path)) {
        throw new IllegalStateException("opening " + path + " landed on " + ui.url());
      }
      @SuppressWarnings("unchecked")
      List<Number> ms = (List<Number>) ui.driver().executeScript(TIMING);
      firstByte.add(nanos(ms.get(0)));
      dcl.add(nanos(ms.get(1)));
      load.add(nanos(ms.get(2)));
      usable.add(nanos(ms.get(3)));
    }
    return new PageLoads(firstByte, dcl, load, usable);
  }

  private static long nanos(Number ms) {
    return Math.round(ms.doubleValue() * 1_000_000);
  }
}

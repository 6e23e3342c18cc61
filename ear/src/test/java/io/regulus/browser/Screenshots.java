package io.regulus.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * PNGs of the page as the browser shows it, the whole height of the page, at desktop width (1,280
 * CSS pixels) and at a phone's (390), under {@code ear/target/screenshots} (system property {@code
 * regulus.screenshot-dir}, set by the build). The width is the viewport's, set through the DevTools
 * protocol (device metrics, not touch emulation), so the page lays itself out as at that width; it
 * is reset afterwards.
 */
final class Screenshots {

  static final int DESKTOP = Chromium.WINDOW.width;
  static final int PHONE = 390;

  /** Taller pages are cut here: a screenshot is for looking at, not for scrolling forever. */
  static final int MAX_HEIGHT = 8000;

  private Screenshots() {}

  static List<Path> save(ChromeDriver driver, String pageName) {
    Path dir = Path.of(System.getProperty("regulus.screenshot-dir", "target/screenshots"));
    try {
      Files.createDirectories(dir);
      return List.of(
          capture(driver, DESKTOP, dir.resolve(pageName + "-desktop.png")),
          capture(driver, PHONE, dir.resolve(pageName + "-phone.png")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
      settle(driver);
    }
  }

  private static Path capture(ChromeDriver driver, int width, Path file) throws IOException {
    driver.executeCdpCommand(
        "Emulation.setDeviceMetricsOverride",
        Map.of(
            "width",
            width,
            "height",
            Chromium.WINDOW.height,
            "deviceScaleFactor",
            1,
            "mobile",
            false));
    settle(driver);
    long height =
        ((Number)
                driver.executeScript(
                    "return Math.ceil(Math.max(document.documentElement.scrollHeight,"
                        + " document.body ? document.body.scrollHeight : 0));"))
            .longValue();
    Map<String, Object> shot =
        driver.executeCdpCommand(
            "Page.captureScreenshot",
            Map.of(
                "format",
                "png",
                "captureBeyondViewport",
                true,
                "clip",
                Map.of(
                    "x",
                    0,
                    "y",
                    0,
                    "width",
                    width,
                    "height",
                    Math.min(Math.max(height, 1), MAX_HEIGHT),
                    "scale",
                    1)));
    Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
    return file;
  }

  /** Two animation frames: the page has laid itself out again at the new size. */
  private static void settle(ChromeDriver driver) {
    driver.executeAsyncScript(
        "const done = arguments[arguments.length - 1];"
            + " requestAnimationFrame(() => requestAnimationFrame(() => done(true)));");
  }
}

package io.regulus.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * The one headless Chromium of a test JVM (Debian's {@code chromium}, driven by its {@code
 * chromedriver}; the build installs both when missing, ear/src/test/browser/install-chromium.sh).
 * Started on first use and quit when the JVM ends, so a test run pays its start-up once. Users do
 * not share state through it: {@link #forget} clears every cookie and the storage of the given
 * origins before each sign-in, which is much faster than a browser per user and as clean, since
 * Liberty and Keycloak keep the whole session in cookies (both on 127.0.0.1, where cookies ignore
 * the port) and the pages keep nothing else.
 *
 * <p>No wait is implicit: pages load within {@link #PAGE_LOAD}, scripts (axe-core among them) run
 * within {@link #SCRIPT}, and the helpers wait explicitly for what they need, so a stuck page fails
 * its test instead of stalling the suite.
 */
public final class Chromium {

  /** The desktop window; {@link Screenshots} also draws the phone width. */
  public static final Dimension WINDOW = new Dimension(1280, 900);

  static final Duration PAGE_LOAD = Duration.ofSeconds(30);
  static final Duration SCRIPT = Duration.ofSeconds(30);

  /**
   * Headless, and quiet on a machine without network: no sync, no component updates, no first-run
   * pages; {@code --no-sandbox} because the tests run as root; {@code /dev/shm} is small in
   * containers.
   */
  static final List<String> FLAGS =
      List.of(
          "--headless=new",
          "--no-sandbox",
          "--disable-gpu",
          "--disable-dev-shm-usage",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
          "--no-first-run",
          "--window-size=" + WINDOW.width + "," + WINDOW.height);

  /**
   * Selenium's DevTools bindings (selenium-devtools-vNNN) are left out: the helpers send the few
   * DevTools commands they need through chromedriver, which works with any Chromium version, so the
   * warning that no binding matches this version is noise. Held here: JUL forgets unreferenced
   * loggers and their levels.
   */
  private static final Logger DEVTOOLS = Logger.getLogger("org.openqa.selenium.devtools");

  private static ChromeDriver driver;
  private static boolean quitAtExit;

  private Chromium() {}

  /** The browser, started on first use. */
  public static synchronized ChromeDriver driver() {
    if (driver == null) {
      driver = start();
      if (!quitAtExit) {
        Runtime.getRuntime().addShutdownHook(new Thread(Chromium::quit, "chromium-quit"));
        quitAtExit = true;
      }
    }
    return driver;
  }

  /** Quits the browser now (a benchmark's end); the next {@link #driver} starts another. */
  public static synchronized void quit() {
    if (driver != null) {
      driver.quit();
      driver = null;
    }
  }

  /**
   * Forgets every user: all cookies of the browser, the local storage, IndexedDB, caches and
   * service workers of the given origins, and the session storage (a new tab in place of the old
   * one). The HTTP cache stays (a returning visitor's, not a new one's).
   */
  public static void forget(String... origins) {
    ChromeDriver browser = driver();
    String old = browser.getWindowHandle();
    browser.switchTo().newWindow(WindowType.TAB);
    String fresh = browser.getWindowHandle();
    browser.switchTo().window(old).close();
    browser.switchTo().window(fresh);
    browser.executeCdpCommand("Network.clearBrowserCookies", Map.of());
    for (String origin : origins) {
      browser.executeCdpCommand(
          "Storage.clearDataForOrigin",
          Map.of(
              "origin",
              origin,
              "storageTypes",
              "local_storage,indexeddb,service_workers,cache_storage"));
    }
  }

  private static ChromeDriver start() {
    DEVTOOLS.setLevel(Level.SEVERE);
    ChromeOptions options = new ChromeOptions();
    options.setBinary(executable("chromium").toFile());
    options.addArguments(FLAGS);
    // the console's errors (a script failing, a resource the Content-Security-Policy blocked), for
    // Ui
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.SEVERE);
    options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(executable("chromedriver").toFile())
            .usingAnyFreePort()
            .build();
    ChromeDriver started = new ChromeDriver(service, options);
    started.manage().timeouts().implicitlyWait(Duration.ZERO);
    started.manage().timeouts().pageLoadTimeout(PAGE_LOAD);
    started.manage().timeouts().scriptTimeout(SCRIPT);
    started.manage().window().setSize(WINDOW);
    return started;
  }

  /**
   * A program on the PATH, named explicitly so Selenium never looks for (or downloads) a driver of
   * its own.
   */
  private static Path executable(String name) {
    Optional<Path> found =
        Arrays.stream(System.getenv().getOrDefault("PATH", "").split(":"))
            .map(dir -> Path.of(dir, name))
            .filter(Files::isExecutable)
            .findFirst();
    return found.orElseThrow(
        () ->
            new IllegalStateException(
                name
                    + " is not on the PATH. The browser tests need Debian's chromium and"
                    + " chromium-driver: ./mvnw verify installs them when it may"
                    + " (ear/src/test/browser/install-chromium.sh), or as root:"
                    + " apt-get install -y chromium chromium-driver"));
  }
}

package io.regulus.browser;

import io.regulus.it.Api;
import io.regulus.it.KeycloakClient;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One user's view of the UI in the test JVM's {@link Chromium}: signed in through Keycloak's own
 * login page, then pages opened, read and clicked by CSS selector ({@code "#id"} for an id), each
 * step waiting until the page is ready: the document loaded, no PrimeFaces ajax request queued and
 * no jQuery request open. A new {@code Ui} forgets the previous user, so hold one at a time.
 *
 * <pre>{@code
 * Ui alice = Ui.signIn("alice");
 * alice.open("/app/me");
 * assertThat(alice.text("#username")).isEqualTo("alice");
 * alice.accessibility("me").screenshots("me");
 * }</pre>
 */
public final class Ui {

  /** The page a sign-in starts from (and lands on) unless the test names another. */
  public static final String HOME = "/app/me";

  /** How long a page, a sign-in or an element may take before the test fails. */
  static final Duration WAIT = Duration.ofSeconds(20);

  /**
   * Document loaded; no PrimeFaces ajax queued (when the page has PrimeFaces); no jQuery request.
   */
  static final String READY =
      "return document.readyState === 'complete'"
          + " && !(window.PrimeFaces && PrimeFaces.ajax && PrimeFaces.ajax.Queue"
          + "      && !PrimeFaces.ajax.Queue.isEmpty())"
          + " && !(window.jQuery && jQuery.active > 0);";

  private final ChromeDriver driver;
  private final String appUrl;
  private final String keycloakUrl;

  private Ui(ChromeDriver driver, String appUrl, String keycloakUrl) {
    this.driver = driver;
    this.appUrl = appUrl;
    this.keycloakUrl = keycloakUrl;
  }

  /** Signs {@code username} in on the test stack, landing on {@link #HOME}. */
  public static Ui signIn(String username) {
    return signIn(username, HOME);
  }

  /** Signs {@code username} in on the test stack, starting from (and landing on) {@code path}. */
  public static Ui signIn(String username, String path) {
    return signIn(Api.BASE_URL, KeycloakClient.URL, username, path);
  }

  /**
   * Forgets whoever was signed in, opens {@code path} of the application at {@code appUrl}, which
   * sends the browser to Keycloak's login page at {@code keycloakUrl}; types {@code username} and
   * the demo password there and waits until Keycloak sends the browser back and the page is ready.
   */
  public static Ui signIn(String appUrl, String keycloakUrl, String username, String path) {
    Chromium.forget(appUrl, keycloakUrl);
    Ui ui = new Ui(Chromium.driver(), appUrl, keycloakUrl);
    ui.consoleErrors(); // the previous user's
    ui.driver.get(appUrl + path);
    ui.waitUntil(
        "Keycloak's login page after opening " + path,
        browser -> ui.onKeycloak() && ui.present("#kc-login"));
    ui.type("#username", username).type("#password", KeycloakClient.PASSWORD);
    ui.driver.findElement(By.id("kc-login")).click();
    // through Liberty's sign-in callback (/oidcclient/redirect/...) to the page first asked for
    ui.waitUntil(
        "back in the application after signing in as " + username,
        browser -> ui.url().startsWith(appUrl + "/") && !ui.url().contains("/oidcclient/"));
    return ui.waitUntilReady();
  }

  /** Opens {@code path} of the application and waits until the page is ready. */
  public Ui open(String path) {
    driver.get(appUrl + path);
    return waitUntilReady();
  }

  /** Waits until the document has loaded and neither PrimeFaces nor jQuery has a request open. */
  public Ui waitUntilReady() {
    waitUntil(
        "the page ready (loaded, no ajax pending)",
        browser -> (Boolean) driver.executeScript(READY));
    return this;
  }

  /** The visible text of the first element matching {@code css}, once there is one. */
  public String text(String css) {
    return element(css).getText();
  }

  /** The visible texts of every element matching {@code css}, in document order (none: empty). */
  public List<String> texts(String css) {
    return driver.findElements(By.cssSelector(css)).stream().map(WebElement::getText).toList();
  }

  /**
   * Waits until the texts of the elements matching {@code css} satisfy {@code condition}, read
   * again while an ajax update replaces the elements; the texts then.
   */
  public List<String> awaitTexts(String css, java.util.function.Predicate<List<String>> condition) {
    java.util.concurrent.atomic.AtomicReference<List<String>> seen =
        new java.util.concurrent.atomic.AtomicReference<>(List.of());
    waitUntil(
        "the texts of " + css + " as the test expects",
        browser -> {
          try {
            seen.set(texts(css));
            return condition.test(seen.get());
          } catch (org.openqa.selenium.StaleElementReferenceException e) {
            return false;
          }
        });
    return seen.get();
  }

  /** Whether the page holds an element matching {@code css} now. */
  public boolean present(String css) {
    return !driver.findElements(By.cssSelector(css)).isEmpty();
  }

  /**
   * Clicks the element matching {@code css} once it can be clicked, then waits for the ajax it
   * started. For a click that loads another page, {@link #clickToLoad}.
   */
  public Ui click(String css) {
    clickable(css).click();
    return waitUntilReady();
  }

  /**
   * Clicks the element matching {@code css} and waits until the page it leaves is gone and the new
   * one is ready (a link, a non-ajax form).
   */
  public Ui clickToLoad(String css) {
    WebElement element = clickable(css);
    element.click();
    waitUntil("the page after clicking " + css, ExpectedConditions.stalenessOf(element));
    return waitUntilReady();
  }

  /** Replaces the value of the input matching {@code css} with {@code text}. */
  public Ui type(String css, String text) {
    WebElement input = element(css);
    input.clear();
    input.sendKeys(text);
    return this;
  }

  /**
   * The errors the browser's console showed since the last call (or the sign-in): a script that
   * failed, a resource refused or blocked by the Content-Security-Policy. A page test that expects
   * none asserts this is empty.
   */
  public List<String> consoleErrors() {
    return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
        .map(LogEntry::getMessage)
        .toList();
  }

  /** The address the browser shows. */
  public String url() {
    return driver.getCurrentUrl();
  }

  /** Whether the browser is on one of Keycloak's pages (its login page, after signing out). */
  public boolean onKeycloak() {
    return url().startsWith(keycloakUrl + "/");
  }

  /** Runs axe-core on the page; fails listing every serious or critical violation. */
  public Ui accessibility(String pageName) {
    Accessibility.check(driver, pageName);
    return this;
  }

  /** Saves the page as {@code <pageName>-desktop.png} and {@code <pageName>-phone.png}. */
  public Ui screenshots(String pageName) {
    Screenshots.save(driver, pageName);
    return this;
  }

  /** The driver itself, for what these helpers do not cover. */
  public ChromeDriver driver() {
    return driver;
  }

  private WebElement element(String css) {
    waitUntil("an element " + css, browser -> present(css));
    return driver.findElement(By.cssSelector(css));
  }

  private WebElement clickable(String css) {
    element(css);
    return new WebDriverWait(driver, WAIT)
        .until(ExpectedConditions.elementToBeClickable(By.cssSelector(css)));
  }

  private void waitUntil(String what, Function<WebDriver, Boolean> condition) {
    try {
      new WebDriverWait(driver, WAIT).until(condition);
    } catch (TimeoutException e) {
      throw new AssertionError(
          "waited "
              + WAIT.toSeconds()
              + " s for "
              + what
              + "; the browser is on "
              + url()
              + " ("
              + driver.getTitle()
              + ")",
          e);
    }
  }
}

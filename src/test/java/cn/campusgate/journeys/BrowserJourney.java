package cn.campusgate.journeys;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole application on a random port, on its own fresh embedded PostgreSQL with the demo district,
 * driven by a real headless Chromium (one per test class). All journey classes share one application
 * context and so one database: journeys create their own data with unique names.
 *
 * <p>Every test starts signed out, with no cookies, so with the default language (Chinese). Every test fails if a
 * page it visited logged a console error or a Content Security Policy violation ({@link Chromium}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ExtendWith(Chromium.class)
@org.springframework.context.annotation.Import({cn.campusgate.SignedIn.class, cn.campusgate.ExpertOpinions.class,
        cn.campusgate.ApprovedItems.class, cn.campusgate.ListsInForce.class})
abstract class BrowserJourney {

    static final String DEMO_PASSWORD = "CampusGate#2026";

    @LocalServerPort
    int port;

    WebDriver browser;
    WebDriverWait wait;

    @BeforeEach
    void startSignedOut(WebDriver driver) {
        this.browser = driver;
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(10), Duration.ofMillis(50));
        browser.manage().deleteAllCookies(); // the session and the remembered language (all on this one host)
        open("/login");
        waitFor("login-submit");
    }

    void open(String path) {
        browser.get("http://localhost:" + port + path);
    }

    static By testId(String id) {
        return By.cssSelector("[data-testid='" + id + "']");
    }

    WebElement waitFor(String testId) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(testId(testId)));
    }

    WebElement waitFor(By by) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    /**
     * After a form is sent, waits for the page's verdict: the success notice, a problem, or the field
     * problems alert. Asserting on its {@code data-testid} makes a failure say what the page said instead.
     */
    WebElement formOutcome() {
        By verdicts = By.cssSelector("[data-testid='notice'], [data-testid='problem'], [data-testid='field-problems']");
        return wait.until(driver -> driver.findElements(verdicts).stream().filter(WebElement::isDisplayed)
                .findFirst().orElse(null));
    }

    static String kind(WebElement outcome) {
        return outcome.getDomAttribute("data-testid");
    }

    /**
     * Scrolls the element to the middle of the window, as a person would, then clicks it; tries again while
     * the page is still moving (live screening adds findings above buttons as it answers) or was just replaced
     * by the next one (the element found went stale).
     */
    void click(By by) {
        wait.ignoring(org.openqa.selenium.ElementClickInterceptedException.class)
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(driver -> {
            WebElement element = driver.findElement(by);
            ((org.openqa.selenium.JavascriptExecutor) driver)
                    .executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element);
            element.click();
            return true;
        });
    }

    boolean isPresent(By by) {
        return !browser.findElements(by).isEmpty();
    }

    /** Fills the (always empty) sign-in form on the current page and submits it, without waiting for the outcome. */
    void submitSignIn(String username, String password) {
        waitFor(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(testId("login-submit")).click();
    }

    /** Signs in from the current sign-in page and waits until a signed-in page shows who is acting. */
    WebElement signIn(String username, String password) {
        submitSignIn(username, password);
        return waitFor("current-user");
    }

    /** Signs out with the header button and waits for the sign-in page. */
    void signOut() {
        browser.findElement(testId("logout")).click();
        wait.until(ExpectedConditions.urlContains("/login?logout"));
        waitFor("login-submit");
        assertThat(browser.findElements(testId("current-user"))).as("nobody is shown as signed in").isEmpty();
    }

    /** Console errors containing {@code fragment} are expected in this test (a page opened to show its error status). */
    void expectConsoleError(String fragment) {
        Chromium.expectConsoleError(browser, fragment);
    }

    String pageLanguage() {
        return browser.findElement(By.tagName("html")).getDomAttribute("lang");
    }

    String path() {
        String url = browser.getCurrentUrl();
        return url.substring(("http://localhost:" + port).length());
    }

    /** Thymeleaf renders a missing message as {@code ??key_locale??}: no page may show one. */
    void assertNoMissingMessages() {
        assertThat(browser.findElement(By.tagName("body")).getText())
                .as("untranslated message keys on %s", path())
                .doesNotContain("??");
        assertThat(browser.getTitle()).as("page title").doesNotContain("??");
    }

    /**
     * Clicks a download link and waits until the browser has saved the file whose name ends so (a finished file,
     * not Chromium's partial one); an earlier file of that name is removed first.
     */
    java.nio.file.Path download(By link, String nameEnding) throws java.io.IOException {
        java.nio.file.Path folder = Chromium.downloads(getClass());
        try (var old = java.nio.file.Files.list(folder)) {
            for (java.nio.file.Path file : old.filter(f -> f.getFileName().toString().endsWith(nameEnding)).toList()) {
                java.nio.file.Files.delete(file);
            }
        }
        click(link);
        return new WebDriverWait(browser, Duration.ofSeconds(20), Duration.ofMillis(100)).until(driver -> {
            try (var files = java.nio.file.Files.list(folder)) {
                return files.filter(f -> f.getFileName().toString().endsWith(nameEnding))
                        .filter(f -> f.toFile().length() > 0).findFirst().orElse(null);
            } catch (java.io.IOException e) {
                return null;
            }
        });
    }

    List<String> texts(By by) {
        return browser.findElements(by).stream().map(WebElement::getText).toList();
    }
}

package cn.campusgate.journeys;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.PageLoadStrategy;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * One headless Chromium per test class, driven through the machine's own chromedriver. Both binaries are
 * given explicitly, so Selenium Manager is never run and nothing is downloaded. Test methods and
 * {@code @BeforeEach} methods receive the {@link WebDriver} as a parameter. When a test fails, a screenshot
 * and the page's HTML are written to {@code target/journeys/}, next to chromedriver's log.
 *
 * <p>Every page a journey visits must run clean: the browser's console log is collected (and a listener, added to
 * every document before its own scripts, writes each Content Security Policy violation to it with its directive
 * and source), and a test that passed fails at its end if any page logged an error or a violation, listing each
 * with its page. A journey that means to show an error status calls {@link #expectConsoleError(WebDriver, String)}.
 *
 * <p>The binaries default to Debian's {@code /usr/bin/chromedriver} and {@code /usr/bin/chromium}; the
 * system properties {@code campusgate.chromedriver} and {@code campusgate.chromium} override them.
 */
final class Chromium implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterTestExecutionCallback,
        ParameterResolver {

    /**
     * Added to every document before its scripts: CSP violations reach the console log with what was refused and
     * where (Chromium logs its own line too, without the source position of an inline attribute); and a document
     * that came with a 4xx status says so, see {@link #consoleErrors(WebDriver)}.
     */
    static final String VIOLATION_LISTENER = """
            document.addEventListener('securitypolicyviolation', function (e) {
              console.error('CSP violation: ' + e.violatedDirective + ' refused ' + (e.blockedURI || 'inline')
                + ' at ' + (e.sourceFile || location.href) + ':' + e.lineNumber + ' (sample: ' + e.sample + ')');
            });
            try {
              var navigation = performance.getEntriesByType('navigation')[0];
              if (navigation && navigation.responseStatus >= 400 && navigation.responseStatus < 500) {
                console.info('CampusGate document status ' + navigation.responseStatus + ' ' + location.href.split('#')[0]);
              }
            } catch (ignored) {
            }
            """;
    private static final java.util.regex.Pattern DOCUMENT_STATUS =
            java.util.regex.Pattern.compile("CampusGate document status (4\\d\\d) (\\S+?)\"?$");
    private static final String FAILED_LOAD = " - Failed to load resource: the server responded with a status of 4";

    static final Path FAILURES = Path.of("target", "journeys");

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(Chromium.class);
    private static final String DRIVER = "driver";
    private static final String PROFILE = "profile";

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        File driverBinary = executable("campusgate.chromedriver", "/usr/bin/chromedriver");
        File browserBinary = executable("campusgate.chromium", "/usr/bin/chromium");

        Path profile = Files.createTempDirectory("campusgate-chromium-");
        Files.createDirectories(FAILURES);
        Path log = FAILURES.resolve("chromedriver-" + context.getRequiredTestClass().getSimpleName() + ".log");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(driverBinary)
                .usingAnyFreePort()
                .withLogFile(log.toFile())
                .build();
        ChromeOptions options = new ChromeOptions();
        // Navigation returns at DOMContentLoaded: the stylesheets and scripts of our pages have run by then;
        // only the icon font may still be loading. Saves a fifth of each page load on this 2-core machine.
        options.setPageLoadStrategy(PageLoadStrategy.EAGER);
        options.setBinary(browserBinary);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1400,1000", "--user-data-dir=" + profile.toAbsolutePath());
        // Downloads go, without asking, to a folder per test class; PDFs are saved rather than shown.
        Path downloads = downloads(context.getRequiredTestClass());
        Files.createDirectories(downloads);
        options.setExperimentalOption("prefs", java.util.Map.of(
                "download.default_directory", downloads.toAbsolutePath().toString(),
                "download.prompt_for_download", false,
                "plugins.always_open_pdf_externally", true));
        LoggingPreferences logging = new LoggingPreferences();
        logging.enable(LogType.BROWSER, java.util.logging.Level.ALL);
        options.setCapability(ChromeOptions.LOGGING_PREFS, logging);
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", java.util.Map.of("source", VIOLATION_LISTENER));
        driver.executeCdpCommand("Browser.setDownloadBehavior", java.util.Map.of("behavior", "allow",
                "downloadPath", downloads.toAbsolutePath().toString()));
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        ExtensionContext.Store store = context.getStore(NAMESPACE);
        store.put(DRIVER, driver);
        store.put(PROFILE, profile);
    }

    /** Where the browser of a test class saves what it downloads. */
    static Path downloads(Class<?> testClass) {
        return FAILURES.resolve("downloads").resolve(testClass.getSimpleName());
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        ExtensionContext.Store store = context.getStore(NAMESPACE);
        WebDriver driver = store.remove(DRIVER, WebDriver.class);
        Path profile = store.remove(PROFILE, Path.class);
        try {
            if (driver != null) {
                driver.quit();
            }
        } finally {
            if (profile != null) {
                deleteRecursively(profile);
            }
        }
    }

    /** Each test starts with an empty console log: what earlier tests logged was theirs. */
    @Override
    public void beforeEach(ExtensionContext context) {
        driver(context).manage().logs().get(LogType.BROWSER);
        EXPECTED_ERRORS.remove(driver(context));
    }

    /**
     * Lets a journey that deliberately opens a page answering an error status (a 403, a 404) have that one line in
     * the console: the browser logs the document's status as an error; for the rest of the test, entries
     * containing {@code fragment} are let through.
     */
    static void expectConsoleError(WebDriver driver, String fragment) {
        EXPECTED_ERRORS.computeIfAbsent(driver, d -> new java.util.concurrent.CopyOnWriteArrayList<>()).add(fragment);
    }

    private static final java.util.Map<WebDriver, java.util.List<String>> EXPECTED_ERRORS =
            new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * The console errors and CSP violations logged since the last call, less the expected ones. A page the server
     * answered with a 4xx status on purpose (a form re-shown with its problems as 422, the 404 page) makes Chromium
     * log "Failed to load resource" for the document itself: that line is no error of the page, which shows its
     * message, and is left out; a 4xx of anything the page loads (a script, a stylesheet, an htmx part) stays.
     */
    static java.util.List<String> consoleErrors(WebDriver driver) {
        java.util.List<String> expected = EXPECTED_ERRORS.getOrDefault(driver, java.util.List.of());
        java.util.List<LogEntry> entries = driver.manage().logs().get(LogType.BROWSER).getAll();
        java.util.Set<String> documentsWith4xx = new java.util.HashSet<>();
        for (LogEntry entry : entries) {
            java.util.regex.Matcher status = DOCUMENT_STATUS.matcher(entry.getMessage());
            if (status.find()) {
                documentsWith4xx.add(status.group(2));
            }
        }
        java.util.List<String> errors = new java.util.ArrayList<>();
        for (LogEntry entry : entries) {
            String message = entry.getMessage();
            boolean violation = message.contains("Content Security Policy") || message.contains("CSP violation");
            int failed = message.indexOf(FAILED_LOAD);
            boolean ownDocument = failed > 0 && documentsWith4xx.contains(message.substring(0, failed).split("#")[0]);
            if ((entry.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue() || violation)
                    && !ownDocument && expected.stream().noneMatch(message::contains)) {
                errors.add(entry.getLevel() + " " + message);
            }
        }
        return errors;
    }

    /**
     * Runs straight after the test method, before any {@code @AfterEach}: the page is still as it failed. A test
     * that passed fails here if a page it visited logged a console error or a CSP violation.
     */
    @Override
    public void afterTestExecution(ExtensionContext context) {
        WebDriver driver = driver(context);
        if (context.getExecutionException().isEmpty()) {
            java.util.List<String> errors = consoleErrors(driver);
            if (!errors.isEmpty()) {
                throw new AssertionError("The browser console logged " + errors.size() + " error(s) or CSP "
                        + "violation(s) during this journey (last page " + driver.getCurrentUrl() + "):\n  "
                        + String.join("\n  ", errors));
            }
            return;
        }
        String name = (context.getRequiredTestClass().getSimpleName() + "-" + context.getRequiredTestMethod().getName()
                + "-" + context.getDisplayName()).replaceAll("[^\\p{L}\\p{N}._-]+", "_");
        try {
            Path png = FAILURES.resolve(name + ".png");
            Files.write(png, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            Files.writeString(FAILURES.resolve(name + ".html"),
                    "<!-- " + driver.getCurrentUrl() + " -->\n" + driver.getPageSource(), StandardCharsets.UTF_8);
            System.err.println("Journey failed at " + driver.getCurrentUrl() + "; screenshot: " + png.toAbsolutePath());
            consoleErrors(driver).forEach(error -> System.err.println("  console: " + error));
        } catch (RuntimeException | IOException e) {
            System.err.println("Could not save the failure screenshot: " + e);
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == WebDriver.class;
    }

    @Override
    public WebDriver resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return driver(context);
    }

    private static WebDriver driver(ExtensionContext context) {
        WebDriver driver = context.getStore(NAMESPACE).get(DRIVER, WebDriver.class);
        if (driver == null) {
            throw new IllegalStateException("No browser: register " + Chromium.class.getSimpleName() + " on the class");
        }
        return driver;
    }

    private static File executable(String property, String fallback) {
        File file = new File(System.getProperty(property, fallback));
        if (!file.canExecute()) {
            throw new IllegalStateException(file + " is missing. The browser journeys need Chromium and its driver: "
                    + "apt-get install chromium chromium-driver (or set -D" + property + "=...)");
        }
        return file;
    }

    private static void deleteRecursively(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            // Chromium may still be writing into its profile as it exits; a leftover temp dir is harmless.
        }
    }
}

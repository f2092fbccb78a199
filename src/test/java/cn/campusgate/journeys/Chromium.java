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

/**
 * One headless Chromium per test class, driven through the machine's own chromedriver. Both binaries are
 * given explicitly, so Selenium Manager is never run and nothing is downloaded. Test methods and
 * {@code @BeforeEach} methods receive the {@link WebDriver} as a parameter. When a test fails, a screenshot
 * and the page's HTML are written to {@code target/journeys/}, next to chromedriver's log.
 *
 * <p>The binaries default to Debian's {@code /usr/bin/chromedriver} and {@code /usr/bin/chromium}; the
 * system properties {@code campusgate.chromedriver} and {@code campusgate.chromium} override them.
 */
final class Chromium implements BeforeAllCallback, AfterAllCallback, AfterTestExecutionCallback, ParameterResolver {

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
        ChromeDriver driver = new ChromeDriver(service, options);
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

    /** Runs straight after the test method, before any {@code @AfterEach}: the page is still as it failed. */
    @Override
    public void afterTestExecution(ExtensionContext context) {
        if (context.getExecutionException().isEmpty()) {
            return;
        }
        WebDriver driver = driver(context);
        String name = (context.getRequiredTestClass().getSimpleName() + "-" + context.getRequiredTestMethod().getName()
                + "-" + context.getDisplayName()).replaceAll("[^\\p{L}\\p{N}._-]+", "_");
        try {
            Path png = FAILURES.resolve(name + ".png");
            Files.write(png, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            Files.writeString(FAILURES.resolve(name + ".html"),
                    "<!-- " + driver.getCurrentUrl() + " -->\n" + driver.getPageSource(), StandardCharsets.UTF_8);
            System.err.println("Journey failed at " + driver.getCurrentUrl() + "; screenshot: " + png.toAbsolutePath());
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

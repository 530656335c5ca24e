package io.scoreline.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium driven through chromedriver against a running {@link ScorelineServer}'s
 * console, for the browser tests (docs/testing.md). It uses Debian's {@code /usr/bin/chromium} and
 * {@code /usr/bin/chromedriver} and nothing downloaded; without them it fails, naming the packages
 * ({@code bin/browser.sh} installs them). Each {@link #step} saves a screenshot to
 * {@code target/console-screenshots/<test>/<NN-step>.png}. Close it to end the browser.
 */
public final class ConsoleBrowser implements AutoCloseable {

    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    /** Long enough for a loaded CI machine; a wait returns as soon as its condition holds. */
    private static final Duration WAIT = Duration.ofSeconds(60);

    private final ScorelineServer server;
    private final ChromeDriver driver;
    private final Path userData;
    private final Path screenshots;
    private int steps;

    private ConsoleBrowser(ScorelineServer server, ChromeDriver driver, Path userData, Path screenshots) {
        this.server = server;
        this.driver = driver;
        this.userData = userData;
        this.screenshots = screenshots;
    }

    /** A fresh browser (its own profile directory) for the test named {@code test}. */
    public static ConsoleBrowser open(ScorelineServer server, String test) {
        requireInstalled();
        try {
            var userData = Files.createTempDirectory("console-browser");
            var options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.addArguments(
                    "--headless",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-quic",
                    "--no-first-run",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--disable-dev-shm-usage",
                    "--window-size=1280,900",
                    "--user-data-dir=" + userData);
            var service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(CHROMEDRIVER.toFile())
                    .usingAnyFreePort()
                    .build();
            var driver = new ChromeDriver(service, options);
            var screenshots = Path.of("target", "console-screenshots", test);
            Files.createDirectories(screenshots);
            return new ConsoleBrowser(server, driver, userData, screenshots);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Fails with what to install when the browser is missing: a test that cannot run must not pass
     * by skipping.
     */
    public static void requireInstalled() {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new AssertionError("The console browser tests need Chromium and its driver at " + CHROMIUM + " and "
                    + CHROMEDRIVER + ": install the Debian packages chromium and chromium-driver "
                    + "(as root: apt-get update && apt-get install -y chromium chromium-driver, or bin/browser.sh).");
        }
    }

    public WebDriver driver() {
        return driver;
    }

    /** Opens a console path, e.g. {@code /console/boards}. */
    public ConsoleBrowser go(String path) {
        driver.get(server.uri(path).toString());
        return this;
    }

    /** Signs in through the form with {@code key}; the page after it is the boards or the picker. */
    public ConsoleBrowser signIn(String key) {
        go("/console/sign-in");
        var field = driver.findElement(By.id("key"));
        field.sendKeys(key);
        step("sign-in-form");
        field.submit();
        // A refused sign-in answers on the same URL with a message; either ends the wait.
        waitUntil(d -> !d.getCurrentUrl().endsWith("/console/sign-in")
                || !d.findElements(By.cssSelector("[data-test=error], [data-test=message]"))
                        .isEmpty());
        assertThat(path())
                .as(() -> "signed in, but the page says: "
                        + driver.findElement(By.tagName("main")).getText())
                .isNotEqualTo("/console/sign-in");
        return this;
    }

    public WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    public <T> T waitUntil(ExpectedCondition<T> condition) {
        return new WebDriverWait(driver, WAIT).until(condition);
    }

    public String path() {
        return java.net.URI.create(driver.getCurrentUrl()).getPath();
    }

    /** Saves a screenshot of the page as it is now: {@code NN-name.png}. */
    public Path step(String name) {
        steps++;
        var file = screenshots.resolve(String.format(Locale.ROOT, "%02d-%s.png", steps, name));
        try {
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(file).isNotEmptyFile();
        return file;
    }

    @Override
    public void close() {
        driver.quit();
        TestPostgres.deleteRecursively(userData);
    }
}

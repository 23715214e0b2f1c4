package io.ridemesh.e2e;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The failover console ({@code /console/} of a gateway) in headless Chromium, signing in as a person does: the
 * console's button, identity-service's sign-in page (behind the same gateway), back to the console with the code.
 * Needs {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver} (Debian packages {@code chromium chromium-driver});
 * see {@link #available()}. Not thread-safe: one test's browser.
 */
final class ConsoleBrowser implements AutoCloseable {

    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    private final Path profile;
    private final WebDriver browser;

    ConsoleBrowser() throws IOException {
        profile = Files.createTempDirectory("console-browser");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--window-size=1280,1000",
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(service, options);
    }

    /** Whether Chromium and its driver are installed here. */
    static boolean available() {
        return Files.isExecutable(CHROMEDRIVER) && Files.isExecutable(CHROMIUM);
    }

    /**
     * Opens the console at {@code gateway} (e.g. {@code http://127.0.0.1:29080}), signs out whoever is signed in,
     * presses "Sign in" and submits identity-service's sign-in page with {@code login} and {@code password}; returns
     * once the browser is back on the console.
     */
    void signIn(String gateway, String login, String password) {
        browser.get(gateway + "/console/");
        // whoever signed in before signs out (the console forgets its token) and their session cookie goes
        if (browser.findElement(By.id("logout-button")).isDisplayed()) {
            browser.findElement(By.id("logout-button")).click();
        }
        browser.manage().deleteAllCookies();
        eventually()
                .untilAsserted(() -> browser.findElement(By.id("login-button")).click());
        eventually().until(() -> !browser.findElements(By.id("username")).isEmpty());
        browser.findElement(By.id("username")).sendKeys(login);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        eventually().until(() -> browser.getCurrentUrl().startsWith(gateway + "/console/"));
    }

    /** The text of the first element {@code css} selects once there is one, waiting up to 60 s. */
    String textOf(String css) {
        return eventually().until(() -> browser.findElement(By.cssSelector(css)).getText(), text -> !text.isBlank());
    }

    /** The address the browser is at. */
    String url() {
        return browser.getCurrentUrl();
    }

    /**
     * Polls for up to 60 s: a click that navigates blocks until the next page has loaded, and the first sign-in page of
     * a freshly started identity-service took longer than 30 s once on a loaded 2-core CI machine (session 20's
     * rehearsal; 60 s for the whole test when run again).
     */
    private static ConditionFactory eventually() {
        return Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .ignoreExceptionsInstanceOf(WebDriverException.class);
    }

    @Override
    public void close() throws IOException {
        browser.quit();
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }
}

package io.ridemesh.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.ridemesh.gateway.support.GatewayTestSupport;
import io.ridemesh.gateway.support.Tokens;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The failover console in headless Chromium: as an operator, see the regions, evacuate region a (confirming the
 * dialog), watch its unit move to b, fail back. Skipped when {@code /usr/bin/chromedriver} is absent (Debian packages
 * {@code chromium chromium-driver}).
 */
class ConsoleBrowserIT extends GatewayTestSupport {

    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    private WebDriver browser;
    private Path profile;

    @BeforeEach
    void startBrowser() throws IOException {
        Assumptions.assumeTrue(Files.isExecutable(CHROMEDRIVER), "needs " + CHROMEDRIVER + " (chromium-driver)");
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM), "needs " + CHROMIUM + " (chromium)");
        profile = Files.createTempDirectory("console-it-chromium");
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
        awaitRegionsProbed();
    }

    @AfterEach
    void stopBrowser() throws IOException {
        if (browser != null) {
            // the last screen, for a human looking at a failure: target/console-it/last.png
            Path shots = Path.of("target", "console-it");
            Files.createDirectories(shots);
            byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
            Files.write(shots.resolve("last.png"), png);
            // and its text, in the build's output, for a failure on a machine whose target/ is gone (CI)
            String page = browser.findElement(By.tagName("body")).getText();
            System.out.println("console page at the end of the test:\n"
                    + (page.length() > 3000 ? page.substring(0, 3000) + " [...]" : page));
            browser.quit();
        }
        if (profile != null) {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    private static ConditionFactory eventually() {
        return Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .ignoreExceptionsInstanceOf(WebDriverException.class);
    }

    private String text(String css) {
        return browser.findElement(By.cssSelector(css)).getText();
    }

    /** Clicks, retrying when the console re-rendered the element under us (it polls every second). */
    private void click(String css) {
        eventually()
                .untilAsserted(() -> browser.findElement(By.cssSelector(css)).click());
    }

    private void confirm() {
        eventually().until(() -> browser.findElement(By.id("confirm")).isDisplayed());
        click("#confirm-ok");
    }

    @Test
    void operatorEvacuatesARegionAndFailsItBack() {
        // the sign-in at identity-service (authorization code with PKCE) is IdentityIT's (e2e); here the page holds
        // an operator's token as that sign-in leaves it
        browser.get("http://127.0.0.1:" + port + "/console/");
        ((JavascriptExecutor) browser)
                .executeScript(
                        "sessionStorage.setItem('ridemesh.operatorToken', arguments[0]);"
                                + "sessionStorage.setItem('ridemesh.operatorToken.sub', 'ops');",
                        Tokens.of("operator", "ops"));
        browser.navigate().refresh();

        // both live regions UP, the dead one DOWN; nyc homed in a
        eventually().until(() -> text(".region[data-region='a'] .state").equals("UP"));
        eventually().until(() -> text(".region[data-region='b'] .state").equals("UP"));
        eventually().until(() -> text(".region[data-region='c'] .state").equals("DOWN"));
        // the page is drawn again every second: read again when an element was replaced under the read
        eventually().untilAsserted(() -> assertThat(text(".region[data-region='a'] .units"))
                .isEqualTo("nyc"));
        eventually().until(() -> text("#units tr[data-unit='nyc'] .home").equals("a"));

        // cancelling the dialog moves nothing
        click("button.evacuate[data-region='a']");
        eventually().until(() -> browser.findElement(By.id("confirm")).isDisplayed());
        click("#confirm-cancel");
        eventually().until(() -> text("#status").contains("cancelled"));
        eventually().untilAsserted(() -> assertThat(text("#units tr[data-unit='nyc'] .home"))
                .isEqualTo("a"));

        click("button.evacuate[data-region='a']");
        confirm();
        eventually().until(() -> text("#units tr[data-unit='nyc'] .home").equals("b"));
        eventually().until(() -> text(".region[data-region='b'] .units").equals("nyc, chicago"));
        eventually().until(() -> !browser.findElements(By.cssSelector("#drills tr[data-kind='evacuate']"))
                .isEmpty());

        click("button.failback[data-region='a']");
        confirm();
        eventually().until(() -> text("#units tr[data-unit='nyc'] .home").equals("a"));
        eventually().until(() -> !browser.findElements(By.cssSelector("#drills tr[data-kind='failback']"))
                .isEmpty());
        // the table is drawn again every 2 s: read it whole, again if it was replaced under the read
        eventually().untilAsserted(() -> assertThat(browser.findElements(By.cssSelector("#drills td.kind")))
                .extracting(WebElement::getText)
                .containsExactly("failback", "evacuate"));
    }
}

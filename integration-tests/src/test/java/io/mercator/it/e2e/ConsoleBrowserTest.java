package io.mercator.it.e2e;

import static io.mercator.it.e2e.ConsoleBrowser.api;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.After;
import org.junit.AfterClass;
import org.junit.Before;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.junit.rules.TestName;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The web console in a real headless Chromium against the unpacked distribution (started without the
 * demo, so that the sample bundle is not deployed yet): log in with the first admin token, upload the
 * sample bundle through the page's file control and see it active, switch the forecasting default, run a
 * forecast and check that its chart is drawn; create a viewer token, which sees no admin or operator
 * controls, and revoke it.
 */
public class ConsoleBrowserTest {

    private static final String SAMPLE = "io.mercator.sample.seasonalnaive";
    private static final String SAMPLE_STRATEGY = "seasonal-naive";
    /** The widest band alone: the forecast's blue at its lowest opacity. */
    private static final String WIDEST_BAND = "p[2] > 200 && p[0] < 60 && p[3] > 20 && p[3] < 60";

    @ClassRule
    public static final TemporaryFolder TEMP = new TemporaryFolder();

    @Rule
    public final TestName testName = new TestName();

    private static Installation installation;
    private static String admin;

    private ConsoleBrowser browser;

    @BeforeClass
    public static void startMercator() throws Exception {
        ConsoleBrowser.assertChromiumInstalled();
        installation = new Installation(TEMP.newFolder("installation").toPath());
        installation.start();
        admin = ConsoleBrowser.firstAdminToken(installation);
    }

    @AfterClass
    public static void stopMercator() throws Exception {
        if (installation != null) {
            installation.close();
        }
    }

    @Before
    public void openConsole() throws Exception {
        browser = new ConsoleBrowser(TEMP.newFolder("chromium-" + testName.getMethodName()).toPath());
        browser.driver().get(ConsoleBrowser.base(installation) + "/console/");
    }

    @After
    public void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    public void anAdminUploadsTheSampleSwitchesTheDefaultAndSeesAForecastDrawn() throws Exception {
        WebElement token = browser.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("token")));
        token.sendKeys("mrc_not-a-real-token");
        browser.click(By.id("login-button"));
        browser.await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("login-error"),
                "unknown or was revoked"));
        assertFalse(browser.find(By.id("nav")).isDisplayed());
        browser.screenshot("01-login-refused");

        browser.logIn(admin);
        assertEquals("admin", browser.find(By.id("role")).getText().toLowerCase());
        assertEquals("admin", browser.find(By.id("who")).getText());
        assertEquals("the token is kept for the tab only", admin,
                browser.script("return sessionStorage.getItem('mercator.token')"));

        // bundles: upload the sample with the page's file control and see it become active
        browser.await().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#bundles tbody tr")));
        assertTrue(browser.driver().findElements(By.cssSelector("#bundles tr[data-symbolic-name='" + SAMPLE + "']"))
                .isEmpty());
        Path sample = installation.home().resolve("samples/seasonal-naive-1.0.0.jar");
        WebElement picker = browser.find(By.id("bundle-file"));
        browser.script("arguments[0].hidden = false", picker);   // a hidden file input takes no keys in WebDriver
        picker.sendKeys(sample.toString());
        browser.script("arguments[0].hidden = true", picker);
        WebElement row = browser.await().until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#bundles tr[data-symbolic-name='" + SAMPLE + "'][data-state='ACTIVE']")));
        assertTrue(row.getText(), row.getText().contains("forecasting/" + SAMPLE_STRATEGY + "@1.0.0"));
        List<String> actions = row.findElements(By.cssSelector("[data-action]")).stream()
                .map(button -> button.getDomAttribute("data-action")).toList();
        assertEquals(List.of("stop", "update", "uninstall"), actions);
        browser.await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"),
                SAMPLE + " 1.0.0: ACTIVE"));
        browser.screenshot("02-bundles-sample-active");

        // strategies: make the sample the forecasting default
        browser.open("strategies");
        String sampleRowCss = "section[data-family='forecasting'] tr[data-strategy='" + SAMPLE_STRATEGY + "']";
        By sampleRow = By.cssSelector(sampleRowCss);
        browser.click(By.cssSelector(sampleRowCss + " input[type=radio]"));
        browser.await().until(ExpectedConditions.attributeToBe(sampleRow, "data-default", "true"));
        assertEquals(1, browser.driver().findElements(
                By.cssSelector("section[data-family='forecasting'] tr[data-default='true']")).size());
        assertEquals("the server's default", List.of(SAMPLE_STRATEGY), forecastingDefaults());
        assertTrue("the change is audited", Files.readString(installation.home().resolve("logs/audit.log"))
                .contains("forecasting = " + SAMPLE_STRATEGY));
        // a strategy's parameters open under its name
        String movingAverage = "section[data-family='forecasting'] tr[data-strategy='moving-average']";
        browser.click(By.cssSelector(movingAverage + " summary"));
        browser.await().until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector(movingAverage + " details table"), "observations averaged"));
        browser.screenshot("03-strategies-default-switched");

        // playground: forecast the demo series with the (new) default and see the chart drawn
        browser.open("playground");
        browser.click(By.id("forecast-demo"));
        String series = (String) browser.script("return document.getElementById('forecast-series').value");
        assertEquals(48, series.trim().split("\\s+").length);
        WebElement horizon = browser.find(By.id("forecast-horizon"));
        horizon.clear();
        horizon.sendKeys("12");
        assertEquals("a blank canvas before the forecast", 0L, browser.pixels("forecast-chart", "p[3] > 0"));
        browser.click(By.cssSelector("form.query button[type=submit]"));
        WebElement canvas = browser.await().until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#forecast-chart[data-points]")));
        assertEquals("history and horizon plotted", "60", canvas.getDomAttribute("data-points"));
        assertEquals("two interval bands", "2", canvas.getDomAttribute("data-bands"));
        browser.await().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#view p.muted"),
                SAMPLE_STRATEGY + " 1.0.0: 48 observations, 12 periods ahead"));
        assertEquals(12, browser.driver().findElements(By.cssSelector("#forecast-table tr")).size() - 1);
        // the chart has the series (Chart.js holds the plotted values) and the canvas has band and line pixels
        assertEquals(60L, browser.script("return Chart.getChart(arguments[0]).data.labels.length", canvas));
        assertEquals(12L, browser.script("return Chart.getChart(arguments[0]).data.datasets"
                + ".find(d => d.label === '95% interval').data.filter(v => v !== null).length", canvas));
        long band = browser.pixels("forecast-chart", WIDEST_BAND);
        assertTrue("the 95% band is shaded: " + band + " pixels", band > 2_000);
        assertTrue("lines and axes are drawn", browser.pixels("forecast-chart", "p[3] > 0") > band);
        browser.screenshot("04-forecast-chart");

        // bundles again: stop and start the sample, update it by dropping version 2 on the page, uninstall it
        browser.open("bundles");
        sampleAction("stop");
        browser.await().until(ExpectedConditions.presenceOfElementLocated(sampleRow("RESOLVED")));
        sampleAction("start");
        browser.await().until(ExpectedConditions.presenceOfElementLocated(sampleRow("ACTIVE")));
        // Update… with another bundle's jar is refused in the page, before anything is uploaded
        Path otherBundle = installation.home().resolve("system/60-mercator-plugin-forecasting-baselines.jar");
        browser.await().until(driver -> {
            WebElement update = driver.findElement(By.cssSelector(
                    "#bundles tr[data-symbolic-name='" + SAMPLE + "'] input[data-action='update']"));
            browser.script("arguments[0].hidden = false", update);   // the row is redrawn: retried when stale
            update.sendKeys(otherBundle.toString());
            return true;
        });
        browser.await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"),
                "is io.mercator.plugins.forecasting.baselines 0.1.0"));
        assertTrue(browser.find(By.id("message")).getText().endsWith("not an update of " + SAMPLE
                + "; nothing was uploaded"));
        String bundles = api(installation, "GET", "/api/v1/bundles", admin, null);
        assertEquals("still one sample", 1, countOf(bundles, "\"symbolicName\":\"" + SAMPLE + "\""));
        assertEquals("no second baselines bundle", 1,
                countOf(bundles, "\"symbolicName\":\"io.mercator.plugins.forecasting.baselines\""));
        byte[] version2 = Files.readAllBytes(installation.home().resolve("samples/seasonal-naive-2.0.0.jar"));
        browser.script("const bytes = Uint8Array.from(atob(arguments[0]), c => c.charCodeAt(0));"
                + "const files = new DataTransfer();"
                + "files.items.add(new File([bytes], 'seasonal-naive-2.0.0.jar', {type: 'application/java-archive'}));"
                + "document.getElementById('drop-zone').dispatchEvent(new DragEvent('drop', {dataTransfer: files,"
                + " bubbles: true, cancelable: true}));", Base64.getEncoder().encodeToString(version2));
        WebElement updated = browser.await().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(
                "#bundles tr[data-symbolic-name='" + SAMPLE + "'][data-state='ACTIVE'][data-version='2.0.0']")));
        assertTrue(updated.getText(), updated.getText().contains("forecasting/" + SAMPLE_STRATEGY + "@2.0.0"));
        browser.screenshot("05-bundles-sample-updated-by-drop");
        sampleAction("uninstall");
        browser.await().until(ExpectedConditions.alertIsPresent()).accept();   // "Uninstall ...?"
        browser.await().until(ExpectedConditions.numberOfElementsToBe(
                By.cssSelector("#bundles tr[data-symbolic-name='" + SAMPLE + "']"), 0));
        assertFalse(api(installation, "GET", "/api/v1/bundles", admin, null).contains(SAMPLE));

        browser.click(By.id("logout"));
        browser.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("token")));
        assertNull(browser.script("return sessionStorage.getItem('mercator.token')"));
        assertFalse(browser.find(By.id("nav")).isDisplayed());
    }

    @Test
    public void anAdminCreatesAViewerTokenThatSeesNoAdminOrOperatorControlsAndRevokesIt() throws Exception {
        browser.logIn(admin);
        browser.open("tokens");
        browser.find(By.id("token-name")).sendKeys("console-viewer");
        new Select(browser.find(By.id("token-role"))).selectByValue("viewer");
        browser.click(By.id("token-create"));
        String viewer = browser.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("new-token-secret")))
                .getText().trim();
        assertTrue(viewer, viewer.startsWith("mrc_"));
        browser.await().until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#tokens tr[data-token='console-viewer']")));
        browser.screenshot("06-tokens-viewer-created");
        browser.click(By.id("logout"));

        browser.logIn(viewer);
        assertEquals("viewer", browser.find(By.id("role")).getText().toLowerCase());
        assertFalse("no tokens page for a viewer",
                browser.find(By.cssSelector("#nav a[data-page='tokens']")).isDisplayed());
        browser.open("bundles");
        List<WebElement> rows = browser.await().until(ExpectedConditions.numberOfElementsToBeMoreThan(
                By.cssSelector("#bundles tbody tr"), 10));
        assertTrue(rows.size() > 10);
        assertTrue("no upload for a viewer", browser.driver().findElements(By.id("drop-zone")).isEmpty());
        assertTrue("no bundle actions for a viewer",
                browser.driver().findElements(By.cssSelector("#bundles [data-action]")).isEmpty());
        assertTrue(browser.driver().findElements(By.xpath("//table[@id='bundles']//th[text()='Actions']")).isEmpty());
        browser.screenshot("07-viewer-bundles");

        browser.open("strategies");
        browser.await().until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("section[data-family] input[type=radio]")));
        List<WebElement> radios = browser.driver().findElements(
                By.cssSelector("section[data-family] input[type=radio]"));
        assertTrue(radios.size() > 10);
        assertTrue("a viewer cannot switch a default", radios.stream().noneMatch(WebElement::isEnabled));

        browser.open("playground");
        browser.await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("view"),
                "Queries need the operator role"));
        assertTrue(browser.driver().findElements(By.id("forecast-chart")).isEmpty());

        // the same page for the admin has the controls the viewer lacks; then the admin revokes the viewer
        browser.click(By.id("logout"));
        browser.logIn(admin);
        browser.open("bundles");
        browser.await().until(ExpectedConditions.presenceOfElementLocated(By.id("drop-zone")));
        browser.await().until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#bundles [data-action='stop']")));
        browser.open("tokens");
        browser.click(
                By.cssSelector("#tokens tr[data-token='console-viewer'] button[data-action='revoke']"));
        browser.await().until(ExpectedConditions.alertIsPresent()).accept();
        browser.await().until(ExpectedConditions.numberOfElementsToBe(
                By.cssSelector("#tokens tr[data-token='console-viewer']"), 0));
        assertEquals("the revoked token is refused", 401,
                ConsoleBrowser.status(installation, "/api/v1/bundles", viewer));
    }

    private static int countOf(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }

    private static By sampleRow(String state) {
        return By.cssSelector("#bundles tr[data-symbolic-name='" + SAMPLE + "'][data-state='" + state + "']");
    }

    private void sampleAction(String action) {
        browser.click(By.cssSelector(
                "#bundles tr[data-symbolic-name='" + SAMPLE + "'] button[data-action='" + action + "']"));
    }

    private static List<String> forecastingDefaults() throws Exception {
        JsonObject strategies = JsonParser.parseString(api(installation, "GET", "/api/v1/strategies?family=forecasting",
                admin, null)).getAsJsonObject();
        List<String> defaults = new ArrayList<>();
        strategies.getAsJsonArray("strategies").forEach(strategy -> {
            if (strategy.getAsJsonObject().get("default").getAsBoolean()) {
                defaults.add(strategy.getAsJsonObject().get("name").getAsString());
            }
        });
        return defaults;
    }
}

package io.mercator.it.e2e;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
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
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web console in a real headless Chromium (the Debian {@code chromium} and {@code chromium-driver}
 * packages), against the unpacked distribution: log in with the first admin token, upload the sample
 * bundle through the page's file control and see it active, switch the forecasting default, run a
 * forecast and check that its chart is drawn; a viewer sees no admin controls. Screenshots go to
 * {@code target/screenshots/} (system property {@code it.screenshots}).
 */
public class ConsoleBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final String SAMPLE = "io.mercator.sample.seasonalnaive";
    private static final String SAMPLE_STRATEGY = "seasonal-naive";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @ClassRule
    public static final TemporaryFolder TEMP = new TemporaryFolder();

    @Rule
    public final TestName testName = new TestName();

    private static Installation installation;
    private static String base;
    private static String admin;
    private static String viewer;

    private Path profile;
    private WebDriver browser;
    private WebDriverWait wait;

    @BeforeClass
    public static void startMercator() throws Exception {
        assertTrue("Chromium is not installed: the console test drives the system's headless Chromium; install it "
                + "with 'apt-get install -y chromium chromium-driver' (CI's .ci/run does)",
                Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER));
        installation = new Installation(TEMP.newFolder("installation").toPath());
        installation.start();
        base = "http://127.0.0.1:" + installation.httpPort();
        admin = firstAdminToken();
        viewer = createToken("console-viewer", "viewer");
    }

    @AfterClass
    public static void stopMercator() throws Exception {
        if (installation != null) {
            installation.close();
        }
    }

    @Before
    public void openBrowser() throws IOException {
        profile = TEMP.newFolder("chromium-" + testName.getMethodName()).toPath();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // the network is closed here: no background traffic, updates, sync or first-run pages
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--window-size=1400,1000");
        // the driver is named explicitly, so that Selenium Manager never tries to download one
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().window().setSize(new Dimension(1400, 1000));
        wait = new WebDriverWait(browser, WAIT);
        wait.ignoring(StaleElementReferenceException.class);   // the pages re-render their tables
    }

    @After
    public void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    public void anAdminUploadsTheSampleSwitchesTheDefaultAndSeesAForecastDrawn() throws Exception {
        browser.get(base + "/console/");
        WebElement token = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("token")));
        token.sendKeys("mrc_not-a-real-token");
        browser.findElement(By.id("login-button")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("login-error"), "unknown or was revoked"));
        screenshot("01-login-refused");

        logIn(admin);
        assertEquals("admin", browser.findElement(By.id("role")).getText().toLowerCase());
        assertEquals("admin", browser.findElement(By.id("who")).getText());
        assertEquals("the token is kept for the tab only", admin, script("return sessionStorage.getItem('mercator.token')"));

        // bundles: upload the sample with the page's file control and see it become active
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#bundles tbody tr")));
        assertTrue(browser.findElements(By.cssSelector("#bundles tr[data-symbolic-name='" + SAMPLE + "']")).isEmpty());
        Path sample = installation.home().resolve("samples/seasonal-naive-1.0.0.jar");
        WebElement picker = browser.findElement(By.id("bundle-file"));
        script("arguments[0].hidden = false", picker);   // a hidden file input takes no keys in WebDriver
        picker.sendKeys(sample.toString());
        script("arguments[0].hidden = true", picker);
        WebElement row = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#bundles tr[data-symbolic-name='" + SAMPLE + "'][data-state='ACTIVE']")));
        assertTrue(row.getText(), row.getText().contains("forecasting/" + SAMPLE_STRATEGY + "@1.0.0"));
        List<String> actions = row.findElements(By.cssSelector("[data-action]")).stream()
                .map(button -> button.getDomAttribute("data-action")).toList();
        assertEquals(List.of("stop", "update", "uninstall"), actions);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), SAMPLE + " 1.0.0: ACTIVE"));
        screenshot("02-bundles-sample-active");

        // strategies: make the sample the forecasting default
        browser.findElement(By.cssSelector("#nav a[data-page='strategies']")).click();
        By sampleRow = By.cssSelector("section[data-family='forecasting'] tr[data-strategy='" + SAMPLE_STRATEGY + "']");
        wait.until(ExpectedConditions.presenceOfElementLocated(sampleRow)).findElement(By.cssSelector("input[type=radio]"))
                .click();
        wait.until(ExpectedConditions.attributeToBe(sampleRow, "data-default", "true"));
        assertEquals(1, browser.findElements(
                By.cssSelector("section[data-family='forecasting'] tr[data-default='true']")).size());
        JsonObject strategies = JsonParser.parseString(api("GET", "/api/v1/strategies?family=forecasting", admin))
                .getAsJsonObject();
        List<String> defaults = new ArrayList<>();
        strategies.getAsJsonArray("strategies").forEach(strategy -> {
            if (strategy.getAsJsonObject().get("default").getAsBoolean()) {
                defaults.add(strategy.getAsJsonObject().get("name").getAsString());
            }
        });
        assertEquals("the server's default", List.of(SAMPLE_STRATEGY), defaults);
        assertTrue("the change is audited", Files.readString(installation.home().resolve("logs/audit.log"))
                .contains("forecasting = " + SAMPLE_STRATEGY));
        screenshot("03-strategies-default-switched");

        // playground: forecast the demo series with the (new) default and see the chart drawn
        browser.findElement(By.cssSelector("#nav a[data-page='playground']")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("forecast-demo"))).click();
        int observations = ((String) script("return document.getElementById('forecast-series').value"))
                .trim().split("\\s+").length;
        assertEquals(48, observations);
        WebElement horizon = browser.findElement(By.id("forecast-horizon"));
        horizon.clear();
        horizon.sendKeys("12");
        assertEquals("blank canvas before the forecast", 0L, coloredPixels());
        browser.findElement(By.cssSelector("form.query button[type=submit]")).click();
        WebElement canvas = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#forecast-chart[data-points]")));
        assertEquals("history and horizon plotted", "60", canvas.getDomAttribute("data-points"));
        assertEquals("two interval bands", "2", canvas.getDomAttribute("data-bands"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#view p.muted"),
                SAMPLE_STRATEGY + " 1.0.0: 48 observations, 12 periods ahead"));
        assertEquals(12, browser.findElements(By.cssSelector("#forecast-table tr")).size() - 1);
        // the chart has the series: Chart.js holds the plotted values, and the canvas has band and line pixels
        assertEquals(60L, script("return Chart.getChart(arguments[0]).data.labels.length", canvas));
        assertEquals(12L, script("return Chart.getChart(arguments[0]).data.datasets"
                + ".find(d => d.label === '95% interval').data.filter(v => v !== null).length", canvas));
        long band = bandPixels();
        assertTrue("the 95% band is shaded: " + band + " pixels", band > 2_000);
        assertTrue("lines and axes are drawn", coloredPixels() > band);
        screenshot("04-forecast-chart");

        browser.findElement(By.id("logout")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("token")));
        assertEquals(null, script("return sessionStorage.getItem('mercator.token')"));
        assertFalse(browser.findElement(By.id("nav")).isDisplayed());
    }

    @Test
    public void aViewerSeesNoAdminOrOperatorControls() throws Exception {
        browser.get(base + "/console/");
        logIn(viewer);
        assertEquals("viewer", browser.findElement(By.id("role")).getText().toLowerCase());
        List<WebElement> rows = wait.until(ExpectedConditions.numberOfElementsToBeMoreThan(
                By.cssSelector("#bundles tbody tr"), 10));
        assertTrue(rows.size() > 10);
        assertTrue("no upload for a viewer", browser.findElements(By.id("drop-zone")).isEmpty());
        assertTrue("no bundle actions for a viewer", browser.findElements(By.cssSelector("#bundles [data-action]"))
                .isEmpty());
        assertTrue(browser.findElements(By.xpath("//table[@id='bundles']//th[text()='Actions']")).isEmpty());
        screenshot("05-viewer-bundles");

        browser.findElement(By.cssSelector("#nav a[data-page='strategies']")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("section[data-family] input[type=radio]")));
        List<WebElement> radios = browser.findElements(By.cssSelector("section[data-family] input[type=radio]"));
        assertTrue(radios.size() > 10);
        assertTrue("a viewer cannot switch a default", radios.stream().noneMatch(WebElement::isEnabled));

        browser.findElement(By.cssSelector("#nav a[data-page='playground']")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("view"), "Queries need the operator role"));
        assertTrue(browser.findElements(By.id("forecast-chart")).isEmpty());

        // the same page for the admin has the controls the viewer lacks
        browser.findElement(By.id("logout")).click();
        logIn(admin);
        browser.findElement(By.cssSelector("#nav a[data-page='bundles']")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("drop-zone")));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#bundles [data-action='stop']")));
    }

    private void logIn(String secret) {
        WebElement token = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("token")));
        token.clear();
        token.sendKeys(secret);
        browser.findElement(By.id("login-button")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("session")));
    }

    private Object script(String code, Object... arguments) {
        return ((JavascriptExecutor) browser).executeScript(code, arguments);
    }

    /** @return the forecast canvas's pixels that are not transparent */
    private long coloredPixels() {
        return (Long) script(PIXELS + "return count(p => p[3] > 0);");
    }

    /** @return the pixels shaded only by the widest band: the mean's blue at low opacity */
    private long bandPixels() {
        return (Long) script(PIXELS + "return count(p => p[2] > 200 && p[0] < 60 && p[3] > 20 && p[3] < 60);");
    }

    private static final String PIXELS = "const canvas = document.getElementById('forecast-chart');"
            + "const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;"
            + "const count = test => { let n = 0; for (let i = 0; i < data.length; i += 4) {"
            + " if (test([data[i], data[i + 1], data[i + 2], data[i + 3]])) n++; } return n; };";

    private void screenshot(String name) throws IOException {
        Path folder = Path.of(System.getProperty("it.screenshots", "target/screenshots"));
        Files.createDirectories(folder);
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), folder.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    private static String firstAdminToken() throws InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        Pattern pattern = Pattern.compile("MERCATOR_ADMIN_TOKEN=(\\S+)");
        while (System.currentTimeMillis() < deadline) {
            Matcher token = pattern.matcher(installation.consoleText());
            if (token.find()) {
                return token.group(1);
            }
            Thread.sleep(100);
        }
        fail("no admin token on the console:\n" + installation.consoleText());
        return null;
    }

    private static String createToken(String name, String role) throws IOException, InterruptedException {
        String answer = api("POST", "/api/v1/tokens", admin, "{\"name\":\"" + name + "\",\"role\":\"" + role + "\"}");
        JsonObject created = JsonParser.parseString(answer).getAsJsonObject();
        return created.get("token").getAsString();
    }

    private static String api(String method, String path, String token, String json)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(method + " " + path + " -> " + response.statusCode() + " " + response.body(),
                response.statusCode() / 100 == 2);
        return response.body();
    }

    private static String api(String method, String path, String token) throws IOException, InterruptedException {
        return api(method, path, token, null);
    }
}

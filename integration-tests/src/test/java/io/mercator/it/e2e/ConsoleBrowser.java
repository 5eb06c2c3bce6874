package io.mercator.it.e2e;

import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * The system's headless Chromium (Debian {@code chromium} and {@code chromium-driver}) on the web console
 * of a running installation, with what the console tests do over and over: log in, run scripts in the
 * page, save screenshots to {@code target/screenshots/} (system property {@code it.screenshots}).
 */
final class ConsoleBrowser implements AutoCloseable {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final WebDriver driver;
    private final WebDriverWait wait;

    /** Fails the test, saying what to install, when the system has no Chromium: CI installs it, so never skip. */
    static void assertChromiumInstalled() {
        assertTrue("Chromium is not installed: the console tests drive the system's headless Chromium; install it "
                + "with 'apt-get install -y chromium chromium-driver' (CI's .ci/run does)",
                Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER));
    }

    /**
     * @param profile a fresh folder for the browser's profile
     */
    ConsoleBrowser(Path profile) {
        assertChromiumInstalled();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // the network is closed here: no background traffic, updates, sync or first-run pages
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--window-size=1400,1000");
        // the driver is named explicitly, so that Selenium Manager never tries to download one
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(1400, 1000));
        wait = new WebDriverWait(driver, WAIT);
        wait.ignoring(StaleElementReferenceException.class);   // the pages re-render their tables
    }

    WebDriver driver() {
        return driver;
    }

    WebDriverWait await() {
        return wait;
    }

    WebElement find(By by) {
        return driver.findElement(by);
    }

    /**
     * Clicks an element once it is clickable. The pages re-render their tables while polling, so the
     * element found can go stale before the click; the wait then finds it again (a stale element
     * fails before the click is dispatched, so nothing is clicked twice).
     */
    void click(By by) {
        wait.until(current -> {
            WebElement element = ExpectedConditions.elementToBeClickable(by).apply(current);
            if (element == null) {
                return false;
            }
            element.click();
            return true;
        });
    }

    /** Logs in on the login form shown (after opening the console or logging out). */
    void logIn(String secret) {
        WebElement token = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("token")));
        token.clear();
        token.sendKeys(secret);
        driver.findElement(By.id("login-button")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("session")));
    }

    /** Opens a page by its link in the navigation bar. */
    void open(String page) {
        driver.findElement(By.cssSelector("#nav a[data-page='" + page + "']")).click();
        wait.until(ExpectedConditions.attributeToBe(By.id("view"), "data-page", page));
    }

    Object script(String code, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(code, arguments);
    }

    /** @return the pixels of a canvas that pass a test on [r, g, b, a] written in JavaScript, e.g. {@code p[3] > 0} */
    long pixels(String canvasId, String test) {
        return (Long) script("const canvas = document.getElementById(arguments[0]);"
                + "const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;"
                + "let n = 0; for (let i = 0; i < data.length; i += 4) {"
                + " const p = [data[i], data[i + 1], data[i + 2], data[i + 3]]; if (" + test + ") n++; }"
                + "return n;", canvasId);
    }

    void screenshot(String name) throws IOException {
        Path folder = Path.of(System.getProperty("it.screenshots", "target/screenshots"));
        Files.createDirectories(folder);
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), folder.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public void close() {
        driver.quit();
    }

    /** @return the admin token the installation printed on its console at first start */
    static String firstAdminToken(Installation installation) throws InterruptedException {
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

    /** @return the body of a successful API call (any other status fails the test) */
    static String api(Installation installation, String method, String path, String token, String json)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base(installation) + path))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token)
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

    /** @return the status of a GET with the token */
    static int status(Installation installation, String path, String token) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base(installation) + path))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    static String base(Installation installation) {
        return "http://127.0.0.1:" + installation.httpPort();
    }
}

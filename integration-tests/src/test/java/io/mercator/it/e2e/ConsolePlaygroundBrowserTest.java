package io.mercator.it.e2e;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.util.List;
import java.util.Map;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The query playground's model-backed tabs in headless Chromium, on an installation started with
 * {@code --demo} (which stores a model of every family): recommendations with similar items, the price
 * curve and the segments of customers, each drawn or listed from the API's answers.
 */
public class ConsolePlaygroundBrowserTest {

    @ClassRule
    public static final TemporaryFolder TEMP = new TemporaryFolder();

    private static Installation installation;
    private static ConsoleBrowser browser;

    @BeforeClass
    public static void startWithDemo() throws Exception {
        ConsoleBrowser.assertChromiumInstalled();
        installation = new Installation(TEMP.newFolder("installation").toPath());
        installation.start("--demo");
        String admin = ConsoleBrowser.firstAdminToken(installation);
        long deadline = System.currentTimeMillis() + 120_000;
        while (!installation.consoleText().contains("Demo: the planted truth")) {
            if (System.currentTimeMillis() > deadline) {
                fail("the demo did not finish:\n" + installation.consoleText());
            }
            Thread.sleep(100);
        }
        browser = new ConsoleBrowser(TEMP.newFolder("chromium").toPath());
        browser.driver().get(ConsoleBrowser.base(installation) + "/console/");
        browser.logIn(admin);
        browser.open("playground");
    }

    @AfterClass
    public static void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
        if (installation != null) {
            installation.close();
        }
    }

    @Test
    public void recommendationsListTheTopItemsAndTheirSimilarOnes() throws Exception {
        tab("recommend");
        browser.find(By.cssSelector("form.query button[type=submit]")).click();
        List<WebElement> items = browser.await().until(ExpectedConditions.numberOfElementsToBe(
                By.cssSelector("#recommend-list li"), 10));
        assertTrue(browser.find(By.cssSelector("#view p.muted")).getText().contains("item-knn"));
        String first = items.get(0).findElement(By.tagName("a")).getText();
        assertTrue(first, first.startsWith("SKU-"));
        items.get(0).findElement(By.tagName("a")).click();
        browser.await().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h3"),
                "Items like " + first));
        assertEquals(5, browser.driver().findElements(By.cssSelector(".columns > div:last-child li")).size());
        browser.screenshot("10-recommendations");
    }

    @Test
    public void thePriceCurveHasItsMostProfitableAllowedPriceAtTheRecommendation() throws Exception {
        tab("pricing");
        browser.find(By.cssSelector("form.query button[type=submit]")).click();
        browser.await().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#view p.muted"),
                "recommended"));
        WebElement canvas = browser.find(By.id("pricing-chart"));
        @SuppressWarnings("unchecked")
        List<Map<String, Number>> profit = (List<Map<String, Number>>) browser.script(
                "return Chart.getChart(arguments[0]).data.datasets[1].data", canvas);
        @SuppressWarnings("unchecked")
        Map<String, Number> recommended = ((List<Map<String, Number>>) browser.script(
                "return Chart.getChart(arguments[0]).data.datasets[2].data", canvas)).get(0);
        assertEquals(21, profit.size());
        double current = Double.parseDouble(browser.find(By.id("pricing-price")).getDomProperty("value"));
        for (Map<String, Number> point : profit) {
            double price = point.get("x").doubleValue();
            if (price >= current * 0.8 - 1e-9 && price <= current * 1.2 + 1e-9) {
                assertTrue("the profit at " + price + " is above the recommendation's",
                        point.get("y").doubleValue() <= recommended.get("y").doubleValue() + 1e-6);
            }
        }
        assertTrue("the recommended price is marked in red",
                browser.pixels("pricing-chart", "p[0] > 200 && p[1] < 80 && p[2] < 80 && p[3] > 200") > 20);
        browser.screenshot("11-price-curve");
    }

    @Test
    public void segmentsOfFortyCustomersAreCountedAndListed() throws Exception {
        tab("segments");
        browser.find(By.cssSelector("form.query button[type=submit]")).click();
        browser.await().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#view p.muted"),
                "40 customers in"));
        assertEquals(40, browser.driver().findElements(By.cssSelector("#view table tr")).size() - 1);
        Number counted = (Number) browser.script("return Chart.getChart(document.getElementById('segments-chart'))"
                + ".data.datasets[0].data.reduce((a, b) => a + b, 0)");
        assertEquals(40, counted.intValue());
        assertTrue(browser.pixels("segments-chart", "p[3] > 0") > 1_000);
        browser.screenshot("12-segments");
    }

    private static void tab(String name) {
        browser.find(By.cssSelector("#view .tabs button[data-tab='" + name + "']")).click();
    }
}

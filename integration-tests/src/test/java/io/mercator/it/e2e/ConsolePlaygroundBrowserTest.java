package io.mercator.it.e2e;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
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
import org.openqa.selenium.support.ui.Select;

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
    private static String admin;

    @BeforeClass
    public static void startWithDemo() throws Exception {
        ConsoleBrowser.assertChromiumInstalled();
        installation = new Installation(TEMP.newFolder("installation").toPath());
        installation.start("--demo");
        admin = ConsoleBrowser.firstAdminToken(installation);
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
    public void recommendationsListTheTopItemsByNameAndTheirSimilarOnes() throws Exception {
        tab("recommend");
        browser.click(By.cssSelector("form.query button[type=submit]"));
        List<WebElement> items = browser.await().until(ExpectedConditions.numberOfElementsToBe(
                By.cssSelector("#recommend-list li"), 10));
        assertTrue(browser.find(By.cssSelector("#view p.muted")).getText().contains("item-knn"));
        WebElement first = items.get(0);
        String id = first.getAttribute("title");
        assertTrue(id, id.startsWith("SKU-"));
        // the name and category the demo's product catalogue gives the item, as the API looks them up
        JsonObject known = JsonParser.parseString(ConsoleBrowser.api(installation, "GET",
                "/api/v1/filtering/items?ids=" + id, admin, null)).getAsJsonObject().getAsJsonArray("items")
                .get(0).getAsJsonObject();
        String name = first.findElement(By.cssSelector(".item-name")).getText();
        assertEquals(known.get("name").getAsString(), name);
        assertEquals(id + " · " + known.get("category").getAsString(),
                first.findElement(By.cssSelector(".item .muted")).getText());
        browser.click(By.cssSelector("#recommend-list li:first-child a"));
        browser.await().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h3"),
                "Items like " + name));
        List<WebElement> similar = browser.driver().findElements(By.cssSelector(".columns > div:last-child li"));
        assertEquals(5, similar.size());
        for (WebElement line : similar) {
            String shown = line.findElement(By.cssSelector(".item-name")).getText();
            assertTrue("a name, not the id: " + shown, !shown.isBlank() && !shown.equals(line.getAttribute("title")));
        }
        browser.screenshot("10-recommendations");
    }

    @Test
    public void thePriceCurveHasItsMostProfitableAllowedPriceAtTheRecommendation() throws Exception {
        tab("pricing");
        browser.click(By.cssSelector("form.query button[type=submit]"));
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
        browser.click(By.cssSelector("form.query button[type=submit]"));
        browser.await().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#view p.muted"),
                "40 customers in"));
        assertEquals(40, browser.driver().findElements(By.cssSelector("#segments-table tr")).size() - 1);
        Number counted = (Number) browser.script("return Chart.getChart(document.getElementById('segments-chart'))"
                + ".data.datasets[0].data.reduce((a, b) => a + b, 0)");
        assertEquals(40, counted.intValue());
        assertTrue(browser.pixels("segments-chart", "p[3] > 0") > 1_000);
        List<WebElement> profiles = browser.driver().findElements(By.cssSelector("#profiles-table tr"));
        assertTrue("a profile row per segment", profiles.size() > 2);
        for (WebElement profile : profiles.subList(1, profiles.size())) {
            List<WebElement> cells = profile.findElements(By.tagName("td"));
            assertTrue(cells.get(0).getText(), !cells.get(0).getText().isBlank());
            assertTrue("a segment size: " + cells.get(1).getText(), Integer.parseInt(cells.get(1).getText()) > 0);
        }
        browser.screenshot("12-segments");
    }

    @Test
    public void aReorderPlanOfTheDemoPositionsIsTabledAndCharted() throws Exception {
        tab("plan");
        browser.click(By.cssSelector("form.query button[type=submit]"));
        browser.await().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#view p.muted"),
                "6 SKU-locations"));
        List<WebElement> rows = browser.driver().findElements(By.cssSelector("#plan-table tr"));
        assertEquals(7, rows.size());
        assertTrue(rows.get(1).getText().startsWith("S01/SKU-00001"));
        Number orders = (Number) browser.script("const data = Chart.getChart(document.getElementById('plan-chart'))"
                + ".data.datasets[0].data; return data.filter(q => q < 0).length * 1000 + data.length");
        assertEquals("six order quantities, none negative", 6, orders.intValue());
        Number ordered = (Number) browser.script("return Chart.getChart(document.getElementById('plan-chart'))"
                + ".data.datasets[0].data.reduce((a, b) => a + b, 0)");
        assertTrue("the SKU-location with nothing on hand is ordered", ordered.doubleValue() > 0);
        assertTrue(browser.pixels("plan-chart", "p[3] > 0") > 500);
        browser.screenshot("13-reorder-plan");
    }

    @Test
    public void aDroppedCsvIsTrainedWithLiveProgressIntoAModelAndAnEvaluationFillsTheLeaderboard() throws Exception {
        try {
            browser.open("datasets");
            new Select(browser.find(By.id("dataset-family"))).selectByValue("forecasting");
            // a bad row first: the report names its line, column and field
            drop("dataset-drop-zone", "bad.csv", "text/csv", "series_id,period,value\ns1,1,4\ns1,2,four\n");
            WebElement bad = browser.await().until(ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("#validation-report.rejected #bad-rows tbody tr")));
            assertTrue(bad.getText(), bad.getText().startsWith("bad.csv 3 value value four"));
            browser.screenshot("20-dataset-rejected");

            StringBuilder csv = new StringBuilder("series_id,period,value\n");
            for (int period = 1; period <= 36; period++) {
                csv.append("s1,").append(period).append(',').append(10 + period % 7).append('\n');
            }
            drop("dataset-drop-zone", "weekly.csv", "text/csv", csv.toString());
            WebElement row = browser.await().until(ExpectedConditions.presenceOfElementLocated(
                    By.xpath("//table[@id='datasets']//tr[td[1]/div[1][text()='weekly.csv']]")));
            assertTrue(row.getText(), row.getText().contains("36"));
            browser.await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("validation-report"),
                    "36 rows read, 36 imported, 0 bad"));
            browser.screenshot("21-dataset-imported");

            browser.open("jobs");
            Select datasets = new Select(browser.await().until(ExpectedConditions.presenceOfElementLocated(
                    By.xpath("//select[@id='job-dataset'][option[starts-with(text(), 'weekly.csv')]]"))));
            datasets.selectByVisibleText(datasets.getOptions().stream().map(WebElement::getText)
                    .filter(text -> text.startsWith("weekly.csv")).findFirst().orElseThrow());
            browser.await().until(ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("#job-strategy option[value='theta']")));
            new Select(browser.find(By.id("job-strategy"))).selectByValue("theta");
            browser.click(By.id("job-start"));
            WebElement done = browser.await().until(ExpectedConditions.presenceOfElementLocated(By.xpath(
                    "//table[@id='jobs']//tr[@data-state='SUCCEEDED'][td[3][starts-with(text(), 'theta')]]")));
            assertEquals("100%", done.findElement(By.cssSelector(".progress-text")).getText());
            String modelId = done.findElements(By.tagName("td")).get(6).getText();
            assertTrue(done.getText(), modelId.length() > 8);
            browser.screenshot("22-job-done");

            browser.open("models");
            WebElement model = browser.await().until(ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("#models tr[data-id='" + modelId + "']")));
            assertTrue(model.getText(), model.getText().contains("theta"));
            browser.screenshot("23-models");
            browser.click(By.cssSelector("#models tr[data-id='" + modelId + "'] [data-action='delete']"));
            browser.await().until(ExpectedConditions.alertIsPresent()).accept();
            browser.await().until(ExpectedConditions.numberOfElementsToBe(
                    By.cssSelector("#models tr[data-id='" + modelId + "']"), 0));

            browser.open("evaluations");
            WebElement strategies = browser.find(By.id("evaluation-strategies"));
            strategies.sendKeys("naive, snaive, mean");
            browser.click(By.id("evaluation-run"));
            List<WebElement> ranked = browser.await().until(ExpectedConditions.numberOfElementsToBe(
                    By.cssSelector("#leaderboard-table tbody tr"), 3));
            assertTrue(browser.find(By.id("leaderboard")).getText().contains("Ranked by MASE (lower is better)"));
            double previous = Double.NEGATIVE_INFINITY;
            for (WebElement line : ranked) {
                double mase = Double.parseDouble(line.findElement(By.cssSelector("td.main")).getText()
                        .replace(",", ""));
                assertTrue(mase + " after " + previous, mase >= previous);
                previous = mase;
            }
            browser.screenshot("24-evaluation-leaderboard");
        } finally {
            browser.open("playground");
        }
    }

    @Test
    public void theItemCatalogueIsShownAndAReplacementWithABadLineIsRefusedNamingIt() throws Exception {
        String items = Files.readString(installation.home().resolve("data/items.csv"));
        long count = items.lines().count() - 1;
        browser.open("datasets");
        try {
            browser.await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("item-catalogue-summary"),
                    count + " items named in recommendations"));
            assertEquals(5, browser.driver().findElements(By.cssSelector("#item-catalogue li")).size());
            drop("catalogue-drop-zone", "renamed.csv", "text/csv", "sku,name\nSKU-00001,Oat milk\nSKU-00002,\n");
            browser.await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"),
                    "renamed.csv, line 3, column 2 (name): item 'SKU-00002' has no name"));
            browser.screenshot("14-item-catalogue-refused");
            // the same catalogue again: accepted, and the recommendations keep their names
            drop("catalogue-drop-zone", "items.csv", "text/csv", items);
            browser.await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"),
                    "items.csv: the item catalogue has " + count + " items now"));
        } finally {
            browser.open("playground");
        }
    }

    /** Drops a file on a drop zone as a person dragging it from the desktop would. */
    private static void drop(String zone, String name, String type, String content) {
        browser.script("const files = new DataTransfer();"
                + "files.items.add(new File([arguments[2]], arguments[0], {type: arguments[1]}));"
                + "document.getElementById(arguments[3]).dispatchEvent(new DragEvent('drop', {dataTransfer: files,"
                + " bubbles: true, cancelable: true}));", name, type, content, zone);
    }

    private static void tab(String name) {
        browser.click(By.cssSelector("#view .tabs button[data-tab='" + name + "']"));
    }
}

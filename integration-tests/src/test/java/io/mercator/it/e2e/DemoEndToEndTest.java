package io.mercator.it.e2e;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.junit.runners.MethodSorters;

/**
 * {@code start --demo} of the shipped distribution, queried through the CLI: every family answers
 * from the models the demo trained as jobs on the registered demo data sets, the answers make
 * sense against the demo files, and a restart (the last test: methods run in name order) reuses the
 * data sets and models without training.
 */
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class DemoEndToEndTest {

    @ClassRule
    public static final TemporaryFolder TEMP = new TemporaryFolder();

    private static final String DEMO_DONE = "Demo: the planted truth";
    private static final long DEMO_TIMEOUT_MS = 240_000;

    private static Installation installation;
    private static Path demo;

    @BeforeClass
    public static void startWithDemo() throws Exception {
        installation = new Installation(TEMP.getRoot().toPath());
        installation.start("--demo");
        awaitDemo();
        demo = installation.home().resolve("data/demo");
    }

    @AfterClass
    public static void stop() throws Exception {
        installation.close();
    }

    /** Waits for the end of the demo's showcase on the console of the last start. */
    private static void awaitDemo() throws InterruptedException {
        long deadline = System.currentTimeMillis() + DEMO_TIMEOUT_MS;
        while (!installation.consoleText().contains(DEMO_DONE)) {
            if (System.currentTimeMillis() > deadline || !installation.server().isAlive()) {
                fail("the demo did not finish:\n" + installation.consoleText());
            }
            Thread.sleep(100);
        }
    }

    private static int occurrences(String text, String what) {
        int count = 0;
        for (int at = text.indexOf(what); at >= 0; at = text.indexOf(what, at + 1)) {
            count++;
        }
        return count;
    }

    private static JsonObject json(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(args));
        command.add("--json");
        Installation.Result result = installation.cli(command.toArray(new String[0]));
        assertEquals(result.toString(), 0, result.exit());
        return JsonParser.parseString(result.out()).getAsJsonObject();
    }

    @Test
    public void forecastHasTheHorizonAndNestedIntervals() throws Exception {
        JsonObject answer = json("forecast", "S01/SKU-00001", "S02/SKU-00007", "--horizon", "14", "--levels", "80,95");
        assertTrue(answer.toString(), answer.getAsJsonObject("model").get("id").getAsString().length() > 0);
        JsonArray forecasts = answer.getAsJsonArray("forecasts");
        assertEquals(2, forecasts.size());
        for (JsonElement element : forecasts) {
            JsonObject forecast = element.getAsJsonObject();
            JsonArray mean = forecast.getAsJsonArray("mean");
            assertEquals(14, mean.size());
            JsonArray intervals = forecast.getAsJsonArray("intervals");
            assertEquals(2, intervals.size());
            JsonObject inner = intervals.get(0).getAsJsonObject();
            JsonObject outer = intervals.get(1).getAsJsonObject();
            assertEquals(80, inner.get("level").getAsDouble(), 0);
            assertEquals(95, outer.get("level").getAsDouble(), 0);
            for (int step = 0; step < 14; step++) {
                double m = mean.get(step).getAsDouble();
                assertTrue("daily units are not negative: " + m, m >= 0);
                double lower80 = inner.getAsJsonArray("lower").get(step).getAsDouble();
                double upper80 = inner.getAsJsonArray("upper").get(step).getAsDouble();
                assertTrue(forecast.toString(), lower80 <= m && m <= upper80 && upper80 > lower80);
                assertTrue("95% contains 80%", outer.getAsJsonArray("lower").get(step).getAsDouble() <= lower80
                        && outer.getAsJsonArray("upper").get(step).getAsDouble() >= upper80);
            }
        }
        Installation.Result table = installation.cli("forecast", "S01/SKU-00001", "--horizon", "3");
        assertEquals(table.toString(), 0, table.exit());
        assertTrue(table.out(), table.out().contains("SERIES"));
        assertEquals(table.out(), 3, table.out().lines().filter(line -> line.startsWith("S01/SKU-00001")).count());
    }

    @Test
    public void recommendationsLeaveOutWhatTheCustomerBought() throws Exception {
        Map<String, Set<String>> bought = new HashMap<>();
        List<String> lines = Files.readAllLines(demo.resolve("transactions.csv"));
        List<String> header = List.of(lines.get(0).split(","));
        int customer = header.indexOf("customer");
        int sku = header.indexOf("sku");
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",");
            bought.computeIfAbsent(cells[customer], c -> new TreeSet<>()).add(cells[sku]);
        }
        // the customer who bought the fewest products leaves the most to recommend
        String user = bought.entrySet().stream().min(Map.Entry.comparingByValue((a, b) -> a.size() - b.size()))
                .orElseThrow().getKey();
        Set<String> purchased = bought.get(user);
        JsonObject plain = json("recommend", user, "-n", "5");
        assertEquals(5, plain.getAsJsonArray("items").size());
        // the table names the items as the demo's product catalogue does
        JsonObject best = plain.getAsJsonArray("items").get(0).getAsJsonObject();
        Installation.Result table = installation.cli("recommend", user, "-n", "5");
        assertEquals(table.toString(), 0, table.exit());
        assertTrue(table.out(), table.out().contains("NAME") && table.out().contains("CATEGORY"));
        String catalogueLine = Files.readAllLines(demo.resolve("catalogue.csv")).stream()
                .filter(line -> line.startsWith(best.get("item").getAsString() + ",")).findFirst().orElseThrow();
        String name = catalogueLine.split(",")[1];
        assertEquals(name, best.get("name").getAsString());
        assertTrue(table.out(), table.out().lines().anyMatch(line -> line.contains(best.get("item").getAsString())
                && line.contains(name)));

        JsonObject answer = json("recommend", user, "-n", "5", "--exclude", String.join(",", purchased));
        JsonArray items = answer.getAsJsonArray("items");
        assertFalse("something is left to recommend to " + user, items.isEmpty());
        double previous = Double.POSITIVE_INFINITY;
        for (JsonElement element : items) {
            String item = element.getAsJsonObject().get("item").getAsString();
            assertFalse(user + " bought " + item + " already", purchased.contains(item));
            double score = element.getAsJsonObject().get("score").getAsDouble();
            assertTrue("best first", score <= previous);
            previous = score;
        }

        Installation.Result unknown = installation.cli("recommend", "nobody");
        assertEquals(unknown.toString(), 1, unknown.exit());
        assertEquals(unknown.toString(), "mercator: user 'nobody' is not in the model's training data",
                unknown.err().strip());
    }

    @Test
    public void planQuantitiesAreNotNegative() throws Exception {
        JsonObject answer = json("plan", "--input", demo.resolve("optimization/position.csv").toString());
        JsonArray plan = answer.getAsJsonArray("plan");
        assertEquals("3 stores x 40 products", 120, plan.size());
        int ordering = 0;
        for (JsonElement element : plan) {
            JsonObject line = element.getAsJsonObject();
            double order = line.get("orderQuantity").getAsDouble();
            assertTrue(line.toString(), order >= 0 && line.get("safetyStock").getAsDouble() >= 0);
            assertTrue(line.toString(), line.get("orderUpTo").getAsDouble() >= line.get("reorderPoint").getAsDouble());
            double fillRate = line.get("expectedFillRate").getAsDouble();
            assertTrue(line.toString(), fillRate > 0.5 && fillRate <= 1);
            ordering += order > 0 ? 1 : 0;
        }
        assertTrue("stock of one week is below the reorder point of most", ordering > 60);

        Path broken = TEMP.newFile("position.csv").toPath();
        Files.writeString(broken, "sku,demand_mean,demand_std_dev,lead_time_mean,on_hand,unit_cost,holding_cost_rate,"
                + "target_service_level\nS01/SKU-00001,lots,1,2,3,4,0.1,0.95\n");
        Installation.Result rejected = installation.cli("plan", "--input", broken.toString());
        assertEquals(rejected.toString(), 1, rejected.exit());
        assertEquals(rejected.toString(), "mercator: " + broken + " line 2 column 2 (demand_mean): 'lots' is not a "
                + "number", rejected.err().strip());

        // plan-wide limits: warehouse, supplier and penalty columns, capacities and a budget are passed on
        Path limited = TEMP.newFile("limited.csv").toPath();
        String header = "sku,demand_mean,demand_std_dev,lead_time_mean,on_hand,unit_cost,holding_cost_rate,"
                + "target_service_level,warehouse,supplier,stock_out_penalty\n";
        Files.writeString(limited, header + "S01/SKU-00001,10,2,2,0,5,0.01,0.95,W1,S1,40\n"
                + "S01/SKU-00002,10,2,2,0,5,0.01,0.95,W1,S1,-1\n");
        Installation.Result penalty = installation.cli("plan", "--input", limited.toString(), "--capacity", "W1=10");
        assertEquals(penalty.toString(), 1, penalty.exit());
        assertEquals(penalty.toString(), "mercator: " + limited + " line 3 (stock_out_penalty): -1.0 is not an amount "
                + ">= 0", penalty.err().strip());
        Files.writeString(limited, header + "S01/SKU-00001,10,2,2,0,5,0.01,0.95,W1,S1,40\n");
        JsonObject planned = json("plan", "--input", limited.toString(), "--capacity", "W1=10",
                "--supplier-capacity", "S1=50", "--budget", "1000");
        assertEquals(1, planned.getAsJsonArray("plan").size());
        Installation.Result budget = installation.cli("plan", "--input", limited.toString(), "--budget", "-5");
        assertEquals(budget.toString(), 1, budget.exit());
        assertEquals(budget.toString(), "mercator: --budget: -5.0 is not a finite amount >= 0", budget.err().strip());
    }

    @Test
    public void segmentCountsMatchTheDemoProfiles() throws Exception {
        Matcher profile = Pattern.compile("Demo segmentation: (\\S+)\\s+(\\d+)\\s+\\d").matcher(
                installation.consoleText());
        Map<String, Integer> shown = new TreeMap<>();
        while (profile.find()) {
            shown.putIfAbsent(profile.group(1), Integer.parseInt(profile.group(2)));
        }
        assertFalse(installation.consoleText(), shown.isEmpty());
        List<String> customers = Files.readAllLines(demo.resolve("truth/customers.csv")).stream().skip(1)
                .map(line -> line.split(",")[0]).collect(Collectors.toList());
        List<String> command = new ArrayList<>(List.of("segment"));
        command.addAll(customers);
        JsonObject answer = json(command.toArray(new String[0]));
        Map<String, Integer> counted = new TreeMap<>();
        for (JsonElement element : answer.getAsJsonArray("assignments")) {
            counted.merge(element.getAsJsonObject().get("segment").getAsString(), 1, Integer::sum);
        }
        int active = counted.values().stream().mapToInt(Integer::intValue).sum();
        assertEquals("every customer of the truth has a segment", customers.size(), active);
        assertEquals(shown, counted);
    }

    @Test
    public void pricesStayWithinTheRules() throws Exception {
        List<String> request = Files.readAllLines(demo.resolve("pricing/request.csv"));
        assertEquals("product,unit_cost,current_price,min_price,max_price", request.get(0));
        Map<String, double[]> bounds = new HashMap<>();
        for (String line : request.subList(1, request.size())) {
            String[] cells = line.split(",");
            bounds.put(cells[0], new double[] {Double.parseDouble(cells[3]), Double.parseDouble(cells[4]),
                Double.parseDouble(cells[2])});
        }
        JsonObject answer = json("price", "--input", demo.resolve("pricing/request.csv").toString());
        JsonArray prices = answer.getAsJsonArray("prices");
        assertEquals(40, prices.size());
        for (JsonElement element : prices) {
            JsonObject price = element.getAsJsonObject();
            double[] allowed = bounds.get(price.get("id").getAsString());
            double advised = price.get("price").getAsDouble();
            assertTrue(price.toString(), advised >= allowed[0] - 1e-9 && advised <= allowed[1] + 1e-9);
            assertEquals(advised * price.get("expectedUnits").getAsDouble(),
                    price.get("expectedRevenue").getAsDouble(), 1e-6);
        }
        // the CLI's rules reach the model: at most 2% away from today's price
        JsonObject limited = json("price", "--input", demo.resolve("pricing/request.csv").toString(), "--max-change",
                "0.02");
        for (JsonElement element : limited.getAsJsonArray("prices")) {
            JsonObject price = element.getAsJsonObject();
            double current = bounds.get(price.get("id").getAsString())[2];
            assertTrue(price.toString(), Math.abs(price.get("price").getAsDouble() - current) <= 0.02 * current + 1e-9);
        }
    }

    @Test
    public void theNextStartReusesTheDataSetsAndModels() throws Exception {
        Path access = installation.home().resolve("run/rest.json");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(access)));
        List<String> jobsBefore = jobIds();
        assertEquals(installation.cli("jobs").out(), 5, jobsBefore.size());
        List<String> datasetsBefore = datasetIds();
        assertEquals(5, datasetsBefore.size());

        Installation.Result stopped = installation.cli("stop");
        assertEquals(stopped.toString(), 0, stopped.exit());
        installation.server().waitFor();
        assertFalse("the local token's file is deleted at stop", Files.exists(access));

        installation.start("--demo");
        awaitDemo();
        String second = installation.consoleText();
        assertEquals(second, 5, occurrences(second, "reusing model"));
        assertEquals(second, 0, occurrences(second, "as job job-"));
        assertEquals(jobsBefore, jobIds());
        assertEquals(datasetsBefore, datasetIds());
        assertEquals(5, json("recommend", "C000001", "-n", "5").getAsJsonArray("items").size());
    }

    private static List<String> jobIds() throws IOException, InterruptedException {
        return firstColumn(installation.cli("jobs"), "job-");
    }

    private static List<String> datasetIds() throws IOException, InterruptedException {
        return firstColumn(installation.cli("datasets"), "");
    }

    private static List<String> firstColumn(Installation.Result listing, String prefix) {
        assertEquals(listing.toString(), 0, listing.exit());
        return listing.out().lines().skip(1).map(line -> line.split("\\s+")[0])
                .filter(id -> id.startsWith(prefix) && !id.isEmpty()).sorted().collect(Collectors.toList());
    }
}

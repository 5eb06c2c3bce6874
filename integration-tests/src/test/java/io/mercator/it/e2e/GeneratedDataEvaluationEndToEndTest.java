package io.mercator.it.e2e;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * What {@code mercator generate} writes is what {@code mercator evaluate} reads: every family's
 * evaluator scores built-in strategies on the generated retailer through the shipped distribution.
 */
public class GeneratedDataEvaluationEndToEndTest {

    @ClassRule
    public static final TemporaryFolder TEMP = new TemporaryFolder();

    private static Installation installation;
    private static Path data;

    @BeforeClass
    public static void startServerAndGenerate() throws Exception {
        installation = new Installation(TEMP.getRoot().toPath());
        installation.start();
        data = TEMP.getRoot().toPath().resolve("generated");
        Installation.Result generated = installation.cli("generate", "--out", data.toString());
        assertEquals(generated.toString(), 0, generated.exit());
    }

    @AfterClass
    public static void stopServer() throws Exception {
        installation.close();
    }

    /** Runs an evaluation and checks that it printed one row per strategy asked for. */
    private static String evaluate(String family, String file, List<String> strategies, String... options)
            throws Exception {
        List<String> args = new ArrayList<>(List.of("evaluate", family, data.resolve(file).toString()));
        strategies.forEach(strategy -> args.addAll(List.of("-s", strategy)));
        args.addAll(Arrays.asList(options));
        Installation.Result result = installation.cli(args.toArray(String[]::new));
        assertEquals(result.toString(), 0, result.exit());
        for (String strategy : strategies) {
            assertTrue(strategy + " has no row:\n" + result.out(),
                    result.out().lines().anyMatch(line -> line.startsWith(strategy + "@")));
        }
        return result.out();
    }

    @Test
    public void forecastingScoresTheDailyDemand() throws Exception {
        String out = evaluate("forecasting", "forecasting/demand.csv", List.of("naive", "snaive", "mean"),
                "-o", "horizon=7");
        assertTrue(out, out.startsWith("forecasting on demand.csv: 120 series"));
    }

    @Test
    public void filteringScoresTheRatings() throws Exception {
        String out = evaluate("filtering", "filtering/ratings.csv", List.of("popularity", "item-knn"));
        assertTrue(out, out.matches("(?s).*data: \\d+ rows, \\d+ users, 40 items.*"));
    }

    @Test
    public void optimizationReplaysTheWeeklyDemand() throws Exception {
        String out = evaluate("optimization", "optimization/demand.csv", List.of("order-up-to", "min-max"));
        assertTrue(out, out.startsWith("optimization on demand.csv: 120 SKUs"));
    }

    /** The planted demand, simulated period by period: the (R,S) policy delivers the fill rate it was asked for. */
    @Test
    public void orderUpToHitsItsFillRateTargetInSimulation() throws Exception {
        String out = evaluate("optimization", "optimization/demand.csv", List.of("order-up-to"), "-o", "demand=simulated",
                "-o", "target=0.95");
        String row = out.lines().filter(line -> line.startsWith("order-up-to@1.0.0 ")).findFirst().orElseThrow();
        double fillRate = Double.parseDouble(row.trim().split("\\s+")[1]);
        // measured: 0.943 with the generator's default seed; tolerance: one point, as the optimization issue asks
        assertEquals(out, 0.95, fillRate, 0.01);
    }

    @Test
    public void segmentationScoresTheInvoicesWithTheGivenParameters() throws Exception {
        String out = evaluate("segmentation", "segmentation/transactions.csv", List.of("rfm", "kmeans"),
                "-p", "kmeans.k=4");
        assertTrue(out, out.startsWith("segmentation on transactions.csv: 400 customers"));
        // columns: strategy, segments, ...: the caller's k reached the strategy
        assertTrue(out, out.lines().anyMatch(line -> line.matches("kmeans@1\\.0\\.0\\s+4\\.000\\s.*")));
    }

    @Test
    public void pricingScoresThePrices() throws Exception {
        String out = evaluate("pricing", "pricing/prices.csv", List.of("log-log"));
        assertTrue(out, out.startsWith("pricing on prices.csv: 40 products"));
    }
}

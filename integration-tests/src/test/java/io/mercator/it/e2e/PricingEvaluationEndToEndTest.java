package io.mercator.it.e2e;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.Test;

/**
 * {@code mercator evaluate pricing} on the shipped distribution: a small price file generated from
 * known constant-elasticity demand goes through the CLI, the server, the pricing evaluator and
 * the built-in log-log strategy, and the printed table shows the planted elasticities.
 */
public class PricingEvaluationEndToEndTest extends StartedInstallation {

    @Test
    public void evaluatePrintsOneRowPerStrategyAndThePlantedElasticities() throws Exception {
        // units = 1000 * price^e exactly, e = -2 for "juice" and -3 for "soda", in two stores over 30 weeks
        StringBuilder csv = new StringBuilder("product,location,period,price,units,promo,feature\n");
        for (int week = 1; week <= 30; week++) {
            for (String store : new String[] {"north", "south"}) {
                double price = 2 + 0.05 * ((week * 7) % 11);
                csv.append(String.format(Locale.ROOT, "juice,%s,%d,%.2f,%.6f,0,0%n", store, week, price,
                        1000 * Math.pow(price, -2)));
                csv.append(String.format(Locale.ROOT, "soda,%s,%d,%.2f,%.6f,0,0%n", store, week, price + 0.3,
                        1000 * Math.pow(price + 0.3, -3)));
            }
        }
        Path data = TEMP.getRoot().toPath().resolve("prices.csv");
        Files.writeString(data, csv);

        Installation.Result result = installation.cli("evaluate", "pricing", data.toString(), "-o", "holdoutPeriods=5");
        String out = result.out();
        assertEquals(result.toString(), 0, result.exit());
        assertTrue(out, out.startsWith("pricing on prices.csv: 2 products, 100 training and 20 held-out rows"));
        assertTrue(out, out.lines().anyMatch(line -> line.startsWith("log-log@1.1.0 ")));
        assertTrue(out, out.lines().anyMatch(line -> line.startsWith("pooled-log-log@1.0.0 ")));
        assertTrue(out, out.contains("juice -2.00 [") && out.contains("soda -3.00 ["));
    }
}

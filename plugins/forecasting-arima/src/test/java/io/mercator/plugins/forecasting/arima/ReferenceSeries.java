package io.mercator.plugins.forecasting.arima;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Test series: R's textbook data sets (public domain) stored as resources by
 * {@code benchmarks/r/arima-reference.R}, and M3 series read from the shared data folder
 * (../shared/data from the repository root; tests using them are skipped without it).
 */
final class ReferenceSeries {

    private ReferenceSeries() {
    }

    /** @return the values of a resource written by the R script, one per line */
    static double[] resource(String name) throws IOException {
        try (InputStream in = ReferenceSeries.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::trim)
                    .mapToDouble(Double::parseDouble).toArray();
        }
    }

    /** @return log(AirPassengers), the airline model's textbook series */
    static double[] logAirPassengers() throws IOException {
        double[] values = resource("airpassengers.txt");
        for (int t = 0; t < values.length; t++) {
            values[t] = Math.log(values[t]);
        }
        return values;
    }

    /** @return the training part of an M3 series */
    static double[] m3(String id) throws IOException {
        Path train = null;
        for (Path folder = Path.of("").toAbsolutePath(); folder != null; folder = folder.getParent()) {
            Path candidate = folder.resolve("shared/data/m3/train.csv.gz");
            if (Files.isRegularFile(candidate)) {
                train = candidate;
                break;
            }
        }
        assumeTrue(train != null, "the shared data folder (../shared/data) is not there");
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(train)), StandardCharsets.UTF_8))) {
            return reader.lines().filter(line -> line.startsWith("\"" + id + "\","))
                    .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(',') + 1))).toArray();
        }
    }
}

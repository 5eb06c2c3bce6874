package io.mercator.plugins.pricing.elasticity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mercator.api.Parameters;
import io.mercator.api.TrainingContext;
import io.mercator.api.pricing.Elasticity;
import io.mercator.api.pricing.PriceObservations;
import io.mercator.api.pricing.PricingModel;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.apache.commons.math3.distribution.TDistribution;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The log-log regression against R's {@code lm} on Dominick's orange juice (bayesm's
 * orangeJuice, {@code shared/data/dominicks-oj/sales.csv.gz}). The reference numbers were printed
 * by {@code Rscript benchmarks/r/pricing-reference.R ../shared/data/dominicks-oj/sales.csv.gz}
 * (R 4.2.2): per brand, {@code lm(logmove ~ factor(store) + own + substitute + deal + feat + sin1 +
 * cos1 + sin2 + cos2)} with own = log own price, substitute = mean log price of the other ten
 * brands in the row, and the seasonal terms of period 52 weeks: the strategy's specification with
 * shrinkage off.
 */
class LogLogReferenceTest {

    /** Per brand 1..11: R's coefficient of log own price, its standard error, the substitute's and its error. */
    private static final double[][] R_LM = {
        {-2.672891, 0.027253, 1.441196, 0.050859},
        {-1.843970, 0.034351, 0.841077, 0.035282},
        {-3.253110, 0.046809, 2.168273, 0.055771},
        {-3.752444, 0.053900, 3.133942, 0.088632},
        {-3.033084, 0.041369, 2.696482, 0.074876},
        {-2.251460, 0.031275, 1.208984, 0.042048},
        {-3.541943, 0.047700, 3.487480, 0.065301},
        {-2.867971, 0.036723, 3.121395, 0.051048},
        {-3.994302, 0.050102, 4.495760, 0.106790},
        {-3.004734, 0.040374, 1.614210, 0.097016},
        {-1.054198, 0.025921, 0.000879, 0.048989},
    };
    /** Residual degrees of freedom of each brand's lm: 9,649 rows - 83 stores - 8 slopes. */
    private static final int DEGREES_OF_FREEDOM = 9558;

    private static PriceObservations juice;

    @BeforeAll
    static void readJuice() throws IOException {
        juice = readDominicks(sharedData("dominicks-oj/sales.csv.gz"));
    }

    /** Finds shared/data/FILE beside the repository or one of its parents (worktrees sit deeper). */
    static Path sharedData(String file) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolveSibling("shared").resolve("data").resolve(file);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no shared/data/" + file + " beside " + Path.of("").toAbsolutePath()
                + " or its parents: these reference tests need the shared data sets");
    }

    /** The bayesm layout: store, brand, week, logmove, constant, price1..price11, deal, feat, profit. */
    static PriceObservations readDominicks(Path file) throws IOException {
        PriceObservations.Builder builder = PriceObservations.builder();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
            reader.readLine();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String[] cell = line.replace("\"", "").split(",");
                int brand = Integer.parseInt(cell[1]);
                builder.add("brand" + brand, cell[0], Integer.parseInt(cell[2]), Double.parseDouble(cell[4 + brand]),
                        Math.exp(Double.parseDouble(cell[3])), "1".equals(cell[16]), Double.parseDouble(cell[17]));
            }
        }
        return builder.build();
    }

    @Test
    void ownAndSubstituteElasticitiesEqualRsLmWithTheirTIntervals() {
        LogLogStrategy strategy = new LogLogStrategy();
        PricingModel model = strategy.fit(juice, Parameters.resolve(strategy.descriptor().parameters(),
                Map.of("shrinkage", false)), TrainingContext.none());
        double t = new TDistribution(DEGREES_OF_FREEDOM).inverseCumulativeProbability(0.975);
        for (int b = 1; b <= R_LM.length; b++) {
            Elasticity own = model.elasticity("brand" + b);
            Elasticity substitute = model.substituteElasticity("brand" + b);
            double[] reference = R_LM[b - 1];
            assertEquals(reference[0], own.estimate(), 2e-6, "brand " + b + " own-price elasticity");
            assertEquals(reference[1] * t, own.upperBound() - own.estimate(), 2e-6, "brand " + b + " interval");
            assertEquals(reference[2], substitute.estimate(), 2e-6, "brand " + b + " cross elasticity");
            assertEquals(reference[3] * t, substitute.upperBound() - substitute.estimate(), 2e-6,
                    "brand " + b + " cross interval");
        }
    }

    @Test
    void shrunkElasticitiesStayNegativeAndNearTheirOwn() {
        LogLogStrategy strategy = new LogLogStrategy();
        PricingModel model = strategy.fit(juice, Parameters.resolve(strategy.descriptor().parameters(), Map.of()),
                TrainingContext.none());
        for (int b = 1; b <= R_LM.length; b++) {
            Elasticity shrunk = model.elasticity("brand" + b);
            assertTrue(shrunk.upperBound() < 0, "brand " + b + " " + shrunk);
            // with ~9,600 rows per brand the data dominate the pooled prior: shrinkage moves less than one error
            assertEquals(R_LM[b - 1][0], shrunk.estimate(), R_LM[b - 1][1], "brand " + b);
        }
    }
}

package io.mercator.plugins.pricing.elasticity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mercator.api.Parameters;
import io.mercator.api.TrainingContext;
import io.mercator.api.ValidationException;
import io.mercator.api.data.IdDictionary;
import io.mercator.api.pricing.Elasticity;
import io.mercator.api.pricing.PriceObservations;
import io.mercator.api.pricing.PriceRecommendations;
import io.mercator.api.pricing.PriceRequest;
import io.mercator.api.pricing.PricingModel;
import io.mercator.api.pricing.PricingRules;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SegmentPricingTest {

    private static final String[] SEGMENTS = {"loyal", "casual", "switcher"};
    /** Planted elasticity per product (row) and segment (column). */
    private static final double[][] PLANTED = {{-1.5, -2.5, -3.5}, {-2.0, -2.8, -3.2}};
    /** Demand level per segment: the loyal segment buys most. */
    private static final double[] LEVEL = {300, 200, 100};

    private final LogLogStrategy strategy = new LogLogStrategy();

    /**
     * Two products sold to three segments in 4 stores over 60 weeks at one shelf price per
     * product, store and week (uniform in [2, 4]): units = LEVEL[s] (store + 1) p^PLANTED[p][s]
     * exp(N(0, 0.2^2)), one row per product, store, week and segment.
     */
    static PriceObservations plantedSegments(long seed, int sparseWeeks) {
        Random random = new Random(seed);
        PriceObservations.Builder builder = PriceObservations.builder();
        int rows = 0;
        int[] segment = new int[2 * 4 * 60 * SEGMENTS.length];
        for (int week = 0; week < 60; week++) {
            for (int store = 0; store < 4; store++) {
                for (int p = 0; p < PLANTED.length; p++) {
                    double price = 2 + 2 * random.nextDouble();
                    for (int s = 0; s < SEGMENTS.length; s++) {
                        // the switchers of product 1 were only seen in the first sparseWeeks weeks
                        if (p == 1 && s == 2 && week >= sparseWeeks) {
                            continue;
                        }
                        double units = LEVEL[s] * (store + 1) * Math.pow(price, PLANTED[p][s])
                                * Math.exp(0.2 * random.nextGaussian());
                        builder.add("p" + p, "s" + store, week, price, units, false, 0);
                        segment[rows++] = s;
                    }
                }
            }
        }
        return builder.build().withSegments(IdDictionary.of("segments", SEGMENTS),
                Arrays.copyOf(segment, rows));
    }

    private PricingModel fit(PriceObservations data, Map<String, ?> parameters) {
        return strategy.fit(data, Parameters.resolve(strategy.descriptor().parameters(), parameters),
                TrainingContext.none());
    }

    private static PriceRequest request() {
        return PriceRequest.builder().add("p0", 2, 3, 1, 20).add("p1", 2, 3, 1, 20).build();
    }

    @Test
    void plantedSegmentElasticitiesAreRecoveredWithinTheirIntervals() {
        PricingModel model = fit(plantedSegments(3, 60), Map.of("seasonalHarmonics", 0));
        for (int p = 0; p < PLANTED.length; p++) {
            for (int s = 0; s < SEGMENTS.length; s++) {
                Elasticity e = model.elasticity("p" + p, SEGMENTS[s]);
                assertTrue(e.lowerBound() <= PLANTED[p][s] && PLANTED[p][s] <= e.upperBound(),
                        "p" + p + " " + SEGMENTS[s] + ": " + e);
                assertTrue(e.upperBound() - e.lowerBound() < 0.3, "p" + p + " " + SEGMENTS[s] + ": " + e);
            }
        }
    }

    @Test
    void rowsOfASegmentArePredictedByThatSegmentsDemand() {
        PricingModel model = fit(plantedSegments(10, 60), Map.of("seasonalHarmonics", 0));
        // p0 at 3 in store s0: loyal sells 300 x 3^-1.5 = 57.7, switchers 100 x 3^-3.5 = 2.14 (times smearing)
        PriceObservations rows = PriceObservations.builder().add("p0", "s0", 10, 3, 0, false, 0)
                .add("p0", "s0", 10, 3, 0, false, 0).build();
        double[] bySegment = model.expectedUnits(rows.withSegments(IdDictionary.of("segments", SEGMENTS),
                new int[] {0, 2}));
        assertEquals(300 * Math.pow(3, -1.5), bySegment[0], 0.1 * 300 * Math.pow(3, -1.5));
        assertEquals(100 * Math.pow(3, -3.5), bySegment[1], 0.1 * 100 * Math.pow(3, -3.5));
        double pooled = model.expectedUnits(rows)[0];
        assertTrue(bySegment[1] < pooled && pooled < bySegment[0], pooled + " vs " + bySegment[0] + ", " + bySegment[1]);
    }

    @Test
    void aSparseSegmentIsShrunkTowardItsProduct() {
        PriceObservations data = plantedSegments(4, 3);
        PricingModel shrunk = fit(data, Map.of("seasonalHarmonics", 0));
        PricingModel own = fit(data, Map.of("seasonalHarmonics", 0, "shrinkage", false));
        Elasticity product = shrunk.elasticity("p1");
        Elasticity sparse = shrunk.elasticity("p1", "switcher");
        Elasticity sparseOwn = own.elasticity("p1", "switcher");
        // the estimate lies between the segment's own and the product's, with a narrower interval
        double low = Math.min(product.estimate(), sparseOwn.estimate());
        double high = Math.max(product.estimate(), sparseOwn.estimate());
        assertTrue(low <= sparse.estimate() && sparse.estimate() <= high, sparse + " vs " + sparseOwn + ", " + product);
        assertTrue(sparse.upperBound() - sparse.lowerBound() < sparseOwn.upperBound() - sparseOwn.lowerBound());
        // a well-measured segment keeps (almost) its own estimate
        assertEquals(own.elasticity("p0", "loyal").estimate(), shrunk.elasticity("p0", "loyal").estimate(), 0.02);
    }

    @Test
    void eachSegmentGetsItsProfitMaximisingPrice() {
        PricingModel model = fit(plantedSegments(5, 60), Map.of("seasonalHarmonics", 0));
        Map<String, PriceRecommendations> prices = model.recommendBySegment(request(), PricingRules.none(),
                List.of(SEGMENTS));
        assertEquals(List.of(SEGMENTS), List.copyOf(prices.keySet()));
        for (String segment : SEGMENTS) {
            PriceRecommendations rows = prices.get(segment);
            for (int row = 0; row < 2; row++) {
                double e = model.elasticity("p" + row, segment).estimate();
                // constant elasticity e: the best price is cost e / (1 + e)
                assertEquals(2 * e / (1 + e), rows.price(row), 1e-9, segment);
                assertEquals(PriceRecommendations.NONE, rows.bindingRule(row));
                assertTrue(rows.expectedUnits(row) > 0);
            }
        }
        // the least price-sensitive segment pays most: planted optima 6, 3.33 and 2.8 for p0
        assertTrue(prices.get("loyal").price(0) > prices.get("casual").price(0)
                && prices.get("casual").price(0) > prices.get("switcher").price(0));
    }

    @Test
    void theSpreadRuleKeepsSegmentPricesCloseAtTheBestCommonBand() {
        PricingModel model = fit(plantedSegments(6, 60), Map.of("seasonalHarmonics", 0));
        PricingRules rules = PricingRules.builder().maxSegmentSpread(0.1).build();
        Map<String, PriceRecommendations> prices = model.recommendBySegment(request(), rules, List.of(SEGMENTS));
        for (int row = 0; row < 2; row++) {
            double lowest = Double.POSITIVE_INFINITY;
            double highest = 0;
            double total = 0;
            boolean bound = false;
            for (String segment : SEGMENTS) {
                PriceRecommendations rows = prices.get(segment);
                lowest = Math.min(lowest, rows.price(row));
                highest = Math.max(highest, rows.price(row));
                total += rows.expectedProfit(row);
                bound |= rows.bindingRule(row).equals(PriceRecommendations.SEGMENT_SPREAD);
            }
            assertTrue(highest <= lowest * 1.1 * (1 + 1e-9), lowest + " .. " + highest);
            assertTrue(bound);
            // no other band [L, 1.1 L] earns more in total: scan L finely
            double best = 0;
            for (double band = 1; band <= 20; band *= 1.0005) {
                double sum = 0;
                for (String segment : SEGMENTS) {
                    double e = model.elasticity("p" + row, segment).estimate();
                    double optimum = Math.min(Math.max(2 * e / (1 + e), band), band * 1.1);
                    double unitsAtCurrent = prices.get(segment).expectedUnits(row)
                            / Math.pow(prices.get(segment).price(row), e);
                    sum += (optimum - 2) * unitsAtCurrent * Math.pow(optimum, e);
                }
                best = Math.max(best, sum);
            }
            assertTrue(total >= best * (1 - 1e-6), total + " < " + best);
        }
    }

    @Test
    void endingsAndTheSpreadHoldTogether() {
        PricingModel model = fit(plantedSegments(7, 60), Map.of("seasonalHarmonics", 0));
        PriceRequest dear = PriceRequest.builder().add("p0", 5, 9, 1, 30).add("p1", 5, 9, 1, 30).build();
        for (double spread : new double[] {0, 0.05, 0.3}) {
            Map<String, PriceRecommendations> prices = model.recommendBySegment(dear,
                    PricingRules.builder().maxSegmentSpread(spread).priceEnding(0.99).build(), List.of(SEGMENTS));
            for (int row = 0; row < 2; row++) {
                double lowest = Double.POSITIVE_INFINITY;
                double highest = 0;
                for (String segment : SEGMENTS) {
                    double price = prices.get(segment).price(row);
                    assertEquals(0.99, price - Math.floor(price), 1e-9, segment + " " + price);
                    lowest = Math.min(lowest, price);
                    highest = Math.max(highest, price);
                }
                assertTrue(highest <= lowest * (1 + spread) * (1 + 1e-9), spread + ": " + lowest + " .. " + highest);
            }
        }
    }

    @Test
    void aPriceLadderAndTheSpreadHoldTogether() {
        PricingModel model = fit(plantedSegments(11, 60), Map.of("seasonalHarmonics", 0));
        double[] ladder = {2.49, 2.99, 3.49, 3.99, 4.49, 4.99, 5.99, 6.99};
        Map<String, PriceRecommendations> prices = model.recommendBySegment(request(),
                PricingRules.builder().pricePoints(ladder).maxSegmentSpread(0.15).build(), List.of(SEGMENTS));
        for (int row = 0; row < 2; row++) {
            double lowest = Double.POSITIVE_INFINITY;
            double highest = 0;
            for (String segment : SEGMENTS) {
                double price = prices.get(segment).price(row);
                assertTrue(Arrays.stream(ladder).anyMatch(point -> point == price), segment + " " + price);
                lowest = Math.min(lowest, price);
                highest = Math.max(highest, price);
            }
            assertTrue(highest <= lowest * 1.15 * (1 + 1e-9), lowest + " .. " + highest);
        }
    }

    @Test
    void rulesInConflictNameTheProductAndSegment() {
        PricingModel model = fit(plantedSegments(7, 60), Map.of("seasonalHarmonics", 0));
        // within 10% of 3.50 no price ends in .99
        PriceRequest request = PriceRequest.builder().add("p0", 2, 3.5, 1, 20).build();
        PricingRules rules = PricingRules.builder().maxChange(0.1).priceEnding(0.99).maxSegmentSpread(0.1).build();
        ValidationException conflict = assertThrows(ValidationException.class,
                () -> model.recommendBySegment(request, rules, List.of(SEGMENTS)));
        assertEquals(0, conflict.row());
        assertTrue(conflict.getMessage().contains("product 'p0' in segment 'loyal'"), conflict.getMessage());
        Map<String, PriceRecommendations> reported = model.recommendBySegment(request,
                PricingRules.builder().maxChange(0.1).priceEnding(0.99).maxSegmentSpread(0.1).rowErrors(true).build(),
                List.of(SEGMENTS));
        for (String segment : SEGMENTS) {
            assertEquals(PriceRecommendations.ERROR, reported.get(segment).bindingRule(0));
            assertEquals(3.5, reported.get(segment).price(0));
        }
    }

    @Test
    void unknownSegmentsAndModelsWithoutSegmentsSaySo() {
        PricingModel model = fit(plantedSegments(8, 60), Map.of("seasonalHarmonics", 0));
        ValidationException unknown = assertThrows(ValidationException.class,
                () -> model.recommendBySegment(request(), PricingRules.none(), List.of("loyal", "vip")));
        assertTrue(unknown.getMessage().contains("vip"), unknown.getMessage());
        assertThrows(ValidationException.class,
                () -> model.recommendBySegment(request(), PricingRules.none(), List.of()));
        PricingModel plain = fit(LogLogStrategyTest.plantedDemand(1, new double[] {-2, -3}, 0.2), Map.of());
        ValidationException none = assertThrows(ValidationException.class, () -> plain.elasticity("p0", "loyal"));
        assertTrue(none.getMessage().contains("without segments"), none.getMessage());
    }

    @Test
    void segmentFitsRoundTripThroughTheModelBytes() throws IOException {
        PricingModel model = fit(plantedSegments(9, 60), Map.of("seasonalHarmonics", 0));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        model.writeTo(bytes);
        PricingModel read = strategy.readModel(new ByteArrayInputStream(bytes.toByteArray()));
        for (String segment : SEGMENTS) {
            assertEquals(model.elasticity("p1", segment), read.elasticity("p1", segment));
        }
        assertEquals(model.recommendBySegment(request(), PricingRules.none(), List.of(SEGMENTS)).get("casual").price(1),
                read.recommendBySegment(request(), PricingRules.none(), List.of(SEGMENTS)).get("casual").price(1));
        assertNull(read.recommendBySegment(request(), PricingRules.none(), List.of("loyal")).get("loyal").error(0));
    }
}

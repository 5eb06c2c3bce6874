package io.mercator.plugins.pricing.elasticity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mercator.api.Parameters;
import io.mercator.api.TrainingContext;
import io.mercator.api.ValidationException;
import io.mercator.api.pricing.Elasticity;
import io.mercator.api.pricing.MarkdownRequest;
import io.mercator.api.pricing.MarkdownSchedule;
import io.mercator.api.pricing.PriceObservations;
import io.mercator.api.pricing.PriceRecommendations;
import io.mercator.api.pricing.PriceRequest;
import io.mercator.api.pricing.PricingModel;
import io.mercator.api.pricing.PricingRules;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LogLogStrategyTest {

    private final LogLogStrategy strategy = new LogLogStrategy();

    private PricingModel fit(PriceObservations data, Map<String, ?> parameters) {
        return strategy.fit(data, Parameters.resolve(strategy.descriptor().parameters(), parameters),
                TrainingContext.none());
    }

    /**
     * Demand from a known constant-elasticity model: units = storeLevel * price^e * 1.3^promo *
     * exp(noise), noise ~ N(0, 0.2^2), prices drawn uniformly in [2, 4], 4 stores, 60 weeks.
     */
    static PriceObservations plantedDemand(long seed, double[] elasticities, double noise) {
        Random random = new Random(seed);
        PriceObservations.Builder builder = PriceObservations.builder();
        for (int week = 0; week < 60; week++) {
            for (int store = 0; store < 4; store++) {
                for (int p = 0; p < elasticities.length; p++) {
                    double price = 2 + 2 * random.nextDouble();
                    boolean promo = random.nextInt(5) == 0;
                    double units = 100 * (store + 1) * Math.pow(price, elasticities[p]) * (promo ? 1.3 : 1)
                            * Math.exp(noise * random.nextGaussian());
                    builder.add("p" + p, "s" + store, week, price, units, promo, 0);
                }
            }
        }
        return builder.build();
    }

    @Test
    void plantedElasticitiesAreRecoveredWithinTheirIntervals() {
        double[] planted = {-2.5, -1.5, -3.0};
        for (boolean shrinkage : new boolean[] {false, true}) {
            PricingModel model = fit(plantedDemand(7, planted, 0.2), Map.of("shrinkage", shrinkage));
            for (int p = 0; p < planted.length; p++) {
                Elasticity e = model.elasticity("p" + p);
                assertTrue(e.lowerBound() <= planted[p] && planted[p] <= e.upperBound(),
                        "p" + p + " shrinkage=" + shrinkage + ": " + e + " should cover " + planted[p]);
                assertTrue(e.upperBound() - e.lowerBound() < 0.3, "240 rows give a tight interval: " + e);
                assertEquals(95, e.level());
            }
        }
    }

    @Test
    void noiselessDemandIsPredictedExactly() {
        PriceObservations data = plantedDemand(3, new double[] {-2, -4}, 0);
        PricingModel model = fit(data, Map.of("shrinkage", false));
        assertEquals(-2, model.elasticity("p0").estimate(), 1e-9);
        assertEquals(-4, model.elasticity("p1").estimate(), 1e-9);
        double[] expected = model.expectedUnits(data);
        for (int row = 0; row < data.size(); row += 37) {
            assertEquals(data.units(row), expected[row], 1e-6 * data.units(row));
        }
    }

    @Test
    void profitMaximisingPriceIsTheClosedFormCostTimesEOverOnePlusE() {
        // e = -3, cost 6: 6 * -3 / -2 = 9; e = -4: 6 * -4 / -3 = 8
        PricingModel model = fit(noiselessDemand(), Map.of("shrinkage", false));
        PriceRecommendations recommendations = model.recommend(PriceRequest.builder()
                .add("p0", 6, 10, 1, 100).add("p1", 6, 10, 1, 100).build());
        assertEquals(9, recommendations.price(0), 1e-9);
        assertEquals(8, recommendations.price(1), 1e-9);
        assertEquals(PriceRecommendations.NONE, recommendations.bindingRule(0));
        double units = recommendations.expectedUnits(0);
        assertEquals(9 * units, recommendations.expectedRevenue(0), 1e-9);
        assertEquals(3 * units, recommendations.expectedProfit(0), 1e-9);
        assertEquals(100 * Math.pow(9, -3), units, 1e-9);
    }

    /** units = 100 * price^e exactly, one location, e = -3 for p0 and -4 for p1. */
    static PriceObservations noiselessDemand() {
        PriceObservations.Builder builder = PriceObservations.builder();
        for (int week = 0; week < 20; week++) {
            double price = 2 + 0.1 * week;
            builder.add("p0", week, price, 100 * Math.pow(price, -3)).add("p1", week, price, 100 * Math.pow(price, -4));
        }
        return builder.build();
    }

    @Test
    void aProductWithoutPriceVariationBorrowsThePooledElasticity() {
        PriceObservations.Builder builder = PriceObservations.builder();
        PriceObservations varied = plantedDemand(11, new double[] {-2, -3, -2.5}, 0.1);
        for (int row = 0; row < varied.size(); row++) {
            builder.add(varied.products().id(varied.product(row)), varied.locations().id(varied.location(row)),
                    varied.period(row), varied.price(row), varied.units(row), varied.promo(row), 0);
        }
        for (int week = 0; week < 10; week++) {
            builder.add("fixed", "s0", week, 3.49, 20 + week % 3, false, 0);
        }
        PricingModel model = fit(builder.build(), Map.of());
        Elasticity fixed = model.elasticity("fixed");
        Elasticity unknown = model.elasticity("never-seen");
        assertEquals(unknown, fixed);
        assertTrue(fixed.estimate() < -2 && fixed.estimate() > -3, fixed.toString());
        assertTrue(fixed.upperBound() - fixed.lowerBound() > 1, "the spread between products shows: " + fixed);
    }

    @Test
    void noPriceVariationAtAllIsAClearError() {
        PriceObservations flat = PriceObservations.builder().add("a", 1, 2.0, 10).add("a", 2, 2.0, 12)
                .add("b", 1, 3.0, 5).add("b", 2, 3.0, 7).build();
        ValidationException error = assertThrows(ValidationException.class, () -> fit(flat, Map.of()));
        assertEquals("price", error.field());
        assertEquals("price: no product's price varies within a location: elasticities cannot be estimated",
                error.getMessage());
    }

    @Test
    void aProductThatNeverSoldIsAClearError() {
        PriceObservations data = PriceObservations.builder().add("a", 1, 2.0, 10).add("a", 2, 3.0, 6)
                .add("a", 3, 2.5, 8).add("dead", 1, 2.0, 0).build();
        ValidationException error = assertThrows(ValidationException.class, () -> fit(data, Map.of()));
        assertEquals("units", error.field());
        assertTrue(error.getMessage().contains("'dead' never sold"), error.getMessage());
    }

    @Test
    void unknownProductInARequestIsNamed() {
        PricingModel model = fit(plantedDemand(3, new double[] {-3, -4}, 0), Map.of());
        ValidationException error = assertThrows(ValidationException.class,
                () -> model.recommend(PriceRequest.builder().add("p0", 1, 2, 1, 3).add("x", 1, 2, 1, 3).build()));
        assertEquals("products", error.field());
        assertEquals(1, error.row());
    }

    @Test
    void rowErrorsKeepTheCurrentPriceOfRowsThatCannotBePricedAndPriceTheRest() {
        // units = 100 p^-3 (p0) and 100 p^-4 (p1); cost 6 gives the optima 9 and 8
        PricingModel model = fit(noiselessDemand(), Map.of("shrinkage", false));
        PriceRequest request = PriceRequest.builder()
                .add("p0", 6, 10, 1, 100)
                .add("unknown", 6, 10, 1, 100)
                .add("p1", 6, 10, 12, 100) // at least 12 is more than 10% above 10: a conflict
                .build();
        PricingRules rules = PricingRules.builder().maxChange(0.1).rowErrors(true).build();
        PriceRecommendations result = model.recommend(request, rules);
        assertEquals(2, result.errorCount());
        assertEquals(9, result.price(0), 1e-9);
        assertNull(result.error(0));
        assertEquals(10, result.price(1));
        assertEquals(PriceRecommendations.ERROR, result.bindingRule(1));
        assertTrue(result.error(1).startsWith("products (row 1): 'unknown' is not known"), result.error(1));
        assertEquals(0, result.expectedUnits(1));
        assertEquals(10, result.price(2));
        assertEquals("rules (row 2): product 'p1': minPrice needs a price of at least 12.0000 but maxChange allows "
                + "at most 11.0000", result.error(2));
        assertEquals(100 * Math.pow(10, -4), result.expectedUnits(2), 1e-12);
        assertEquals(10 * result.expectedUnits(2) - 6 * result.expectedUnits(2), result.expectedProfit(2), 1e-12);
        ValidationException failFast = assertThrows(ValidationException.class,
                () -> model.recommend(request, PricingRules.builder().maxChange(0.1).build()));
        assertEquals(1, failFast.row());
    }

    @Test
    void aSizeGroupWithoutConsistentPricesIsAnErrorOnEachOfItsRows() {
        PricingModel model = fit(noiselessDemand(), Map.of("shrinkage", false));
        // the larger size may not cost more than 8, the smaller not less than 10: the larger would be cheaper
        PriceRequest request = PriceRequest.builder()
                .add("p0", 6, 10, 10, 100, Double.NaN, "juice", 32)
                .add("p1", 6, 7, 1, 8, Double.NaN, "juice", 64)
                .build();
        PricingRules rules = PricingRules.builder().sizeLadder(true).rowErrors(true).build();
        PriceRecommendations result = model.recommend(request, rules);
        assertEquals(2, result.errorCount());
        assertArrayEquals(new double[] {10, 7}, result.price());
        assertTrue(result.error(1).contains("size group 'juice'"), result.error(1));
        ValidationException failFast = assertThrows(ValidationException.class,
                () -> model.recommend(request, PricingRules.builder().sizeLadder(true).build()));
        assertEquals(0, failFast.row());
    }

    @Test
    void modelRoundTripsThroughItsBytes() throws IOException {
        PriceObservations data = plantedDemand(5, new double[] {-2, -3}, 0.2);
        PricingModel model = fit(data, Map.of());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        model.writeTo(bytes);
        PricingModel read = strategy.readModel(new ByteArrayInputStream(bytes.toByteArray()));
        assertEquals(model.elasticity("p1"), read.elasticity("p1"));
        assertEquals(model.elasticity("unknown"), read.elasticity("unknown"));
        assertArrayEquals(model.expectedUnits(data), read.expectedUnits(data), 0);
        assertEquals("log-log", read.strategyName());
        IOException garbage = assertThrows(IOException.class,
                () -> strategy.readModel(new ByteArrayInputStream(new byte[] {1, 2, 3, 4, 5, 6, 7, 8})));
        assertEquals("not a log-log pricing model of format 2", garbage.getMessage());
    }

    @Test
    void markdownUsesTheFittedDemandAndNamesUnknownProducts() {
        // p0 sells 100 p^-3 units: 1 at 5, 4 at 3, 13 at 2 (rounded). 14 units over 2 periods:
        // 5 then 2: 5 + 13 * 2 = 31; 3 then 2: 12 + 10 * 2 = 32; 2 then 2: 28; 3 then 3: 24 -> 3, 2
        PricingModel model = fit(noiselessDemand(), Map.of("shrinkage", false));
        MarkdownSchedule schedule = model.markdown(new MarkdownRequest("p0", 14, 2, new double[] {2, 5, 3}, 1, 0));
        assertArrayEquals(new double[] {3, 2}, schedule.price());
        assertArrayEquals(new double[] {4, 10}, schedule.expectedUnits());
        assertEquals(32, schedule.expectedRevenue(), 1e-9);
        ValidationException unknown = assertThrows(ValidationException.class,
                () -> model.markdown(new MarkdownRequest("nope", 1, 1, new double[] {1}, 1, 0)));
        assertEquals("productId", unknown.field());
    }

    @Test
    void aSparseProductBorrowsFromItsOwnCategoryWhenCategoriesAreGiven() {
        // juice products around -3, soda products around -1.5; "juice/fixed" never changes its price
        PriceObservations varied = plantedDemand(21, new double[] {-3, -3.1, -2.9, -1.5, -1.6, -1.4}, 0.1);
        PriceObservations.Builder builder = PriceObservations.builder();
        for (int row = 0; row < varied.size(); row++) {
            int p = varied.product(row);
            String id = (p < 3 ? "juice/" : "soda/") + p;
            builder.add(id, varied.locations().id(varied.location(row)), varied.period(row), varied.price(row),
                    varied.units(row), varied.promo(row), 0);
        }
        for (int week = 0; week < 10; week++) {
            builder.add("juice/fixed", "s0", week, 3.49, 20 + week % 3, false, 0);
        }
        PriceObservations data = builder.build();
        double byCategory = fit(data, Map.of("categoryDelimiter", "/")).elasticity("juice/fixed").estimate();
        double overall = fit(data, Map.of()).elasticity("juice/fixed").estimate();
        assertEquals(-3, byCategory, 0.1);
        assertEquals(-2.25, overall, 0.2);
        assertEquals("juice", LogLogStrategy.category("juice/fixed", "/"));
        assertEquals("", LogLogStrategy.category("plain", "/"));
    }

    @Test
    void aPlantedCrossElasticityIsRecoveredWithinItsInterval() {
        // units_a = 100 p_a^-2 p_b^0.5 exp(noise), units_b = 100 p_b^-3 p_a^0.8 exp(noise); prices independent
        Random random = new Random(17);
        PriceObservations.Builder builder = PriceObservations.builder();
        for (int week = 0; week < 60; week++) {
            for (int store = 0; store < 4; store++) {
                double a = 2 + 2 * random.nextDouble();
                double b = 2 + 2 * random.nextDouble();
                builder.add("a", "s" + store, week, a, 100 * Math.pow(a, -2) * Math.pow(b, 0.5)
                        * Math.exp(0.1 * random.nextGaussian()), false, 0);
                builder.add("b", "s" + store, week, b, 100 * Math.pow(b, -3) * Math.pow(a, 0.8)
                        * Math.exp(0.1 * random.nextGaussian()), false, 0);
            }
        }
        PricingModel model = fit(builder.build(), Map.of());
        Elasticity crossA = model.substituteElasticity("a");
        Elasticity crossB = model.substituteElasticity("b");
        assertTrue(crossA.lowerBound() <= 0.5 && 0.5 <= crossA.upperBound(), crossA.toString());
        assertTrue(crossB.lowerBound() <= 0.8 && 0.8 <= crossB.upperBound(), crossB.toString());
        ValidationException unknown = assertThrows(ValidationException.class, () -> model.substituteElasticity("c"));
        assertEquals("productId", unknown.field());
        // a single product has no substitutes to measure against
        ValidationException alone = assertThrows(ValidationException.class,
                () -> fit(plantedDemand(1, new double[] {-2}, 0.1), Map.of()).substituteElasticity("p0"));
        assertTrue(alone.getMessage().contains("has no cross elasticity"), alone.getMessage());
    }
}

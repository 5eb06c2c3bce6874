package io.mercator.plugins.optimization.policies;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mercator.api.Parameters;
import io.mercator.api.TrainingContext;
import io.mercator.api.ValidationException;
import io.mercator.api.forecasting.SeriesSet;
import io.mercator.api.optimization.ReplenishmentConstraints;
import io.mercator.api.optimization.ReplenishmentInput;
import io.mercator.api.optimization.ReplenishmentModel;
import io.mercator.api.optimization.ReplenishmentPlan;
import io.mercator.api.optimization.ReplenishmentStrategy;
import io.mercator.api.optimization.ServiceMeasure;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

/** Textbook answers for each policy; reference values computed with scipy.stats as noted. */
class PolicyStrategiesTest {

    private static final SeriesSet NO_HISTORY = SeriesSet.builder(0).build();

    private static ReplenishmentModel fit(ReplenishmentStrategy strategy, Map<String, ?> parameters) {
        return strategy.fit(NO_HISTORY, Parameters.resolve(strategy.descriptor().parameters(), parameters),
                TrainingContext.none());
    }

    private static ReplenishmentModel normal(ReplenishmentStrategy strategy) {
        return fit(strategy, Map.of("demandModel", "normal"));
    }

    /** d = 50 +- 10 a period, lead time 4, no review delay: lead-time demand N(200, 20). */
    private static ReplenishmentInput.Builder fastMover(double onHand) {
        return ReplenishmentInput.builder().add("A@S1").demand(50, 10).leadTime(4, 0).stock(onHand, 0, 0)
                // h = 0.5 / 1000 per unit-period, K = 20: EOQ sqrt(2 * 20 * 50 / 0.0005) = 2000
                .costs(1, 0.0005, 20).targetServiceLevel(0.95);
    }

    @Test
    void reorderPointAtCycleServiceLevelUsesTheNormalQuantile() {
        ReplenishmentPlan plan = normal(new ReorderPointStrategy()).plan(fastMover(150).build());
        // 1.6448536 * 20 = 32.897 units of safety stock; the EOQ is the lot
        assertEquals(32.89707253902945, plan.safetyStock(0), 1e-6);
        assertEquals(232.89707253902945, plan.reorderPoint(0), 1e-6);
        assertEquals(2232.89707253902945, plan.orderUpTo(0), 1e-6);
        assertEquals(2000, plan.orderQuantity(0), 0);
        assertEquals(ReplenishmentPlan.NONE, plan.bindingConstraint(0));
        // holding 0.0005 * (32.9 + 1000) + ordering 20 * 50 / 2000 + stock-outs: a cycle of 40 periods, so the
        // implied penalty is 0.0005 * 40 * 0.95 / 0.05 = 0.38 a unit; 20 (G(z) - G(z + 100)) units short a cycle
        double shortPerPeriod = 20 * (normalLoss(1.6448536269514722) - normalLoss(101.6448536269514722)) / 40;
        assertEquals(0.0005 * (32.89707253902945 + 1000) + 0.5 + 0.38 * shortPerPeriod, plan.expectedCost(0), 1e-9);
    }

    @Test
    void reorderPointAtFillRateSolvesTheLossFunction() {
        // lot 200 (K = 10, h = 0.025: sqrt(2 * 10 * 50 / 0.025) = 200); 99 % fill rate allows 2 units short a cycle:
        // 20 (G(z) - G(z + 10)) = 2 at s = 218.0469 (scipy brentq)
        ReplenishmentInput input = fastMover(500).costs(1, 0.025, 10).targetServiceLevel(0.99)
                .serviceMeasure(ServiceMeasure.FILL_RATE).build();
        ReplenishmentPlan plan = normal(new ReorderPointStrategy()).plan(input);
        assertEquals(218.04692695020069, plan.reorderPoint(0), 1e-5);
        assertEquals(0.99, plan.expectedFillRate(0), 1e-9);
        assertEquals(0, plan.orderQuantity(0), 0);
        assertEquals(ReplenishmentPlan.NO_ORDER_DUE, plan.bindingConstraint(0));
    }

    /** The standard normal loss function G(z) = phi(z) - z (1 - Phi(z)). */
    private static double normalLoss(double z) {
        NormalDistribution standard = new NormalDistribution(null, 0, 1);
        return standard.density(z) - z * (1 - standard.cumulativeProbability(z));
    }

    @Test
    void expectedCostPricesTheExpectedShortageAtTheRowsPenalty() {
        // (R,S) at S = 104.8037: d = 10 +- 3, L = 2, R = 7; protection N(90, 9), lead time N(20, 3 sqrt 2)
        ReplenishmentInput input = ReplenishmentInput.builder().add("B@S1").demand(10, 3).leadTime(2, 0)
                .reviewPeriod(7).stock(30, 20, 5).costs(4, 0.001, 5).targetServiceLevel(0.95).build()
                .withConstraints(ReplenishmentConstraints.builder().stockOutPenalty(0, 2.5).build());
        ReplenishmentPlan plan = normal(new OrderUpToStrategy()).plan(input);
        double level = 104.80368264256325;
        double leadTimeSpread = 3 * Math.sqrt(2);
        double shortPerCycle = 9 * normalLoss((level - 90) / 9) - leadTimeSpread * normalLoss((level - 20)
                / leadTimeSpread);
        // holding 0.004 * (14.8037 + 70 / 2), ordering 5 / 7, shortage 2.5 a unit over the 7 periods of a cycle
        assertEquals(0.004 * (level - 90 + 35) + 5.0 / 7 + 2.5 * shortPerCycle / 7, plan.expectedCost(0), 1e-9);
        assertEquals(1 - shortPerCycle / 70, plan.expectedFillRate(0), 1e-9);
        // an infinite penalty is a requirement, not a price: the implied 0.004 * 7 * 0.95 / 0.05 = 0.532 is used
        ReplenishmentPlan required = normal(new OrderUpToStrategy()).plan(input.withConstraints(
                ReplenishmentConstraints.builder().stockOutPenalty(0, Double.POSITIVE_INFINITY).build()));
        assertEquals(0.004 * (level - 90 + 35) + 5.0 / 7 + 0.532 * shortPerCycle / 7, required.expectedCost(0),
                1e-9);
    }

    @Test
    void orderUpToCoversLeadTimePlusReview() {
        // d = 10 +- 3, L = 2, R = 7: S = 90 + 1.6448536 * 3 * 3 = 104.8037
        ReplenishmentInput input = ReplenishmentInput.builder().add("B@S1").demand(10, 3).leadTime(2, 0)
                .reviewPeriod(7).stock(30, 20, 5).costs(4, 0.001, 5).targetServiceLevel(0.95).build();
        ReplenishmentPlan plan = normal(new OrderUpToStrategy()).plan(input);
        assertEquals(104.80368264256325, plan.orderUpTo(0), 1e-6);
        assertEquals(plan.orderUpTo(0), plan.reorderPoint(0), 0);
        // position 30 + 20 - 5 = 45; 59.8 rounded up to whole units
        assertEquals(60, plan.orderQuantity(0), 0);
    }

    @Test
    void orderUpToAtFillRateSubtractsTheShortageAlreadyThere() {
        // 98 % of 70 units a cycle: 9 G((S - 90) / 9) - 3 sqrt(2) G((S - 20) / (3 sqrt 2)) = 1.4 at S = 95.8436
        ReplenishmentInput input = ReplenishmentInput.builder().add("B@S1").demand(10, 3).leadTime(2, 0)
                .reviewPeriod(7).stock(0, 0, 0).costs(4, 0.001, 5).targetServiceLevel(0.98)
                .serviceMeasure(ServiceMeasure.FILL_RATE).build();
        ReplenishmentPlan plan = normal(new OrderUpToStrategy()).plan(input);
        assertEquals(95.84360945056504, plan.orderUpTo(0), 1e-5);
        assertEquals(0.98, plan.expectedFillRate(0), 1e-9);
    }

    @Test
    void minMaxOrdersUpToSAndRespectsMinimumAndCasePack() {
        ReplenishmentModel model = normal(new MinMaxStrategy());
        ReplenishmentPlan plan = model.plan(fastMover(100).orderRules(0, 12).build());
        // S = 232.897 + 2004 (EOQ 2000 rounded up to 167 cases of 12); order S - 100 rounded up to cases
        assertEquals(2004, plan.orderUpTo(0) - plan.reorderPoint(0), 1e-9);
        assertEquals(2148, plan.orderQuantity(0), 0);
        assertEquals(ReplenishmentPlan.CASE_PACK, plan.bindingConstraint(0));
        ReplenishmentPlan small = model.plan(fastMover(2200).orderRules(5000, 1).build());
        assertEquals(0, small.orderQuantity(0), 0);
        ReplenishmentPlan raised = model.plan(fastMover(200).costs(1, 0.0005, 0.01).orderRules(100, 1).build());
        // a tiny ordering cost gives a lot of 45 units, below the minimum of 100
        assertEquals(100, raised.orderUpTo(0) - raised.reorderPoint(0), 1e-9);
        assertEquals(ReplenishmentPlan.MIN_ORDER_QUANTITY, model.plan(fastMover(200).costs(1, 0.0005, 0.01)
                .orderRules(200, 1).build()).bindingConstraint(0));
    }

    @Test
    void reorderPointOrdersWholeLotsUntilThePositionIsAboveTheReorderPoint() {
        ReplenishmentInput input = fastMover(0).stock(0, 0, 500).costs(1, 0.025, 10).build();
        ReplenishmentPlan plan = normal(new ReorderPointStrategy()).plan(input);
        // position -500, reorder point 232.9, lot 200: four lots lift it to 300
        assertEquals(800, plan.orderQuantity(0), 0);
    }

    @Test
    void newsvendorOrdersTheCriticalFractile() {
        // margin 3, salvage 0.5: 3 / 3.5 = 0.857143; season N(100, 20): 100 + 20 * 1.067570 = 121.3514
        ReplenishmentInput input = ReplenishmentInput.builder().add("C").demand(10, 20 / Math.sqrt(10))
                .leadTime(0, 0).reviewPeriod(10).stock(21, 0, 0).costs(1, 0.01, 0).targetServiceLevel(0.5).build();
        ReplenishmentModel model = fit(new NewsvendorStrategy(),
                Map.of("demandModel", "normal", "marginRate", 3, "salvageRate", 0.5));
        ReplenishmentPlan plan = model.plan(input);
        assertEquals(121.35141047756282, plan.orderUpTo(0), 1e-6);
        assertEquals(101, plan.orderQuantity(0), 0);
        // default margin 1, no salvage: the fractile 1/2 orders the mean
        assertEquals(100, fit(new NewsvendorStrategy(), Map.of("demandModel", "normal")).plan(input).orderUpTo(0),
                1e-9);
    }

    @Test
    void slowMoversArePlannedWithWholeUnitsFromTheDiscreteDistribution() {
        // 0.5 a period, variance 0.5 (Poisson), lead time 4: lead-time demand Poisson(2); 90 % -> 4 units
        ReplenishmentInput input = ReplenishmentInput.builder().add("slow").demand(0.5, Math.sqrt(0.5))
                .leadTime(4, 0).stock(3, 0, 0).costs(10, 0.002, 5).targetServiceLevel(0.9).build();
        ReplenishmentPlan plan = fit(new ReorderPointStrategy(), Map.of()).plan(input);
        assertEquals(4, plan.reorderPoint(0), 0);
        assertEquals(2, plan.safetyStock(0), 1e-12);
        assertTrue(plan.orderQuantity(0) > 0);
        assertEquals(Math.rint(plan.orderQuantity(0)), plan.orderQuantity(0), 0);
    }

    @Test
    void widelySpreadFastMoversArePlannedWithTheGammaDistribution() {
        // 50 +- 100 a period over lead time 4: mean 200, standard deviation 200, so auto picks the gamma,
        // here the exponential: 95 % quantile 200 ln 20 = 599.15 where the normal would say 528.97
        ReplenishmentInput input = ReplenishmentInput.builder().add("lumpy").demand(50, 100).leadTime(4, 0)
                .stock(1000, 0, 0).costs(1, 0.01, 10).targetServiceLevel(0.95).build();
        assertEquals(200 * Math.log(20), fit(new ReorderPointStrategy(), Map.of()).plan(input).reorderPoint(0), 1e-5);
        assertEquals(200 + 1.6448536269514722 * 200, normal(new ReorderPointStrategy()).plan(input).reorderPoint(0),
                1e-6);
    }

    @Test
    void zeroDemandOrdersOnlyWhatIsOwedAndNeverGivesNaN() {
        ReplenishmentInput input = ReplenishmentInput.builder().add("dead").demand(0, 0).leadTime(3, 1)
                .stock(0, 0, 2).costs(0, 0, 0).targetServiceLevel(0.99).serviceMeasure(ServiceMeasure.FILL_RATE)
                .build();
        for (ReplenishmentStrategy strategy : new ReplenishmentStrategy[] {new ReorderPointStrategy(),
                new MinMaxStrategy(), new OrderUpToStrategy(), new NewsvendorStrategy()}) {
            ReplenishmentPlan plan = fit(strategy, Map.of()).plan(input);
            String name = strategy.descriptor().name();
            assertEquals(0, plan.reorderPoint(0), 1e-9, name);
            assertTrue(plan.orderQuantity(0) >= 2 && plan.orderQuantity(0) <= 3, name + " " + plan.orderQuantity(0));
            assertEquals(1, plan.expectedFillRate(0), 0, name);
            assertEquals(0, plan.expectedCost(0), 0, name);
        }
    }

    @Test
    void badParametersNameTheParameter() {
        ReorderPointStrategy strategy = new ReorderPointStrategy();
        ValidationException unknown = assertThrows(ValidationException.class,
                () -> fit(strategy, Map.of("demandModel", "lognormal")));
        assertEquals("demandModel", unknown.field());
        ValidationException newsvendorOnly = assertThrows(ValidationException.class,
                () -> fit(strategy, Map.of("marginRate", 2)));
        assertEquals("marginRate", newsvendorOnly.field());
    }

    @Test
    void modelsRoundTripAndRejectAnotherPolicysBytes() throws IOException {
        NewsvendorStrategy newsvendor = new NewsvendorStrategy();
        ReplenishmentModel model = fit(newsvendor, Map.of("marginRate", 2.5, "salvageRate", 0.2));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        model.writeTo(bytes);
        ReplenishmentModel read = newsvendor.readModel(new ByteArrayInputStream(bytes.toByteArray()));
        ReplenishmentInput input = fastMover(10).reviewPeriod(6).build();
        assertArrayEquals(model.plan(input).orderUpTo(), read.plan(input).orderUpTo(), 0);
        assertEquals("newsvendor", read.strategyName());
        IOException wrong = assertThrows(IOException.class,
                () -> new MinMaxStrategy().readModel(new ByteArrayInputStream(bytes.toByteArray())));
        assertEquals("the model is a newsvendor policy, not min_max", wrong.getMessage());
    }
}

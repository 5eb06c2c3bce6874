package io.mercator.plugins.optimization.policies;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mercator.api.Parameters;
import io.mercator.api.TrainingContext;
import io.mercator.api.forecasting.SeriesSet;
import io.mercator.api.optimization.ReplenishmentInput;
import io.mercator.api.optimization.ReplenishmentPlan;
import io.mercator.api.optimization.ReplenishmentStrategy;
import io.mercator.api.optimization.ServiceMeasure;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Second-order loss functions against closed forms, renewal weights worked out by hand, and the
 * planned fill rates of (R,s,nQ), (R,s,S) and (R,S) against a long simulation of the same policy.
 */
class FillRatesTest {

    @Test
    void secondOrderLossesMatchTheirClosedForms() {
        // standard normal: G2(0) = 1/4; G2(1) = (2 (1 - Phi(1)) - phi(1)) / 2, equal to the integral of G from 1 (quadrature)
        assertEquals(0.25, NormalDemand.standardSecondOrderLoss(0), 1e-12);
        assertEquals(0.03766989167188539, NormalDemand.standardSecondOrderLoss(1), 1e-10);
        assertEquals(100 * 0.03766989167188539, new NormalDemand(50, 10).secondOrderLoss(60), 1e-8);
        // exponential with mean 10 (gamma shape 1): E[((X - x)+)^2] / 2 = 100 e^(-x / 10)
        GammaDemand exponential = new GammaDemand(10, 100);
        assertEquals(100 * Math.exp(-0.7), exponential.secondOrderLoss(7), 1e-9);
        assertEquals((100 + 12 * 12) / 2.0, exponential.secondOrderLoss(-2), 1e-12);
        // whole units: the sum of E[(X - j)+] over j >= 0 is E[X (X + 1)] / 2 = (2 + 4 + 2) / 2 for Poisson(2);
        // one level lower adds G(-1) = 2 + 1
        DiscreteDemand poisson = new DiscreteDemand(2, 2);
        assertEquals(4, poisson.secondOrderLoss(0), 1e-9);
        assertEquals(4 - 2, poisson.secondOrderLoss(1), 1e-9);
        assertEquals(3 + 4, poisson.secondOrderLoss(-1), 1e-9);
        // the mean shortage over levels 1 and 2 is (G(1) + G(2)) / 2
        assertEquals((poisson.expectedShortage(1) + poisson.expectedShortage(2)) / 2, poisson.meanShortageOver(0, 2),
                1e-12);
    }

    @Test
    void renewalWeightsFollowTheUndershoot() {
        // review demand 1 or 2 units, half and half: u = 1, 1/2, 3/4, 5/8 for positions S, S - 1, S - 2, S - 3
        double[] weights = FillRates.renewalWeights(new double[] {0, 0.5, 0.5}, 4);
        double total = 1 + 0.5 + 0.75 + 0.625;
        assertArrayEquals(new double[] {1 / total, 0.5 / total, 0.75 / total, 0.625 / total}, weights, 1e-12);
        // reviews without demand do not move the position: one unit or none gives evenly spread positions
        assertArrayEquals(new double[] {0.25, 0.25, 0.25, 0.25}, FillRates.renewalWeights(new double[] {0.4, 0.6}, 4),
                1e-12);
    }

    @Test
    void plannedFillRatesAreWhatASimulationOfThePolicyAchieves() {
        // lumpy slow mover (negative binomial, mean 3, variance 9 per period), lead time 3, daily review
        for (ReplenishmentStrategy strategy : new ReplenishmentStrategy[] {new ReorderPointStrategy(),
                new MinMaxStrategy(), new OrderUpToStrategy()}) {
            for (double target : new double[] {0.9, 0.97}) {
                ReplenishmentInput input = ReplenishmentInput.builder().add("A").demand(3, 3).leadTime(3, 0)
                        .reviewPeriod(1).stock(0, 0, 0).costs(1, 0.01, 20).targetServiceLevel(target)
                        .serviceMeasure(ServiceMeasure.FILL_RATE).build();
                ReplenishmentPlan plan = strategy.fit(SeriesSet.builder(0).build(), Parameters.resolve(
                        strategy.descriptor().parameters(), Map.of()), TrainingContext.none()).plan(input);
                String name = strategy.descriptor().name();
                assertEquals(target, plan.expectedFillRate(0), 0.01, name);
                double achieved = simulate(name, plan.reorderPoint(0), plan.orderUpTo(0) - plan.reorderPoint(0), 3,
                        3, 9, 400_000);
                assertEquals(plan.expectedFillRate(0), achieved, 0.004, name + " at " + target);
            }
        }
    }

    /** Review every period; arrivals, then the order, then demand (backordered when short). */
    private static double simulate(String policy, double level, double lot, int leadTime, double mean,
            double variance, int periods) {
        Random random = new Random(7);
        double shape = mean * mean / (variance - mean);
        double[] arriving = new double[periods + leadTime + 1];
        double onHand = level + lot;
        double backorders = 0;
        double onOrder = 0;
        double demanded = 0;
        double served = 0;
        for (int t = 0; t < periods; t++) {
            double arrived = arriving[t];
            onOrder -= arrived;
            double filled = Math.min(arrived, backorders);
            backorders -= filled;
            onHand += arrived - filled;
            double position = onHand + onOrder - backorders;
            double order = 0;
            if (policy.equals("order-up-to")) {
                order = Math.max(level - position, 0);
            } else if (position <= level) {
                order = policy.equals("min-max") ? level + lot - position
                        : lot * (Math.floor((level - position) / lot) + 1);
            }
            arriving[t + leadTime] += order;
            onOrder += order;
            double demand = negativeBinomial(random, shape, mean);
            double fromStock = Math.min(demand, onHand);
            onHand -= fromStock;
            backorders += demand - fromStock;
            if (t >= 1000) {
                demanded += demand;
                served += fromStock;
            }
        }
        return served / demanded;
    }

    /** A Poisson draw whose rate is gamma distributed with the given shape and mean. */
    private static double negativeBinomial(Random random, double shape, double mean) {
        double rate = new org.apache.commons.math3.distribution.GammaDistribution(
                new org.apache.commons.math3.random.JDKRandomGenerator(random.nextInt()), shape, mean / shape).sample();
        double limit = Math.exp(-rate);
        double product = random.nextDouble();
        int count = 0;
        while (product > limit) {
            product *= random.nextDouble();
            count++;
        }
        return count;
    }
}

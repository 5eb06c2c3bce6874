package io.mercator.it.osgi;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import io.mercator.api.Parameters;
import io.mercator.api.TrainingContext;
import io.mercator.api.ValidationException;
import io.mercator.api.data.IdDictionary;
import io.mercator.api.forecasting.SeriesSet;
import io.mercator.api.optimization.AllocationPlan;
import io.mercator.api.optimization.AllocationProblem;
import io.mercator.api.optimization.ReplenishmentModel;
import io.mercator.api.optimization.ReplenishmentStrategy;
import io.mercator.api.runtime.StrategyLease;
import java.util.List;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/** The ojAlgo packages embedded in the LP allocation bundle load and solve inside the framework. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class LpAllocationTest extends PlatformTest {

    private static final double NO_BUDGET = Double.POSITIVE_INFINITY;

    /** The two-SKU, two-warehouse LP of LinearAllocatorTest: optimum 44 by hand, 52 in cases of 4. */
    private static AllocationProblem problem(double casePackA, boolean integer, double penalty) {
        return new AllocationProblem(IdDictionary.of("sku", "A", "B"), IdDictionary.of("warehouse", "W1", "W2"),
                new double[] {10, 5}, new double[] {1, 2}, new double[] {0, 0}, new double[] {penalty, penalty},
                new double[] {casePackA, 1}, new double[] {8, 20}, new double[] {1, 3, 1, 2}, NO_BUDGET, integer);
    }

    @Test
    public void theRegisteredStrategySolvesTheLpAndTheMip() {
        try (StrategyLease<ReplenishmentStrategy> lease = registry.acquire(ReplenishmentStrategy.class,
                "lp-allocation")) {
            ReplenishmentStrategy strategy = lease.strategy();
            ReplenishmentModel model = strategy.fit(SeriesSet.builder(0).build(),
                    Parameters.defaults(strategy.descriptor().parameters()), TrainingContext.none());

            AllocationPlan lp = model.allocate(problem(1, false, 100));
            assertEquals(44, lp.totalCost(), 1e-9);
            assertEquals(List.of("capacity[W1]"), lp.bindingConstraints());
            assertEquals(52, model.allocate(problem(4, true, 100)).totalCost(), 1e-9);

            AllocationProblem tooSmall = new AllocationProblem(IdDictionary.of("sku", "A"),
                    IdDictionary.of("warehouse", "W1"), new double[] {10}, new double[] {1}, new double[] {0},
                    new double[] {Double.POSITIVE_INFINITY}, new double[] {1}, new double[] {3}, new double[] {1},
                    NO_BUDGET, false);
            try {
                model.allocate(tooSmall);
                fail("10 units that must be served fitted into a capacity of 3");
            } catch (ValidationException expected) {
                assertEquals("capacity[W1]", expected.field());
                assertTrue(expected.getMessage(), expected.getMessage().contains("by 7"));
            }
        }
    }
}

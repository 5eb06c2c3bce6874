package io.mercator.plugins.pricing.elasticity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mercator.api.Parameters;
import io.mercator.api.TrainingContext;
import io.mercator.api.pricing.Elasticity;
import io.mercator.api.pricing.PriceObservations;
import io.mercator.api.pricing.PricingModel;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class PooledLogLogStrategyTest {

    private final PooledLogLogStrategy strategy = new PooledLogLogStrategy();

    private PricingModel fit(PriceObservations data) {
        return strategy.fit(data, Parameters.defaults(strategy.descriptor().parameters()), TrainingContext.none());
    }

    @Test
    void aSharedPlantedElasticityIsRecoveredWithinItsInterval() {
        PricingModel model = fit(LogLogStrategyTest.plantedDemand(13, new double[] {-2.5, -2.5, -2.5}, 0.2));
        Elasticity e = model.elasticity("p1");
        assertTrue(e.lowerBound() <= -2.5 && -2.5 <= e.upperBound(), e.toString());
        assertEquals(e, model.elasticity("p0"));
        assertEquals(e, model.elasticity("unknown"));
    }

    @Test
    void noiselessSharedElasticityPredictsEveryRowExactly() {
        PriceObservations data = LogLogStrategyTest.plantedDemand(3, new double[] {-2, -2}, 0);
        PricingModel model = fit(data);
        assertEquals(-2, model.elasticity("p0").estimate(), 1e-9);
        double[] expected = model.expectedUnits(data);
        for (int row = 0; row < data.size(); row += 29) {
            assertEquals(data.units(row), expected[row], 1e-6 * data.units(row));
        }
    }

    @Test
    void readsItsOwnModelsOnly() throws IOException {
        PriceObservations data = LogLogStrategyTest.noiselessDemand();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        fit(data).writeTo(bytes);
        PricingModel read = strategy.readModel(new ByteArrayInputStream(bytes.toByteArray()));
        assertArrayEquals(fit(data).expectedUnits(data), read.expectedUnits(data), 0);
        IOException other = assertThrows(IOException.class,
                () -> new LogLogStrategy().readModel(new ByteArrayInputStream(bytes.toByteArray())));
        assertEquals("the model was fitted by pooled-log-log, not log-log", other.getMessage());
    }
}

package io.mercator.plugins.segmentation.clv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mercator.api.Parameters;
import io.mercator.api.TrainingContext;
import io.mercator.api.ValidationException;
import io.mercator.api.segmentation.CustomerFeatures;
import io.mercator.api.segmentation.SegmentProfiles;
import io.mercator.api.segmentation.SegmentationModel;
import io.mercator.api.segmentation.Transactions;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BgNbdStrategyTest {

    private static final BgNbdStrategy STRATEGY = new BgNbdStrategy();

    private static SegmentationModel fitCdnowCalibration() throws IOException {
        Parameters parameters = Parameters.resolve(STRATEGY.descriptor().parameters(),
                Map.of(CustomerFeatures.ANALYSIS_DATE.name(), "1997-10-01"));
        return STRATEGY.fit(CdnowData.read(), parameters, TrainingContext.none());
    }

    @Test
    void cdnowSegmentsAreOrderedByValueAndAliveness() throws IOException {
        ClvModel model = (ClvModel) fitCdnowCalibration();
        assertEquals(0.243, model.parameters().r(), 0.0006);
        assertEquals(6.25, model.spend().p(), 0.005);
        SegmentProfiles profiles = model.segments();
        int expectedValue = ValueTiers.LIFETIME_VALUE;
        int probabilityAlive = ValueTiers.PROBABILITY_ALIVE;
        assertTrue(profiles.mean(expectedValue, 0) > profiles.mean(expectedValue, 1));
        assertTrue(profiles.mean(expectedValue, 1) > profiles.mean(expectedValue, 2));
        assertTrue(profiles.mean(probabilityAlive, 3) < 0.5);
        assertTrue(profiles.mean(probabilityAlive, 0) >= 0.5);
        int assigned = 0;
        for (int size : profiles.sizes()) {
            assigned += size;
        }
        assertEquals(2357, assigned);
    }

    @Test
    void newCustomersAreScoredWithTheFittedModelAndTheModelRoundTrips() throws IOException {
        SegmentationModel model = fitCdnowCalibration();
        LocalDate day = LocalDate.parse("1997-09-29");
        Transactions.Builder later = Transactions.builder();
        for (int week = 0; week < 30; week++) {
            later.add("frequent", day.minusWeeks(week), 40);
        }
        later.add("gone", LocalDate.parse("1997-01-02"), 10).add("gone", LocalDate.parse("1997-01-09"), 10);
        Transactions transactions = later.build();
        assertEquals("high-value", model.segments().name(model.assign(transactions).segmentOf("frequent")));
        assertEquals("likely-lost", model.segments().name(model.assign(transactions).segmentOf("gone")));

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        model.writeTo(bytes);
        SegmentationModel read = STRATEGY.readModel(new ByteArrayInputStream(bytes.toByteArray()));
        assertEquals(model.segmentOf("1"), read.segmentOf("1"));
        assertEquals(model.assign(transactions).segmentOf("gone"), read.assign(transactions).segmentOf("gone"));
        assertThrows(IOException.class, () -> STRATEGY.readModel(new ByteArrayInputStream(new byte[8])));
    }

    @Test
    void dataWithoutRepeatPurchasesIsRejected() {
        Transactions once = Transactions.builder().add("a", LocalDate.parse("2020-01-01"), 5)
                .add("b", LocalDate.parse("2020-02-01"), 7).build();
        ValidationException error = assertThrows(ValidationException.class, () -> STRATEGY.fit(once,
                Parameters.defaults(STRATEGY.descriptor().parameters()), TrainingContext.none()));
        assertEquals("transactions", error.field());
    }
}

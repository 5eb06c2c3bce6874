package io.mercator.plugins.segmentation.propensity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mercator.api.Parameters;
import io.mercator.api.TrainingContext;
import io.mercator.api.ValidationException;
import io.mercator.api.segmentation.CustomerFeatures;
import io.mercator.api.segmentation.PropensityModel;
import io.mercator.api.segmentation.Transactions;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PropensityStrategyTest {

    private static final LocalDate END = LocalDate.parse("2024-01-01");
    private static final PropensityStrategy STRATEGY = new PropensityStrategy();

    /** 30 regulars who buy every 10 days for a year, and 30 who bought twice a year ago and never again. */
    private static Transactions planted() {
        Transactions.Builder builder = Transactions.builder();
        for (int c = 0; c < 30; c++) {
            for (int day = 1 + c % 5; day < 365; day += 10) {
                builder.add("regular" + c, END.minusDays(day), 20 + c);
            }
            builder.add("gone" + c, END.minusDays(330 + c), 25).add("gone" + c, END.minusDays(300 + c), 15);
        }
        return builder.build();
    }

    private static PropensityModel fit(Transactions data) {
        return fit(data, true);
    }

    private static PropensityModel fit(Transactions data, boolean calibrate) {
        Parameters parameters = Parameters.resolve(STRATEGY.descriptor().parameters(),
                Map.of(CustomerFeatures.ANALYSIS_DATE.name(), END.toString(), PropensityStrategy.CALIBRATE, calibrate));
        return (PropensityModel) STRATEGY.fit(data, parameters, TrainingContext.none());
    }

    /**
     * 200 customers who all bought 400 days ago; customer c buys again 250 to 160 days ago when c
     * is a multiple of 2, and 70 to 1 days ago when c is a multiple of 5: the purchase rate falls
     * from one half in the period before the last to one fifth in the last.
     */
    private static Transactions slowing() {
        Transactions.Builder builder = Transactions.builder();
        for (int c = 0; c < 200; c++) {
            builder.add("c" + c, END.minusDays(400 + c % 7), 30);
            if (c % 2 == 0) {
                builder.add("c" + c, END.minusDays(160 + c % 90), 30);
            }
            if (c % 5 == 0) {
                builder.add("c" + c, END.minusDays(1 + c % 70), 30);
            }
        }
        return builder.build();
    }

    @Test
    void calibrationOnTheLastPeriodFollowsItsPurchaseRate() {
        PropensityModel calibrated = fit(slowing(), true);
        double mean = 0;
        for (int c = 0; c < 200; c++) {
            mean += calibrated.probabilityOf("c" + c).getAsDouble() / 200;
        }
        // the last period's rate is 0.2; Platt scaling on it matches the mean of the held-out scores to
        // its smoothed targets, and the scores as of now differ from those as of a period ago
        assertEquals(0.2, mean, 0.1, "mean calibrated probability " + mean);
        assertTrue(fit(slowing(), false).probabilityOf("c1").isPresent());
    }

    @Test
    void regularsAreLikelyAndLapsedCustomersUnlikely() throws IOException {
        PropensityModel model = fit(planted());
        assertEquals("purchase in the next 90 days", model.outcome());
        assertTrue(model.probabilityOf("regular3").getAsDouble() > 0.5);
        assertTrue(model.probabilityOf("gone3").getAsDouble() < 0.2);
        assertTrue(model.probabilityOf("stranger").isEmpty());
        assertEquals("likely", model.segments().name(model.segmentOf("regular7")));
        assertEquals("unlikely", model.segments().name(model.segmentOf("gone7")));
        assertEquals(30, model.segments().customerCount(0));

        Transactions newcomers = Transactions.builder().add("fresh", END.minusDays(3), 30)
                .add("fresh", END.minusDays(13), 30).add("fresh", END.minusDays(23), 30).build();
        assertEquals("likely", model.segments().name(model.assign(newcomers).segmentOf("fresh")));

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        model.writeTo(bytes);
        PropensityModel read = (PropensityModel) STRATEGY.readModel(new ByteArrayInputStream(bytes.toByteArray()));
        assertEquals(model.probabilityOf("gone1").getAsDouble(), read.probabilityOf("gone1").getAsDouble(), 0);
        assertEquals(model.assign(newcomers).segmentOf("fresh"), read.assign(newcomers).segmentOf("fresh"));
        assertThrows(IOException.class, () -> STRATEGY.readModel(new ByteArrayInputStream(new byte[8])));
    }

    @Test
    void dataWithoutNonBuyersIsRejectedNamingTheField() {
        Transactions everyoneBuys = Transactions.builder().add("a", END.minusDays(200), 5).add("a", END.minusDays(5), 5)
                .add("b", END.minusDays(150), 5).add("b", END.minusDays(2), 5).build();
        ValidationException error = assertThrows(ValidationException.class, () -> fit(everyoneBuys));
        assertEquals("transactions", error.field());
        assertTrue(error.getMessage().contains("2 customers and 2 buyers"), error.getMessage());
    }
}

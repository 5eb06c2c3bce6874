package io.mercator.plugins.segmentation.rfm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.mercator.api.Parameters;
import io.mercator.api.TrainingContext;
import io.mercator.api.ValidationException;
import io.mercator.api.segmentation.CustomerFeatures;
import io.mercator.api.segmentation.SegmentAssignment;
import io.mercator.api.segmentation.SegmentProfiles;
import io.mercator.api.segmentation.SegmentationModel;
import io.mercator.api.segmentation.Transactions;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RfmStrategyTest {

    private static final LocalDate ANALYSIS = LocalDate.parse("2024-03-01");
    /** Per customer c0..c9: days since the last purchase, and the number of purchases of 10.00 each. */
    private static final int[] RECENCY = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
    private static final int[] FREQUENCY = {10, 1, 9, 3, 7, 5, 8, 4, 6, 2};

    /**
     * The hand-made table: with ten distinct values the cut points are the 2nd, 4th, 6th and 8th
     * smallest, so recency 1-2 scores 5, 3-4 scores 4, ..., 9-10 scores 1, and frequency (and
     * monetary, always ten times frequency) 1-2 scores 1, ..., 9-10 scores 5. c10 only returned
     * goods and c0 also bought after the analysis date, which must not count.
     */
    private static Transactions handMadeTable() {
        Transactions.Builder builder = Transactions.builder();
        for (int c = 0; c < RECENCY.length; c++) {
            for (int purchase = 0; purchase < FREQUENCY[c]; purchase++) {
                builder.add("c" + c, ANALYSIS.minusDays(RECENCY[c] + 20L * purchase), 10.0);
            }
        }
        builder.add("c10", ANALYSIS.minusDays(3), -25.0);
        builder.add("c0", ANALYSIS.plusDays(5), 500.0);
        return builder.build();
    }

    private static SegmentationModel fit(Transactions data) {
        RfmStrategy strategy = new RfmStrategy();
        return strategy.fit(data, Parameters.resolve(strategy.descriptor().parameters(),
                Map.of(CustomerFeatures.ANALYSIS_DATE.name(), ANALYSIS.toString())), TrainingContext.none());
    }

    @Test
    void handMadeTableGetsTheSegmentsOfTheGrid() {
        SegmentationModel model = fit(handMadeTable());
        String[] expected = {"champions", "new", "champions", "promising", "loyal", "loyal", "at-risk",
            "hibernating", "at-risk", "lost"};
        SegmentProfiles profiles = model.segments();
        for (int c = 0; c < expected.length; c++) {
            assertEquals(expected[c], profiles.name(model.segmentOf("c" + c)), "c" + c);
        }
        assertEquals(SegmentAssignment.UNASSIGNED, model.segmentOf("c10"));
        assertEquals(SegmentAssignment.UNASSIGNED, model.segmentOf("stranger"));
        int champions = profiles.indexOf("champions");
        assertEquals(2, profiles.customerCount(champions));
        assertEquals(0, profiles.customerCount(profiles.indexOf("need-attention")));
        // c0 and c2: recency 1 and 3, frequency 10 and 9, monetary 100 and 90; scores R 5/4, F 5/5, M 5/5
        double[] championMeans = new double[RfmModel.PROFILE_FEATURES.length];
        for (int f = 0; f < championMeans.length; f++) {
            championMeans[f] = profiles.mean(f, champions);
        }
        assertArrayEquals(new double[] {2, 9.5, 95, 4.5, 5, 5}, championMeans, 1e-12);
        // recency 1 and 3: interpolated quantiles at 0.1, 0.25, 0.5, 0.75, 0.9
        assertArrayEquals(new double[] {1.2, 1.5, 2, 2.5, 2.8}, profiles.quantiles(0, champions), 1e-12);
    }

    @Test
    void topCategoriesComeFromTheLinesBeforeTheAnalysisDate() {
        Transactions.Builder builder = Transactions.builder();
        for (int c = 0; c < RECENCY.length; c++) {
            for (int purchase = 0; purchase < FREQUENCY[c]; purchase++) {
                int day = (int) ANALYSIS.minusDays(RECENCY[c] + 20L * purchase).toEpochDay();
                builder.add("c" + c, day, 10.0).addCategorySpend("c" + c, day, c % 2 == 0 ? "vinyl" : "tapes", 10.0);
            }
        }
        // c1 buys vinyl after the analysis date: it must not count
        builder.addCategorySpend("c1", (int) ANALYSIS.plusDays(1).toEpochDay(), "vinyl", 99);
        SegmentProfiles profiles = fit(builder.build()).segments();
        // champions c0 and c2 bought vinyl, as did half of all ten customers
        assertEquals(List.of(new SegmentProfiles.CategoryShare("vinyl", 1, 2)),
                profiles.topCategories(profiles.indexOf("champions")));
        assertEquals(List.of(new SegmentProfiles.CategoryShare("tapes", 1, 2)),
                profiles.topCategories(profiles.indexOf("new")));
    }

    @Test
    void newCustomersAreScoredAgainstTheFitTimeCutPoints() {
        SegmentationModel model = fit(handMadeTable());
        // one purchase of 1000 the day before the analysis date: R 5, F 1, M 5, value round(3) = 3
        Transactions later = Transactions.builder().add("z", ANALYSIS.minusDays(1), 1000).add("y", ANALYSIS, -5).build();
        SegmentAssignment assignment = model.assign(later);
        assertEquals("loyal", model.segments().name(assignment.segmentOf("z")));
        assertEquals(SegmentAssignment.UNASSIGNED, assignment.segmentOf("y"));
    }

    @Test
    void badAnalysisDateAndEmptyDataAreNamed() {
        RfmStrategy strategy = new RfmStrategy();
        Parameters badDate = Parameters.resolve(strategy.descriptor().parameters(),
                Map.of(CustomerFeatures.ANALYSIS_DATE.name(), "yesterday"));
        ValidationException date = assertThrows(ValidationException.class,
                () -> strategy.fit(handMadeTable(), badDate, TrainingContext.none()));
        assertEquals("analysisDate", date.field());
        Parameters defaults = Parameters.defaults(strategy.descriptor().parameters());
        ValidationException empty = assertThrows(ValidationException.class,
                () -> strategy.fit(Transactions.builder().build(), defaults, TrainingContext.none()));
        assertEquals("transactions", empty.field());
    }

    @Test
    void modelRoundTripsAndRejectsForeignBytes() throws IOException {
        SegmentationModel model = fit(handMadeTable());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        model.writeTo(bytes);
        RfmStrategy strategy = new RfmStrategy();
        SegmentationModel read = strategy.readModel(new ByteArrayInputStream(bytes.toByteArray()));
        assertEquals(model.segmentOf("c7"), read.segmentOf("c7"));
        assertArrayEquals(model.segments().sizes(), read.segments().sizes());
        assertEquals(model.segments().mean(2, 0), read.segments().mean(2, 0), 0);
        Transactions later = Transactions.builder().add("z", ANALYSIS.minusDays(1), 1000).build();
        assertEquals(model.assign(later).segmentOf("z"), read.assign(later).segmentOf("z"));
        assertThrows(IOException.class, () -> strategy.readModel(new ByteArrayInputStream(new byte[] {1, 2, 3, 4, 5, 6, 7, 8})));
    }
}

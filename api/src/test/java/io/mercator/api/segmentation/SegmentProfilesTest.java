package io.mercator.api.segmentation;

import static io.mercator.api.Rejections.assertRejected;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mercator.api.ValidationException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class SegmentProfilesTest {

    private static final String[] NAMES = {"champions", "at-risk"};
    private static final String[] FEATURES = {"recencyDays", "frequency", "monetary"};

    private static double[][] means() {
        return new double[][] {{5, 120}, {14, 2}, {900, 80}};
    }

    @Test
    void roundTripsAndCopiesBothWays() {
        double[][] means = means();
        int[] sizes = {120, 3400};
        SegmentProfiles profiles = new SegmentProfiles(NAMES.clone(), sizes, FEATURES.clone(), means);
        means[2][0] = -1;
        sizes[0] = -1;
        assertEquals(2, profiles.size());
        assertEquals("at-risk", profiles.name(1));
        assertEquals(1, profiles.indexOf("at-risk"));
        assertEquals(-1, profiles.indexOf("sleepers"));
        assertEquals(120, profiles.customerCount(0));
        assertArrayEquals(new int[] {120, 3400}, profiles.sizes());
        assertArrayEquals(NAMES, profiles.names());
        assertArrayEquals(FEATURES, profiles.featureNames());
        assertEquals(900.0, profiles.mean(2, 0));
        assertArrayEquals(new double[] {14, 2}, profiles.means(1));
        profiles.means(1)[0] = 0;
        assertEquals(14.0, profiles.mean(1, 0));
    }

    @Test
    void profilesWithoutFeaturesAreAccepted() {
        SegmentProfiles profiles = new SegmentProfiles(NAMES, new int[2], new String[0], new double[0][]);
        assertEquals(0, profiles.featureNames().length);
    }

    @Test
    void badNamesAreRejected() {
        assertRejected("names", 1, "'a' appears twice",
                () -> new SegmentProfiles(new String[] {"a", "a"}, new int[2], FEATURES, means()));
        assertRejected("names", 0, "is empty",
                () -> new SegmentProfiles(new String[] {"", "a"}, new int[2], FEATURES, means()));
        assertRejected("featureNames", 2, "'frequency' appears twice",
                () -> new SegmentProfiles(NAMES, new int[2], new String[] {"recencyDays", "frequency", "frequency"},
                        means()));
    }

    @Test
    void negativeSizeIsRejected() {
        assertRejected("sizes", 1, "-3 must be >= 0",
                () -> new SegmentProfiles(NAMES, new int[] {1, -3}, FEATURES, means()));
    }

    @Test
    void nonFiniteMeanIsRejectedNamingTheFeature() {
        double[][] means = means();
        means[1][1] = Double.NaN;
        assertRejected("means[frequency]", 1, "NaN is not a finite number",
                () -> new SegmentProfiles(NAMES, new int[2], FEATURES, means));
    }

    @Test
    void wrongShapesAreRejected() {
        assertRejected("sizes", ValidationException.NO_ROW, "has 1 rows, expected 2",
                () -> new SegmentProfiles(NAMES, new int[1], FEATURES, means()));
        assertRejected("means", ValidationException.NO_ROW, "has 2 rows, expected 3",
                () -> new SegmentProfiles(NAMES, new int[2], FEATURES, new double[2][2]));
        assertRejected("means[monetary]", ValidationException.NO_ROW, "has 3 rows, expected 2",
                () -> new SegmentProfiles(NAMES, new int[2], FEATURES, new double[][] {{1, 2}, {1, 2}, {1, 2, 3}}));
        assertRejected("names", ValidationException.NO_ROW, "column is missing",
                () -> new SegmentProfiles(null, new int[0], FEATURES, means()));
    }

    @Test
    void summariseGivesQuantilesInterpolatedLikeNumpy() {
        // segment 0 holds 1, 2, 3, 4, 10 and segment 1 holds 7; customer 5 is unassigned
        int[] segment = {0, 0, 1, 0, 0, -1, 0};
        double[][] features = {{4, 1, 7, 3, 10, 99, 2}};
        SegmentProfiles profiles = SegmentProfiles.summarise(NAMES, segment, new String[] {"monetary"}, features);
        assertTrue(profiles.hasQuantiles());
        assertArrayEquals(new double[] {0.1, 0.25, 0.5, 0.75, 0.9}, SegmentProfiles.quantileLevels());
        // numpy.quantile([1, 2, 3, 4, 10], [0.1, 0.25, 0.5, 0.75, 0.9]) = 1.4, 2, 3, 4, 7.6
        assertArrayEquals(new double[] {1.4, 2, 3, 4, 7.6}, profiles.quantiles(0, 0), 1e-12);
        assertArrayEquals(new double[] {7, 7, 7, 7, 7}, profiles.quantiles(0, 1), 0);
        assertEquals(4.0, profiles.mean(0, 0), 1e-12);
        SegmentProfiles meansOnly = new SegmentProfiles(NAMES, new int[] {5, 1}, FEATURES, means());
        assertFalse(meansOnly.hasQuantiles());
        assertTrue(Double.isNaN(meansOnly.quantiles(0, 0)[2]));
    }

    @Test
    void topCategoriesAreThoseMostOfTheSegmentsCustomersBoughtBeforeTheAnalysisDay() {
        Transactions transactions = Transactions.builder()
                .add("ann", 100, 50).add("bob", 100, 40).add("cy", 100, 30)
                .addCategorySpend("ann", 100, "wine", 30).addCategorySpend("ann", 100, "cheese", 20)
                .addCategorySpend("bob", 100, "wine", 10).addCategorySpend("bob", 100, "bread", 30)
                .addCategorySpend("bob", 101, "bread", -5)
                .addCategorySpend("cy", 100, "bread", 30)
                // returned in full: cy did not buy cheese
                .addCategorySpend("cy", 100, "cheese", 5).addCategorySpend("cy", 102, "cheese", -5)
                // after the analysis day: left out
                .addCategorySpend("cy", 200, "wine", 1000)
                .build();
        int[] segment = {0, 0, 1};
        SegmentProfiles profiles = SegmentProfiles.summarise(NAMES, segment, new String[0], new double[0][])
                .withTopCategories(segment, transactions, 150);
        // segment 0 (ann, bob): wine 2 of 2, cheese 1, bread 1 (ties in the order categories appeared);
        // all 3 customers: wine 2, cheese 1, bread 2
        assertEquals(List.of(new SegmentProfiles.CategoryShare("wine", 1, 1.5),
                new SegmentProfiles.CategoryShare("cheese", 0.5, 1.5),
                new SegmentProfiles.CategoryShare("bread", 0.5, 0.75)), profiles.topCategories(0));
        assertEquals(List.of(new SegmentProfiles.CategoryShare("bread", 1, 1.5)), profiles.topCategories(1));

        SegmentProfiles withoutLines = SegmentProfiles.summarise(NAMES, segment, new String[0], new double[0][]);
        Transactions plain = Transactions.builder().add("ann", 100, 50).add("bob", 100, 40).add("cy", 100, 30).build();
        assertSame(withoutLines, withoutLines.withTopCategories(segment, plain, 150));
        assertEquals(List.of(), withoutLines.topCategories(0));
    }

    @Test
    void quantilesAndCategoriesSurviveTheBinaryFormAndTheOldFormIsStillRead() throws IOException {
        Transactions transactions = Transactions.builder().add("ann", 100, 50).add("bob", 100, 40)
                .addCategorySpend("ann", 100, "wine", 30).addCategorySpend("bob", 100, "bread", 30).build();
        int[] segment = {0, 1};
        SegmentProfiles profiles = SegmentProfiles.summarise(NAMES, segment, new String[] {"monetary"},
                new double[][] {{50, 40}}).withTopCategories(segment, transactions, 150);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        profiles.writeTo(new DataOutputStream(bytes));
        SegmentProfiles read = SegmentProfiles.readFrom(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        assertArrayEquals(profiles.quantiles(0, 1), read.quantiles(0, 1), 0);
        assertEquals(profiles.topCategories(1), read.topCategories(1));

        // the 1.0 form: segment count, names and sizes, feature count, names and means
        ByteArrayOutputStream old = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(old);
        out.writeInt(1);
        out.writeUTF("everyone");
        out.writeInt(7);
        out.writeInt(1);
        out.writeUTF("monetary");
        out.writeDouble(12.5);
        SegmentProfiles legacy = SegmentProfiles.readFrom(new DataInputStream(new ByteArrayInputStream(old.toByteArray())));
        assertEquals(12.5, legacy.mean(0, 0), 0);
        assertFalse(legacy.hasQuantiles());
        assertEquals(List.of(), legacy.topCategories(0));
    }
}

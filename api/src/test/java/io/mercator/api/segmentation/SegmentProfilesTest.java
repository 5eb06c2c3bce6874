package io.mercator.api.segmentation;

import static io.mercator.api.Rejections.assertRejected;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mercator.api.ValidationException;
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
}

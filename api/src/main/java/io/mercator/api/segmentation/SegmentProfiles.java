package io.mercator.api.segmentation;

import io.mercator.api.ValidationException;
import io.mercator.api.data.Columns;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * The segments of a model and what characterises them, one row per segment: segment {@code s}
 * has a name, a size (the number of customers assigned to it at fit time) and the mean of every
 * feature over its customers.
 *
 * <p>Features are chosen by the strategy and named in {@link #featureNames()}; RFM-style
 * strategies use {@code "recencyDays"}, {@code "frequency"} and {@code "monetary"}. The means
 * are stored one column per feature. Immutable; the arrays are copied on the way in and out.
 */
public final class SegmentProfiles {

    private final String[] names;
    private final int[] sizes;
    private final String[] featureNames;
    private final double[][] means;

    /**
     * @param names one non-blank, distinct name per segment, e.g. {@code "champions"}
     * @param sizes customers per segment at fit time, &gt;= 0
     * @param featureNames non-blank, distinct feature names; may be empty
     * @param means {@code means[f][s]} is the finite mean of feature {@code f} over segment
     *     {@code s}; one column per feature, each with one value per segment
     * @throws ValidationException naming the field and row at fault
     */
    public SegmentProfiles(String[] names, int[] sizes, String[] featureNames, double[][] means) {
        if (names == null) {
            throw new ValidationException("names", "column is missing");
        }
        int segments = names.length;
        this.names = names.clone();
        requireDistinct("names", this.names);
        this.sizes = Columns.requireLength("sizes", sizes, segments).clone();
        for (int row = 0; row < segments; row++) {
            if (this.sizes[row] < 0) {
                throw new ValidationException("sizes", row, this.sizes[row] + " must be >= 0");
            }
        }
        if (featureNames == null) {
            throw new ValidationException("featureNames", "column is missing");
        }
        this.featureNames = featureNames.clone();
        requireDistinct("featureNames", this.featureNames);
        Columns.requireLength("means", means, this.featureNames.length);
        this.means = new double[this.featureNames.length][];
        for (int f = 0; f < this.featureNames.length; f++) {
            String field = "means[" + this.featureNames[f] + "]";
            this.means[f] = Columns.requireLength(field, means[f], segments).clone();
            Columns.requireFinite(field, this.means[f]);
        }
    }

    /**
     * Builds the profiles of an assignment: sizes and per-segment feature means.
     *
     * @param names one name per segment
     * @param segment per customer, a segment index or {@link SegmentAssignment#UNASSIGNED}
     *     (left out of every profile)
     * @param featureNames the feature names
     * @param features {@code features[f][customer]}, finite, one column per feature
     * @return the profiles; an empty segment has means of 0
     * @throws ValidationException naming the field and row at fault
     */
    public static SegmentProfiles summarise(String[] names, int[] segment, String[] featureNames,
            double[][] features) {
        int[] sizes = new int[names.length];
        for (int row = 0; row < segment.length; row++) {
            if (segment[row] >= names.length) {
                throw new ValidationException("segment", row, segment[row] + " has no name");
            }
            if (segment[row] >= 0) {
                sizes[segment[row]]++;
            }
        }
        double[][] means = new double[features.length][names.length];
        for (int f = 0; f < features.length; f++) {
            Columns.requireLength("features[" + f + "]", features[f], segment.length);
            for (int row = 0; row < segment.length; row++) {
                if (segment[row] >= 0) {
                    means[f][segment[row]] += features[f][row];
                }
            }
            for (int s = 0; s < names.length; s++) {
                means[f][s] = sizes[s] == 0 ? 0 : means[f][s] / sizes[s];
            }
        }
        return new SegmentProfiles(names, sizes, featureNames, means);
    }

    /**
     * Writes the profiles in a compact binary form that {@link #readFrom} reads back; for
     * models that store their profiles.
     *
     * @param out where to write
     * @throws IOException when writing fails
     */
    public void writeTo(DataOutput out) throws IOException {
        out.writeInt(names.length);
        for (int s = 0; s < names.length; s++) {
            out.writeUTF(names[s]);
            out.writeInt(sizes[s]);
        }
        out.writeInt(featureNames.length);
        for (int f = 0; f < featureNames.length; f++) {
            out.writeUTF(featureNames[f]);
            for (double mean : means[f]) {
                out.writeDouble(mean);
            }
        }
    }

    /**
     * @param in bytes written by {@link #writeTo}
     * @return the profiles
     * @throws IOException when the bytes cannot be read or do not hold valid profiles
     */
    public static SegmentProfiles readFrom(DataInput in) throws IOException {
        int segments = requireCount(in.readInt());
        String[] names = new String[segments];
        int[] sizes = new int[segments];
        for (int s = 0; s < segments; s++) {
            names[s] = in.readUTF();
            sizes[s] = in.readInt();
        }
        int features = requireCount(in.readInt());
        String[] featureNames = new String[features];
        double[][] means = new double[features][segments];
        for (int f = 0; f < features; f++) {
            featureNames[f] = in.readUTF();
            for (int s = 0; s < segments; s++) {
                means[f][s] = in.readDouble();
            }
        }
        try {
            return new SegmentProfiles(names, sizes, featureNames, means);
        } catch (ValidationException corrupt) {
            throw new IOException("corrupt segment profiles: " + corrupt.getMessage(), corrupt);
        }
    }

    private static int requireCount(int count) throws IOException {
        if (count < 0 || count > 1_000_000) {
            throw new IOException("corrupt segment profiles: count " + count);
        }
        return count;
    }

    private static void requireDistinct(String field, String[] column) {
        Columns.requireNonBlank(field, column);
        Set<String> seen = new HashSet<>();
        for (int row = 0; row < column.length; row++) {
            if (!seen.add(column[row])) {
                throw new ValidationException(field, row, "'" + column[row] + "' appears twice");
            }
        }
    }

    /** @return the number of segments */
    public int size() {
        return names.length;
    }

    /**
     * @param segment from 0 to {@code size() - 1}
     * @return the segment's name
     */
    public String name(int segment) {
        return names[segment];
    }

    /**
     * @param segment from 0 to {@code size() - 1}
     * @return the number of customers in the segment at fit time
     */
    public int customerCount(int segment) {
        return sizes[segment];
    }

    /**
     * @param name a segment name
     * @return its index, or -1 when no segment has that name
     */
    public int indexOf(String name) {
        return Arrays.asList(names).indexOf(name);
    }

    /** @return a copy of the segment names */
    public String[] names() {
        return names.clone();
    }

    /** @return a copy of the segment sizes */
    public int[] sizes() {
        return sizes.clone();
    }

    /** @return a copy of the feature names */
    public String[] featureNames() {
        return featureNames.clone();
    }

    /**
     * @param feature from 0 to {@code featureNames().length - 1}
     * @param segment from 0 to {@code size() - 1}
     * @return the mean of that feature over that segment
     */
    public double mean(int feature, int segment) {
        return means[feature][segment];
    }

    /**
     * @param feature from 0 to {@code featureNames().length - 1}
     * @return a copy of that feature's mean per segment
     */
    public double[] means(int feature) {
        return means[feature].clone();
    }
}

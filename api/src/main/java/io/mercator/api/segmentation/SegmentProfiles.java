package io.mercator.api.segmentation;

import io.mercator.api.ValidationException;
import io.mercator.api.data.Columns;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The segments of a model and what characterises them, one row per segment: segment {@code s}
 * has a name, a size (the number of customers assigned to it at fit time), the mean of every
 * feature over its customers and, for profiles built by {@link #summarise}, the quantiles of
 * every feature at {@link #quantileLevels()}. Where the transactions carry
 * {@link CategorySpend}, {@link #withTopCategories} adds the categories most of each segment's
 * customers buy.
 *
 * <p>Features are chosen by the strategy and named in {@link #featureNames()}, in their original
 * units; RFM-style strategies use {@code "recencyDays"}, {@code "frequency"} and
 * {@code "monetary"}. The means are stored one column per feature. Immutable; the arrays are
 * copied on the way in and out.
 */
public final class SegmentProfiles {

    private static final double[] QUANTILE_LEVELS = {0.1, 0.25, 0.5, 0.75, 0.9};
    private static final int TOP_CATEGORIES = 5;
    /** Leads the binary form since 1.1; the older form starts with the (non-negative) segment count. */
    private static final int FORMAT_2 = -2;

    /**
     * A category a segment spends on.
     *
     * @param category the category name
     * @param share the part of the segment's customers who bought the category (a positive net
     *     spend on it), from 0 to 1
     * @param lift the share over the same share among all segmented customers: above 1 when the
     *     segment favours the category
     * @since 1.1
     */
    public record CategoryShare(String category, double share, double lift) {
    }

    private final String[] names;
    private final int[] sizes;
    private final String[] featureNames;
    private final double[][] means;
    /** {@code quantiles[f][s][level]}, or null when unknown. */
    private final double[][][] quantiles;
    private final List<List<CategoryShare>> topCategories;

    /**
     * @param names one non-blank, distinct name per segment, e.g. {@code "champions"}
     * @param sizes customers per segment at fit time, &gt;= 0
     * @param featureNames non-blank, distinct feature names; may be empty
     * @param means {@code means[f][s]} is the finite mean of feature {@code f} over segment
     *     {@code s}; one column per feature, each with one value per segment
     * @throws ValidationException naming the field and row at fault
     */
    public SegmentProfiles(String[] names, int[] sizes, String[] featureNames, double[][] means) {
        this(names, sizes, featureNames, means, null, null);
    }

    private SegmentProfiles(String[] names, int[] sizes, String[] featureNames, double[][] means,
            double[][][] quantiles, List<List<CategoryShare>> topCategories) {
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
        this.quantiles = quantiles;
        List<List<CategoryShare>> categories = new ArrayList<>();
        for (int segment = 0; segment < segments; segment++) {
            categories.add(topCategories == null ? List.of() : List.copyOf(topCategories.get(segment)));
        }
        this.topCategories = List.copyOf(categories);
    }

    /**
     * Builds the profiles of an assignment: sizes, and per-segment feature means and quantiles
     * (linearly interpolated between order statistics, as numpy's default).
     *
     * @param names one name per segment
     * @param segment per customer, a segment index or {@link SegmentAssignment#UNASSIGNED}
     *     (left out of every profile)
     * @param featureNames the feature names
     * @param features {@code features[f][customer]}, finite, one column per feature
     * @return the profiles; an empty segment has means and quantiles of 0
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
        double[][][] quantiles = new double[features.length][names.length][QUANTILE_LEVELS.length];
        for (int f = 0; f < features.length; f++) {
            Columns.requireLength("features[" + f + "]", features[f], segment.length);
            Columns.requireFinite("features[" + f + "]", features[f]);
            double[][] values = new double[names.length][];
            for (int s = 0; s < names.length; s++) {
                values[s] = new double[sizes[s]];
            }
            int[] filled = new int[names.length];
            for (int row = 0; row < segment.length; row++) {
                if (segment[row] >= 0) {
                    means[f][segment[row]] += features[f][row];
                    values[segment[row]][filled[segment[row]]++] = features[f][row];
                }
            }
            for (int s = 0; s < names.length; s++) {
                means[f][s] = sizes[s] == 0 ? 0 : means[f][s] / sizes[s];
                Arrays.sort(values[s]);
                for (int level = 0; level < QUANTILE_LEVELS.length; level++) {
                    quantiles[f][s][level] = quantile(values[s], QUANTILE_LEVELS[level]);
                }
            }
        }
        return new SegmentProfiles(names, sizes, featureNames, means, quantiles, null);
    }

    private static double quantile(double[] sorted, double level) {
        if (sorted.length == 0) {
            return 0;
        }
        double position = level * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(sorted.length - 1, below + 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }

    /**
     * Adds the categories most of each segment's customers buy, from the category lines of the
     * transactions the segments were fitted on. A customer buys a category when its net spend on
     * it (returns included) is positive. Ranking by customers rather than by spend keeps one large
     * order from standing for a whole segment.
     *
     * @param segment per customer of {@code transactions.customers()}, a segment index or
     *     {@link SegmentAssignment#UNASSIGNED}
     * @param transactions the transactions; without {@link Transactions#categorySpend()} these
     *     profiles are returned unchanged
     * @param beforeDay only lines dated before this epoch day count (the analysis day of the fit)
     * @return profiles with up to five categories per segment, by decreasing share of its customers
     * @throws ValidationException when {@code segment} does not match the customers
     * @since 1.1
     */
    public SegmentProfiles withTopCategories(int[] segment, Transactions transactions, int beforeDay) {
        CategorySpend spend = transactions.categorySpend().orElse(null);
        if (spend == null) {
            return this;
        }
        Columns.requireLength("segment", segment, transactions.customers().size());
        Map<Long, Double> netByCustomerAndCategory = new HashMap<>();
        for (int line = 0; line < spend.size(); line++) {
            int s = segment[spend.customer(line)];
            if (s >= 0 && s < names.length && spend.day(line) < beforeDay) {
                netByCustomerAndCategory.merge(((long) spend.customer(line) << 32) | spend.category(line),
                        spend.amount(line), Double::sum);
            }
        }
        List<Map<Integer, Integer>> buyersBySegment = new ArrayList<>();
        for (int s = 0; s < names.length; s++) {
            buyersBySegment.add(new HashMap<>());
        }
        Map<Integer, Integer> buyers = new HashMap<>();
        netByCustomerAndCategory.forEach((key, net) -> {
            if (net > 0) {
                int category = (int) (key & 0xffffffffL);
                buyersBySegment.get(segment[(int) (key >>> 32)]).merge(category, 1, Integer::sum);
                buyers.merge(category, 1, Integer::sum);
            }
        });
        double segmented = Arrays.stream(sizes).sum();
        List<List<CategoryShare>> top = new ArrayList<>();
        for (int s = 0; s < names.length; s++) {
            int size = sizes[s];
            top.add(buyersBySegment.get(s).entrySet().stream()
                    .sorted(Map.Entry.<Integer, Integer>comparingByValue(Comparator.reverseOrder())
                            .thenComparing(Map.Entry.comparingByKey()))
                    .limit(TOP_CATEGORIES)
                    .map(entry -> {
                        double share = (double) entry.getValue() / size;
                        return new CategoryShare(spend.categories().id(entry.getKey()), share,
                                share / (buyers.get(entry.getKey()) / segmented));
                    })
                    .toList());
        }
        return new SegmentProfiles(names, sizes, featureNames, means, quantiles, top);
    }

    /**
     * Writes the profiles in a compact binary form that {@link #readFrom} reads back; for
     * models that store their profiles.
     *
     * @param out where to write
     * @throws IOException when writing fails
     */
    public void writeTo(DataOutput out) throws IOException {
        out.writeInt(FORMAT_2);
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
        out.writeBoolean(quantiles != null);
        if (quantiles != null) {
            for (double[][] feature : quantiles) {
                for (double[] segment : feature) {
                    for (double value : segment) {
                        out.writeDouble(value);
                    }
                }
            }
        }
        for (List<CategoryShare> categories : topCategories) {
            out.writeInt(categories.size());
            for (CategoryShare category : categories) {
                out.writeUTF(category.category());
                out.writeDouble(category.share());
                out.writeDouble(category.lift());
            }
        }
    }

    /**
     * @param in bytes written by {@link #writeTo}, of this version or of 1.0 (without quantiles
     *     and categories)
     * @return the profiles
     * @throws IOException when the bytes cannot be read or do not hold valid profiles
     */
    public static SegmentProfiles readFrom(DataInput in) throws IOException {
        int first = in.readInt();
        boolean format2 = first == FORMAT_2;
        int segments = requireCount(format2 ? in.readInt() : first);
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
        double[][][] quantiles = null;
        List<List<CategoryShare>> topCategories = null;
        if (format2) {
            if (in.readBoolean()) {
                quantiles = new double[features][segments][QUANTILE_LEVELS.length];
                for (double[][] feature : quantiles) {
                    for (double[] segment : feature) {
                        for (int level = 0; level < segment.length; level++) {
                            segment[level] = in.readDouble();
                        }
                    }
                }
            }
            topCategories = new ArrayList<>();
            for (int s = 0; s < segments; s++) {
                int count = requireCount(in.readInt());
                List<CategoryShare> categories = new ArrayList<>();
                for (int c = 0; c < count; c++) {
                    categories.add(new CategoryShare(in.readUTF(), in.readDouble(), in.readDouble()));
                }
                topCategories.add(categories);
            }
        }
        try {
            return new SegmentProfiles(names, sizes, featureNames, means, quantiles, topCategories);
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

    /** @return the levels {@link #quantiles} are at: 0.1, 0.25, 0.5 (the median), 0.75 and 0.9 */
    public static double[] quantileLevels() {
        return QUANTILE_LEVELS.clone();
    }

    /**
     * @return true when the profiles hold quantiles (those built by {@link #summarise} do; those
     *     built from means alone do not)
     * @since 1.1
     */
    public boolean hasQuantiles() {
        return quantiles != null;
    }

    /**
     * @param feature from 0 to {@code featureNames().length - 1}
     * @param segment from 0 to {@code size() - 1}
     * @return the feature's quantiles over the segment at {@link #quantileLevels()}; NaN when
     *     the profiles have no {@linkplain #hasQuantiles quantiles}
     * @since 1.1
     */
    public double[] quantiles(int feature, int segment) {
        if (quantiles == null) {
            double[] unknown = new double[QUANTILE_LEVELS.length];
            Arrays.fill(unknown, Double.NaN);
            return unknown;
        }
        return quantiles[feature][segment].clone();
    }

    /**
     * @param segment from 0 to {@code size() - 1}
     * @return up to five categories most of the segment's customers buy, by decreasing share;
     *     empty when the transactions carried no categories
     * @since 1.1
     */
    public List<CategoryShare> topCategories(int segment) {
        return topCategories.get(segment);
    }
}

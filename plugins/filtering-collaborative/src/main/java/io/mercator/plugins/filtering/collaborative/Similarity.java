package io.mercator.plugins.filtering.collaborative;

import java.util.Arrays;
import java.util.Locale;

/**
 * How k-nearest-neighbour models compare two rows of the matrix: the columns' values are centred
 * as named, then compared by cosine over the entries the two share (Jaccard ignores the values).
 * Item-kNN compares items over their users; user-kNN compares users over their items, by the same
 * code on the transposed matrix.
 */
enum Similarity {
    /** Residuals from the regularised baseline, {@code r - b(u,i)}: Surprise's pearson_baseline. */
    BASELINE,
    /** Values centred on the mean of the compared item (or user). */
    PEARSON,
    /** Values centred on the mean of the other side: the user's mean for items (Sarwar et al. 2001). */
    ADJUSTED_COSINE,
    /** Raw values. */
    COSINE,
    /** Shared entries over the entries of either; ignores the values (implicit data). */
    JACCARD;

    /** @return the parameter value naming this similarity, e.g. {@code adjusted-cosine} */
    String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** @return every parameter value, in declaration order */
    static String[] ids() {
        return Arrays.stream(values()).map(Similarity::id).toArray(String[]::new);
    }

    /**
     * @param id a value of {@link #ids()}
     * @return the similarity it names
     */
    static Similarity of(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    /**
     * @param compared the matrix oriented so that its items are what is compared (the transpose
     *     for user-kNN)
     * @param residual per entry of {@code compared} in its user order, the value minus its baseline
     * @return per entry of {@code compared} in its user order, the value the similarity compares
     */
    double[] centre(RatingMatrix compared, double[] residual) {
        double[] columnMean = new double[compared.items];
        for (int i = 0; i < compared.items; i++) {
            for (int entry = compared.itemStart[i]; entry < compared.itemStart[i + 1]; entry++) {
                columnMean[i] += compared.itemValue[entry] / (compared.itemStart[i + 1] - compared.itemStart[i]);
            }
        }
        double[] centred = new double[compared.entries()];
        for (int row = 0; row < compared.users; row++) {
            double rowMean = 0;
            for (int entry = compared.userStart[row]; entry < compared.userStart[row + 1]; entry++) {
                rowMean += compared.userValue[entry] / (compared.userStart[row + 1] - compared.userStart[row]);
            }
            for (int entry = compared.userStart[row]; entry < compared.userStart[row + 1]; entry++) {
                double value = compared.userValue[entry];
                centred[entry] = switch (this) {
                    case BASELINE -> residual[entry];
                    case PEARSON -> value - columnMean[compared.userItem[entry]];
                    case ADJUSTED_COSINE -> value - rowMean;
                    case COSINE -> value;
                    case JACCARD -> 1;
                };
            }
        }
        return centred;
    }
}

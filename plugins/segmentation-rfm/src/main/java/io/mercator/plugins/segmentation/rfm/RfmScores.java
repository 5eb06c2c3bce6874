package io.mercator.plugins.segmentation.rfm;

import io.mercator.api.segmentation.CustomerFeatures;
import java.util.Arrays;

/**
 * Quintile scores from 1 to 5 and the named segment they put a customer in. The cut points are
 * learnt once, from the customers a model is fitted on, so that customers scored later are
 * judged against the same scale.
 *
 * <p>For frequency and monetary value the score is 1 plus the number of cut points the value
 * is above; for recency, where fewer days is better, 5 minus that number. Cut point {@code j}
 * (1 to 4) is the lower empirical quantile at {@code j/5}: the {@code ceil(j n / 5)}-th smallest
 * value, so n distinct values fall into five equal groups and tied values share a score.
 */
final class RfmScores {

    static final int LEVELS = 5;

    /** Segment names, in the order of their index; the rules in {@link #segment} decide between them. */
    static final String[] SEGMENTS = {"champions", "loyal", "new", "promising", "need-attention", "at-risk",
        "hibernating", "lost"};

    private final double[][] cuts;

    RfmScores(double[][] cuts) {
        this.cuts = cuts;
    }

    /**
     * @param features the customers' features
     * @return the cut points of the active customers' recency, frequency and monetary value
     */
    static RfmScores fit(CustomerFeatures features) {
        double[][] cuts = new double[3][LEVELS - 1];
        for (int feature = 0; feature < 3; feature++) {
            double[] values = new double[features.size()];
            int active = 0;
            for (int c = 0; c < features.size(); c++) {
                if (features.isActive(c)) {
                    values[active++] = features.value(feature, c);
                }
            }
            Arrays.sort(values, 0, active);
            for (int j = 1; j < LEVELS; j++) {
                int rank = (int) Math.ceil((double) j * active / LEVELS);
                cuts[feature][j - 1] = active == 0 ? 0 : values[Math.max(0, rank - 1)];
            }
        }
        return new RfmScores(cuts);
    }

    double[][] cuts() {
        return cuts;
    }

    /**
     * @param feature 0 recency, 1 frequency, 2 monetary
     * @param value the customer's value
     * @return the score from 1 to 5, 5 being the best
     */
    int score(int feature, double value) {
        int above = 0;
        for (double cut : cuts[feature]) {
            if (value > cut) {
                above++;
            }
        }
        return feature == 0 ? LEVELS - above : 1 + above;
    }

    /**
     * The usual RFM segment grid: recency against the rounded mean of the frequency and monetary
     * scores, checked from the most to the least valuable segment.
     *
     * @return an index into {@link #SEGMENTS}
     */
    static int segment(int recency, int frequency, int monetary) {
        int value = (int) Math.round((frequency + monetary) / 2.0 + 1e-9);
        if (recency >= 4 && value >= 4) {
            return 0;
        } else if (recency >= 3 && value >= 3) {
            return 1;
        } else if (recency >= 4 && frequency == 1) {
            return 2;
        } else if (recency >= 4) {
            return 3;
        } else if (recency == 3) {
            return 4;
        } else if (value >= 3) {
            return 5;
        } else if (recency == 2) {
            return 6;
        }
        return 7;
    }
}

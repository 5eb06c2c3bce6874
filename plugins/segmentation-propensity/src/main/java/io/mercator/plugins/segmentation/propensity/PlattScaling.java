package io.mercator.plugins.segmentation.propensity;

/**
 * Platt scaling (Platt 1999): maps a model's score {@code s} to the probability
 * {@code 1 / (1 + exp(-(slope * s + intercept)))}, fitted by maximum likelihood on held-out
 * outcomes with Platt's smoothed targets ({@code (positives + 1) / (positives + 2)} for a
 * positive, {@code 1 / (negatives + 2)} for a negative), which keep the fit finite when the
 * held-out outcomes are perfectly separated. Immutable.
 *
 * @param slope the factor on the score
 * @param intercept the offset
 */
record PlattScaling(double slope, double intercept) {

    /** The map that leaves the regression's own probabilities unchanged. */
    static final PlattScaling IDENTITY = new PlattScaling(1, 0);

    /**
     * @param score per held-out customer, the regression's linear score (log-odds)
     * @param positive per held-out customer, whether the outcome happened
     * @return the fitted map
     */
    static PlattScaling fit(double[] score, boolean[] positive) {
        int positives = 0;
        for (boolean p : positive) {
            positives += p ? 1 : 0;
        }
        double high = (positives + 1.0) / (positives + 2.0);
        double low = 1.0 / (score.length - positives + 2.0);
        double slope = 1;
        double intercept = 0;
        for (int iteration = 0; iteration < 100; iteration++) {
            double gradientSlope = 0;
            double gradientIntercept = 0;
            double hss = 1e-12;
            double hsi = 0;
            double hii = 1e-12;
            for (int i = 0; i < score.length; i++) {
                double p = sigmoid(slope * score[i] + intercept);
                double residual = p - (positive[i] ? high : low);
                double curvature = p * (1 - p);
                gradientSlope += residual * score[i];
                gradientIntercept += residual;
                hss += curvature * score[i] * score[i];
                hsi += curvature * score[i];
                hii += curvature;
            }
            double determinant = hss * hii - hsi * hsi;
            double stepSlope = (hii * gradientSlope - hsi * gradientIntercept) / determinant;
            double stepIntercept = (hss * gradientIntercept - hsi * gradientSlope) / determinant;
            slope -= stepSlope;
            intercept -= stepIntercept;
            if (Math.abs(stepSlope) + Math.abs(stepIntercept) < 1e-12) {
                break;
            }
        }
        return new PlattScaling(slope, intercept);
    }

    /** @return the calibrated probability of a score */
    double probability(double score) {
        return sigmoid(slope * score + intercept);
    }

    static double sigmoid(double z) {
        return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
    }
}

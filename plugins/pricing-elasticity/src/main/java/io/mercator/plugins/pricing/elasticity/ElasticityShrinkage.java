package io.mercator.plugins.pricing.elasticity;

/**
 * Empirical-Bayes pooling of per-product elasticities: a normal random-effects model
 * {@code b_i ~ N(mu, tau^2 + v_i)} with the between-product variance {@code tau^2} estimated by
 * the DerSimonian-Laird method of moments. Each product's estimate moves toward {@code mu} in
 * proportion to its sampling variance, so a product with little price variation (large
 * {@code v_i}) ends up near the pooled value and a well-measured one keeps its own.
 */
final class ElasticityShrinkage {

    private final double mean;
    private final double meanVariance;
    private final double betweenVariance;

    private ElasticityShrinkage(double mean, double meanVariance, double betweenVariance) {
        this.mean = mean;
        this.meanVariance = meanVariance;
        this.betweenVariance = betweenVariance;
    }

    /**
     * @param estimates per-product estimates, at least one (with one, nothing is shrunk)
     * @param variances their sampling variances, &gt; 0
     * @return the fitted pooling
     */
    static ElasticityShrinkage fit(double[] estimates, double[] variances) {
        int count = estimates.length;
        double sumW = 0;
        double sumW2 = 0;
        double sumWb = 0;
        for (int i = 0; i < count; i++) {
            double w = 1 / variances[i];
            sumW += w;
            sumW2 += w * w;
            sumWb += w * estimates[i];
        }
        double fixedMean = sumWb / sumW;
        double q = 0;
        for (int i = 0; i < count; i++) {
            double d = estimates[i] - fixedMean;
            q += d * d / variances[i];
        }
        double tau2 = count < 2 ? 0 : Math.max(0, (q - (count - 1)) / (sumW - sumW2 / sumW));
        double sumRandomW = 0;
        double sumRandomWb = 0;
        for (int i = 0; i < count; i++) {
            double w = 1 / (variances[i] + tau2);
            sumRandomW += w;
            sumRandomWb += w * estimates[i];
        }
        return new ElasticityShrinkage(sumRandomWb / sumRandomW, 1 / sumRandomW, tau2);
    }

    /** @return the pooled elasticity {@code mu} */
    double mean() {
        return mean;
    }

    /** @return the variance of a new product's elasticity around {@code mu}: tau^2 plus the uncertainty of mu */
    double predictiveVariance() {
        return betweenVariance + meanVariance;
    }

    /** @return the between-product variance {@code tau^2} */
    double betweenVariance() {
        return betweenVariance;
    }

    /**
     * @param estimate a product's own estimate
     * @param variance its sampling variance
     * @return {shrunk estimate, its posterior variance}
     */
    double[] shrink(double estimate, double variance) {
        double weightOnOwn = betweenVariance / (betweenVariance + variance);
        double shrunk = weightOnOwn * estimate + (1 - weightOnOwn) * mean;
        double weightOnMean = 1 - weightOnOwn;
        return new double[] {shrunk, weightOnOwn * variance + weightOnMean * weightOnMean * meanVariance};
    }
}

package io.mercator.plugins.segmentation.clv;

import io.mercator.api.ValidationException;
import org.apache.commons.math3.special.Gamma;

/**
 * The Gamma-Gamma model of spend per transaction (Fader, Hardie and Lee 2005, "RFM and CLV:
 * using iso-value curves for customer base analysis"; Fader and Hardie 2013, "The Gamma-Gamma
 * model of monetary value"): a customer's transaction values are Gamma(p, nu) around the
 * customer's mean, and nu varies across customers as Gamma(q, gamma). It is fitted by maximum
 * likelihood on the mean repeat-transaction value of the customers with at least one repeat
 * purchase and a positive mean. Immutable.
 *
 * @param p shape of the transaction values around a customer's mean
 * @param q shape of the distribution of nu across customers
 * @param gamma scale of the distribution of nu across customers
 */
record GammaGamma(double p, double q, double gamma) {

    /**
     * @param x per customer, the number of repeat purchases
     * @param meanValue per customer, the mean value of those repeat purchases
     * @return the maximum-likelihood parameters
     * @throws ValidationException when fewer than two customers have a repeat purchase of positive
     *     mean value, or when the fit leaves spend without a finite mean ({@code q <= 1})
     */
    static GammaGamma fit(double[] x, double[] meanValue) {
        int spenders = 0;
        for (int c = 0; c < x.length; c++) {
            spenders += x[c] > 0 && meanValue[c] > 0 ? 1 : 0;
        }
        if (spenders < 2) {
            throw new ValidationException("transactions", spenders + " customers have repeat purchases with a positive "
                    + "amount before the analysis date; the Gamma-Gamma spend model needs at least 2");
        }
        double[] estimate = MaximumLikelihood.maximise(3, parameters -> {
            GammaGamma model = new GammaGamma(parameters[0], parameters[1], parameters[2]);
            double total = 0;
            for (int c = 0; c < x.length; c++) {
                if (x[c] > 0 && meanValue[c] > 0) {
                    total += model.logLikelihood(x[c], meanValue[c]);
                }
            }
            return total;
        });
        GammaGamma model = new GammaGamma(estimate[0], estimate[1], estimate[2]);
        if (model.q <= 1) {
            throw new ValidationException("transactions", "the repeat-purchase values are so spread out that the fitted "
                    + "Gamma-Gamma spend model has no finite mean (q = " + model.q + " <= 1)");
        }
        return model;
    }

    /**
     * @param x the number of repeat purchases, &gt; 0
     * @param meanValue their mean value, &gt; 0
     * @return the log-density of that mean under the model
     */
    double logLikelihood(double x, double meanValue) {
        double total = x * meanValue;
        return Gamma.logGamma(p * x + q) - Gamma.logGamma(p * x) - Gamma.logGamma(q) + q * Math.log(gamma)
                + (p * x - 1) * Math.log(total) + Math.log(x) - (p * x + q) * Math.log(gamma + total);
    }

    /** @return the mean spend per transaction over all customers, {@code p gamma / (q - 1)} */
    double populationMeanSpend() {
        return p * gamma / (q - 1);
    }

    /**
     * The expected value of a customer's future transactions given its history: a weighted mean
     * of the population mean and the customer's own mean, the more weight to the latter the more
     * purchases it rests on.
     *
     * @param x the number of repeat purchases, &gt;= 0
     * @param meanValue their mean value; ignored when {@code x} is 0
     * @return {@code p (gamma + x meanValue) / (p x + q - 1)}
     */
    double expectedSpend(double x, double meanValue) {
        double total = x > 0 ? x * meanValue : 0;
        return p * (gamma + total) / (p * x + q - 1);
    }
}

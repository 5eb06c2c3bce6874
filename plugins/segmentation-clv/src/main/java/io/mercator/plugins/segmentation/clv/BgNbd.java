package io.mercator.plugins.segmentation.clv;

import org.apache.commons.math3.special.Beta;
import org.apache.commons.math3.special.Gamma;

/**
 * The BG/NBD model of Fader, Hardie and Lee (2005), "Counting your customers the easy way": while
 * alive, a customer buys at a Poisson rate drawn from Gamma(r, alpha); after every purchase the
 * customer drops out with a probability drawn from Beta(a, b). Parameters are fitted by maximum
 * likelihood (see {@link MaximumLikelihood}). Immutable.
 *
 * @param r shape of the purchase-rate distribution
 * @param alpha scale of the purchase-rate distribution, in weeks
 * @param a first shape of the dropout distribution
 * @param b second shape of the dropout distribution
 */
record BgNbd(double r, double alpha, double a, double b) {

    /**
     * Fits the model on repeat-purchase summaries; customers with a negative {@code observed}
     * length are left out.
     *
     * @return the maximum-likelihood parameters
     */
    static BgNbd fit(double[] x, double[] tx, double[] observed) {
        double[] estimate = MaximumLikelihood.maximise(4, parameters -> {
            BgNbd model = new BgNbd(parameters[0], parameters[1], parameters[2], parameters[3]);
            double total = 0;
            for (int c = 0; c < x.length; c++) {
                if (observed[c] >= 0) {
                    total += model.logLikelihood(x[c], tx[c], observed[c]);
                }
            }
            return total;
        });
        return new BgNbd(estimate[0], estimate[1], estimate[2], estimate[3]);
    }

    /** @return the log-likelihood of one customer's {@code x}, {@code tx} and {@code T} (equation 6 of the paper) */
    double logLikelihood(double x, double tx, double observed) {
        double common = Gamma.logGamma(r + x) - Gamma.logGamma(r) + r * Math.log(alpha)
                + Beta.logBeta(a, b + x) - Beta.logBeta(a, b);
        double stillAlive = -(r + x) * Math.log(alpha + observed);
        if (x == 0) {
            return common + stillAlive;
        }
        double droppedOut = Math.log(a) - Math.log(b + x - 1) - (r + x) * Math.log(alpha + tx);
        double larger = Math.max(stillAlive, droppedOut);
        return common + larger + Math.log(Math.exp(stillAlive - larger) + Math.exp(droppedOut - larger));
    }

    /** @return the probability that the customer is still alive at the end of the observation */
    double probabilityAlive(double x, double tx, double observed) {
        if (x == 0) {
            return 1;
        }
        return 1 / (1 + a / (b + x - 1) * Math.exp((r + x) * (Math.log(alpha + observed) - Math.log(alpha + tx))));
    }

    /**
     * @param weeks the length of the future period
     * @return the expected number of purchases in the next {@code weeks}, given the history
     *     (equation 10 of the paper)
     */
    double expectedPurchases(double weeks, double x, double tx, double observed) {
        double z = weeks / (alpha + observed + weeks);
        double decay = Math.exp((r + x) * (Math.log(alpha + observed) - Math.log(alpha + observed + weeks)));
        double numerator = (a + b + x - 1) / (a - 1)
                * (1 - decay * hypergeometric(r + x, b + x, a + b + x - 1, z));
        double deadOdds = x == 0 ? 0
                : a / (b + x - 1) * Math.exp((r + x) * (Math.log(alpha + observed) - Math.log(alpha + tx)));
        return numerator / (1 + deadOdds);
    }

    /** Gauss's hypergeometric function 2F1(a, b; c; z) by its series, for 0 &lt;= z &lt; 1. */
    static double hypergeometric(double a, double b, double c, double z) {
        double term = 1;
        double sum = 1;
        for (int n = 0; n < 100_000; n++) {
            term *= (a + n) * (b + n) / ((c + n) * (n + 1)) * z;
            sum += term;
            if (Math.abs(term) <= 1e-15 * Math.abs(sum)) {
                break;
            }
        }
        return sum;
    }
}

package io.mercator.plugins.pricing.elasticity;

import io.mercator.api.pricing.PriceObservations;
import java.util.HashMap;
import java.util.Map;

/**
 * The regressors of the log-log demand model, one column per regressor and one value per row:
 * log own price, log substitute price (the mean log price of the other products sold at the same
 * location and period), promotion, feature and seasonal Fourier terms. Plain Java, no OSGi.
 */
final class DemandFeatures {

    /** Column of the log own price; its coefficient is the own-price elasticity. */
    static final int OWN_PRICE = 0;
    /** Column of the mean log price of the other products; its coefficient is the cross elasticity. */
    static final int SUBSTITUTE_PRICE = 1;
    static final int PROMO = 2;
    static final int FEATURE = 3;
    static final int FIRST_SEASONAL = 4;

    private DemandFeatures() {
    }

    /** @return the number of columns for the given number of seasonal harmonics */
    static int columns(int harmonics) {
        return FIRST_SEASONAL + 2 * harmonics;
    }

    /**
     * @param data the observations
     * @param harmonics number of sine/cosine pairs for the seasonal cycle, 0 for none
     * @param seasonLength periods per seasonal cycle
     * @return {@code columns(harmonics)} columns of {@code data.size()} values; the substitute
     *     price is NaN where no other product was seen at the row's location and period
     */
    static double[][] of(PriceObservations data, int harmonics, int seasonLength) {
        int rows = data.size();
        double[][] x = new double[columns(harmonics)][rows];
        for (int row = 0; row < rows; row++) {
            x[OWN_PRICE][row] = Math.log(data.price(row));
            x[PROMO][row] = data.hasPromo() && data.promo(row) ? 1 : 0;
            x[FEATURE][row] = data.hasFeature() ? data.feature(row) : 0;
            for (int h = 1; h <= harmonics; h++) {
                double angle = 2 * Math.PI * h * data.period(row) / seasonLength;
                x[FIRST_SEASONAL + 2 * h - 2][row] = Math.sin(angle);
                x[FIRST_SEASONAL + 2 * h - 1][row] = Math.cos(angle);
            }
        }
        x[SUBSTITUTE_PRICE] = substituteLogPrice(data, x[OWN_PRICE]);
        return x;
    }

    /**
     * Sums log prices per location and period, overall and per product, so that each row gets
     * the mean over the other products in one pass.
     */
    private static double[] substituteLogPrice(PriceObservations data, double[] logPrice) {
        Map<Long, double[]> all = new HashMap<>();
        Map<Long, double[]> sameProduct = new HashMap<>();
        int rows = data.size();
        long products = data.products().size();
        for (int row = 0; row < rows; row++) {
            long cell = cell(data, row);
            add(all, cell, logPrice[row]);
            add(sameProduct, cell * products + data.product(row), logPrice[row]);
        }
        double[] substitute = new double[rows];
        for (int row = 0; row < rows; row++) {
            long cell = cell(data, row);
            double[] total = all.get(cell);
            double[] own = sameProduct.get(cell * products + data.product(row));
            double others = total[1] - own[1];
            substitute[row] = others > 0 ? (total[0] - own[0]) / others : Double.NaN;
        }
        return substitute;
    }

    private static long cell(PriceObservations data, int row) {
        long location = data.hasLocations() ? data.location(row) : 0;
        return (location << 32) ^ (data.period(row) & 0xffffffffL);
    }

    private static void add(Map<Long, double[]> sums, long key, double value) {
        double[] sum = sums.computeIfAbsent(key, k -> new double[2]);
        sum[0] += value;
        sum[1]++;
    }
}

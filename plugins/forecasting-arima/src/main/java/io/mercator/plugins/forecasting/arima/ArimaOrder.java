package io.mercator.plugins.forecasting.arima;

/**
 * The orders of a seasonal ARIMA(p,d,q)(P,D,Q)[m] model and whether it has a constant: the mean
 * when the model is not differenced, the drift (slope) when it is differenced once, none otherwise.
 *
 * @param p non-seasonal autoregressive order
 * @param d non-seasonal differences
 * @param q non-seasonal moving-average order
 * @param seasonalP seasonal autoregressive order
 * @param seasonalD seasonal differences
 * @param seasonalQ seasonal moving-average order
 * @param period season length, 1 for a non-seasonal model
 * @param constant whether the mean or drift is estimated
 */
record ArimaOrder(int p, int d, int q, int seasonalP, int seasonalD, int seasonalQ, int period, boolean constant) {

    ArimaOrder {
        if (period <= 1 && (seasonalP > 0 || seasonalD > 0 || seasonalQ > 0)) {
            throw new IllegalArgumentException("seasonal orders need a period of at least 2");
        }
    }

    /** @return whether a constant is possible: the model is differenced at most once in all */
    boolean allowsConstant() {
        return d + seasonalD <= 1;
    }

    /** @return the number of estimated coefficients, sigma squared excluded */
    int coefficientCount() {
        return p + q + seasonalP + seasonalQ + (constant ? 1 : 0);
    }

    /** @return the number of observations differencing consumes */
    int lost() {
        return d + seasonalD * period;
    }

    ArimaOrder with(int newP, int newQ, int newSeasonalP, int newSeasonalQ, boolean newConstant) {
        return new ArimaOrder(newP, d, newQ, newSeasonalP, seasonalD, newSeasonalQ, period, newConstant);
    }

    /** @return R's notation, e.g. {@code ARIMA(0,1,1)(0,1,1)[12]} or {@code ARIMA(1,1,0) with drift} */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("ARIMA(").append(p).append(',').append(d).append(',').append(q).append(')');
        if (period > 1 && (seasonalP > 0 || seasonalD > 0 || seasonalQ > 0)) {
            text.append('(').append(seasonalP).append(',').append(seasonalD).append(',').append(seasonalQ).append(")[")
                    .append(period).append(']');
        }
        if (constant) {
            text.append(d + seasonalD == 0 ? " with mean" : " with drift");
        }
        return text.toString();
    }
}

package io.mercator.plugins.forecasting.regression;

/**
 * The deterministic columns of the design matrix besides the intercept: a linear trend in the
 * period index and a seasonal basis, either {@code seasonLength - 1} dummies (the first season
 * position is the baseline) or {@code terms} pairs of Fourier terms.
 *
 * @param trend whether to include the period index
 * @param seasonal how the season is modelled
 * @param seasonLength periods per season; 1 for none
 * @param terms Fourier pairs, at most {@code seasonLength / 2}
 */
record Basis(boolean trend, Seasonal seasonal, int seasonLength, int terms) {

    enum Seasonal { NONE, DUMMIES, FOURIER }

    /** @return a basis with the seasonal part dropped when there is no season, and Fourier terms capped */
    static Basis of(boolean trend, Seasonal seasonal, int seasonLength, int terms) {
        if (seasonLength <= 1) {
            return new Basis(trend, Seasonal.NONE, 1, 0);
        }
        return new Basis(trend, seasonal, seasonLength, Math.min(terms, seasonLength / 2));
    }

    /** @return the number of columns {@link #fill} writes */
    int width() {
        int width = trend ? 1 : 0;
        return switch (seasonal) {
            case NONE -> width;
            case DUMMIES -> width + seasonLength - 1;
            // at k = m/2 the sine is zero at every integer period, so only its cosine is kept
            case FOURIER -> width + 2 * terms - (2 * terms == seasonLength ? 1 : 0);
        };
    }

    /** Writes the basis columns of period {@code t} into {@code row} from {@code from} on. */
    void fill(int t, double[] row, int from) {
        int column = from;
        if (trend) {
            row[column++] = t;
        }
        if (seasonal == Seasonal.DUMMIES) {
            int position = t % seasonLength;
            for (int p = 1; p < seasonLength; p++) {
                row[column++] = position == p ? 1 : 0;
            }
        } else if (seasonal == Seasonal.FOURIER) {
            for (int k = 1; k <= terms; k++) {
                double angle = 2 * Math.PI * k * (t % seasonLength) / seasonLength;
                if (2 * k != seasonLength) {
                    row[column++] = Math.sin(angle);
                }
                row[column++] = Math.cos(angle);
            }
        }
    }
}

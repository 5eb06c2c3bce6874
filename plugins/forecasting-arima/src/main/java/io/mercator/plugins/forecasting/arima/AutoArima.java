package io.mercator.plugins.forecasting.arima;

import java.util.HashSet;
import java.util.Set;

/**
 * Automatic ARIMA order selection after Hyndman and Khandakar (2008), as {@code forecast::auto.arima}:
 * the differences come from unit-root tests ({@link Differencing}), then the orders
 * (p, q, P, Q) and the constant are searched stepwise from four starting models, moving to the
 * first neighbour (one order up or down, p and q or P and Q together, the constant toggled) whose
 * AICc is smaller, until none is; or, when not stepwise, over every model of total order at most
 * {@code maxOrder}. Models with an autoregressive or moving-average root within 1.01 of the unit
 * circle are rejected, as they are close to non-stationary or non-invertible. Orders given in the
 * settings are held fixed.
 */
final class AutoArima {

    /** Whether to estimate a constant (mean or drift). */
    enum Constant { AUTO, YES, NO }

    /** How many models the stepwise search fits at most, as R. */
    private static final int MAX_MODELS = 94;
    private static final double ROOT_MARGIN = 1.01;

    /**
     * The search settings; a negative order means "choose it".
     *
     * @param p non-seasonal AR order or -1
     * @param d non-seasonal differences or -1
     * @param q non-seasonal MA order or -1
     * @param seasonalP seasonal AR order or -1
     * @param seasonalD seasonal differences or -1
     * @param seasonalQ seasonal MA order or -1
     * @param maxP largest p searched
     * @param maxD largest d chosen
     * @param maxQ largest q searched
     * @param maxSeasonalP largest P searched
     * @param maxSeasonalD largest D chosen
     * @param maxSeasonalQ largest Q searched
     * @param maxOrder largest p + q + P + Q of the exhaustive search
     * @param constant whether to include a constant
     * @param stepwise stepwise rather than exhaustive search
     * @param method the estimation method
     */
    record Settings(int p, int d, int q, int seasonalP, int seasonalD, int seasonalQ, int maxP, int maxD, int maxQ,
            int maxSeasonalP, int maxSeasonalD, int maxSeasonalQ, int maxOrder, Constant constant, boolean stepwise,
            ArimaFitter.Method method) {
    }

    private AutoArima() {
    }

    /**
     * @param y observations, oldest first, NaN for missing; the first observed, not constant
     * @param period season length, 1 for none
     * @param settings the search settings
     * @return the chosen fit, or null when no model could be fitted
     */
    static ArimaFitter.Fit select(double[] y, int period, Settings settings) {
        double[] filled = Differencing.interpolate(y);
        int observed = 0;
        for (double v : y) {
            observed += Double.isNaN(v) ? 0 : 1;
        }
        boolean seasonal = period > 1 && !(settings.seasonalP() == 0 && settings.seasonalD() == 0
                && settings.seasonalQ() == 0);
        int m = seasonal ? period : 1;
        int maxP = Math.min(settings.maxP(), observed / 3);
        int maxQ = Math.min(settings.maxQ(), observed / 3);
        int maxSeasonalP = seasonal ? Math.min(settings.maxSeasonalP(), observed / 3 / m) : 0;
        int maxSeasonalQ = seasonal ? Math.min(settings.maxSeasonalQ(), observed / 3 / m) : 0;
        int seasonalD = settings.seasonalD();
        if (!seasonal) {
            seasonalD = 0;
        } else if (seasonalD < 0) {
            seasonalD = filled.length <= 2 * m ? 0 : Differencing.seasonalDifferences(filled, m, settings.maxSeasonalD());
        }
        double[] differenced = filled;
        for (int k = 0; k < seasonalD; k++) {
            differenced = Differencing.lagDifference(differenced, m);
        }
        int d = settings.d() >= 0 ? settings.d() : Differencing.firstDifferences(differenced, settings.maxD());
        for (int k = 0; k < d; k++) {
            differenced = Differencing.lagDifference(differenced, 1);
        }
        if (differenced.length < 3) {
            return null;
        }
        if (Differencing.isConstant(differenced)) {
            return ArimaFitter.simple(filled, new ArimaOrder(0, d, 0, 0, seasonalD, 0, m,
                    d + seasonalD <= 1 && differenced[0] != 0));
        }
        if (m > 1) {
            maxP = maxSeasonalP > 0 ? Math.min(maxP, m - 1) : maxP;
            maxQ = maxSeasonalQ > 0 ? Math.min(maxQ, m - 1) : maxQ;
        }
        boolean constantAllowed = d + seasonalD <= 1 && settings.constant() != Constant.NO;
        Search search = new Search(y, filled, settings, new ArimaOrder(0, d, 0, 0, seasonalD, 0, m, false),
                new int[] {maxP, maxQ, maxSeasonalP, maxSeasonalQ});
        if (settings.stepwise()) {
            search.stepwise(constantAllowed, observed);
        } else {
            for (int p = 0; p <= maxP; p++) {
                for (int q = 0; q <= maxQ; q++) {
                    for (int sp = 0; sp <= maxSeasonalP; sp++) {
                        for (int sq = 0; sq <= maxSeasonalQ && p + q + sp + sq <= settings.maxOrder(); sq++) {
                            search.consider(p, q, sp, sq, constantAllowed);
                            search.consider(p, q, sp, sq, false);
                        }
                    }
                }
            }
        }
        return search.best;
    }

    /** The models tried so far and the best one. */
    private static final class Search {

        private final double[] y;
        private final double[] filled;
        private final Settings settings;
        private final ArimaOrder base;
        private final int[] max;
        private final Set<ArimaOrder> tried = new HashSet<>();
        private ArimaFitter.Fit best;

        Search(double[] y, double[] filled, Settings settings, ArimaOrder base, int[] max) {
            this.y = y;
            this.filled = filled;
            this.settings = settings;
            this.base = base;
            this.max = max;
        }

        void stepwise(boolean constant, int observed) {
            boolean shortSeries = observed < 10;
            consider(Math.min(shortSeries ? 1 : 2, max[0]), Math.min(shortSeries ? 1 : 2, max[1]),
                    shortSeries ? 0 : Math.min(1, max[2]), shortSeries ? 0 : Math.min(1, max[3]), constant);
            consider(0, 0, 0, 0, constant);
            consider(Math.min(1, max[0]), 0, Math.min(1, max[2]), 0, constant);
            consider(0, Math.min(1, max[1]), 0, Math.min(1, max[3]), constant);
            if (constant) {
                consider(0, 0, 0, 0, false);
            }
            boolean improved = best != null;
            while (improved && tried.size() < MAX_MODELS) {
                improved = false;
                ArimaOrder current = best.order();
                for (int[] move : MOVES) {
                    if (consider(current.p() + move[0], current.q() + move[1], current.seasonalP() + move[2],
                            current.seasonalQ() + move[3], current.constant() ^ move[4] == 1)) {
                        improved = true;
                        break;
                    }
                }
            }
        }

        /** The neighbours in the order R visits them: seasonal moves, non-seasonal moves, the constant. */
        private static final int[][] MOVES = {
            {0, 0, -1, 0, 0}, {0, 0, 1, 0, 0}, {0, 0, 0, -1, 0}, {0, 0, 0, 1, 0},
            {0, 0, -1, -1, 0}, {0, 0, -1, 1, 0}, {0, 0, 1, -1, 0}, {0, 0, 1, 1, 0},
            {-1, 0, 0, 0, 0}, {1, 0, 0, 0, 0}, {0, -1, 0, 0, 0}, {0, 1, 0, 0, 0},
            {-1, -1, 0, 0, 0}, {-1, 1, 0, 0, 0}, {1, -1, 0, 0, 0}, {1, 1, 0, 0, 0},
            {0, 0, 0, 0, 1},
        };

        /**
         * Fits the model unless it was tried or is out of bounds; orders given in the settings
         * replace the proposed ones.
         *
         * @return whether it became the best
         */
        boolean consider(int p, int q, int seasonalP, int seasonalQ, boolean constant) {
            boolean seasonal = base.period() > 1;
            p = orFixed(p, settings.p(), max[0]);
            q = orFixed(q, settings.q(), max[1]);
            seasonalP = seasonal ? orFixed(seasonalP, settings.seasonalP(), max[2]) : 0;
            seasonalQ = seasonal ? orFixed(seasonalQ, settings.seasonalQ(), max[3]) : 0;
            boolean wantsConstant = base.allowsConstant() && settings.constant() == Constant.YES;
            if (p < 0 || q < 0 || seasonalP < 0 || seasonalQ < 0 || (constant && !base.allowsConstant())
                    || (constant && settings.constant() == Constant.NO) || (!constant && wantsConstant)) {
                return false;
            }
            ArimaOrder order = base.with(p, q, seasonalP, seasonalQ, constant);
            if (!tried.add(order)) {
                return false;
            }
            ArimaFitter.Fit fit = ArimaFitter.fit(y, filled, order, settings.method());
            if (fit == null || !Double.isFinite(fit.aicc()) || !fit.rootsOutside(ROOT_MARGIN)) {
                return false;
            }
            if (best == null || fit.aicc() < best.aicc()) {
                best = fit;
                return true;
            }
            return false;
        }
    }

    /** @return the given order when fixed, else the proposal, or -1 when the proposal is out of [0, max] */
    private static int orFixed(int proposal, int fixed, int max) {
        if (fixed >= 0) {
            return fixed;
        }
        return proposal > max ? -1 : proposal;
    }
}

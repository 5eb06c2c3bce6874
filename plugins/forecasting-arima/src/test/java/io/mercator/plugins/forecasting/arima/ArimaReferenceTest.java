package io.mercator.plugins.forecasting.arima;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Fixed-order fits and automatic selection against R's forecast 8.20: the expected numbers were
 * printed by {@code Rscript benchmarks/r/arima-reference.R ../shared/data/m3 <test resources>}
 * ({@code Arima(y, order, seasonal, include.drift)}, {@code forecast(fit, h = 3, level = 95)} and
 * {@code auto.arima(y)} with default settings).
 */
class ArimaReferenceTest {

    private static final double RELATIVE = 1e-3;

    /** What R printed for one series. */
    record Reference(String name, double[] y, ArimaOrder order, double[] coefficients, double logLikelihood,
            double aicc, double sigma2, double[] forecast, double[] upper95, ArimaOrder autoOrder, double autoAicc) {

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> references() throws IOException {
        return Stream.of(
                new Reference("log AirPassengers", ReferenceSeries.logAirPassengers(),
                        new ArimaOrder(0, 1, 1, 0, 1, 1, 12, false), new double[] {-0.401828, -0.556945}, 244.699531,
                        -483.210085, 0.00137126, new double[] {6.110186, 6.053775, 6.171715},
                        new double[] {6.182764, 6.138347, 6.266779}, new ArimaOrder(0, 1, 1, 0, 1, 1, 12, false),
                        -483.210085),
                new Reference("lynx", ReferenceSeries.resource("lynx.txt"), new ArimaOrder(2, 0, 0, 0, 0, 0, 1, true),
                        new double[] {1.147436, -0.599745, 1545.445844}, -935.015925, 1878.398822, 788920.13,
                        new double[] {3002.189090, 2107.104547, 1316.238495},
                        new double[] {4743.052151, 4756.769878, 4245.084128}, new ArimaOrder(2, 0, 2, 0, 0, 0, 1, true),
                        1876.952497),
                new Reference("WWWusage", ReferenceSeries.resource("wwwusage.txt"),
                        new ArimaOrder(1, 1, 1, 0, 0, 0, 1, false), new double[] {0.650376, 0.525596}, -254.149736,
                        514.552103, 9.9953252, new double[] {218.880497, 218.152399, 217.678861},
                        new double[] {225.076998, 232.991504, 241.179156}, new ArimaOrder(1, 1, 1, 0, 0, 0, 1, false),
                        514.552103),
                new Reference("M3 N1680", ReferenceSeries.m3("N1680"), new ArimaOrder(1, 0, 0, 1, 0, 0, 12, true),
                        new double[] {0.301935, 0.477325, 3656.793105}, -936.350380, 1881.089110, 1983753.7,
                        new double[] {2979.194484, 2972.373548, 2612.412837},
                        new double[] {5739.721289, 5855.987853, 5506.988085}, new ArimaOrder(2, 1, 1, 2, 0, 0, 12, false),
                        1845.338813),
                new Reference("M3 N1700", ReferenceSeries.m3("N1700"), new ArimaOrder(1, 1, 0, 0, 1, 1, 12, false),
                        new double[] {-0.465893, -0.765622}, -813.658878, 1633.581492, 1469066.8,
                        new double[] {1426.994931, 1009.119712, 1037.047151},
                        new double[] {3809.017243, 3709.043107, 4275.010361}, null, 0),
                new Reference("M3 N1700 with drift", ReferenceSeries.m3("N1700"),
                        new ArimaOrder(0, 1, 1, 0, 0, 0, 1, true), new double[] {-0.856864, -42.563412}, -893.263001,
                        1792.759012, 1050852.7, new double[] {850.703939, 808.140527, 765.577115},
                        new double[] {2859.884722, 2837.799024, 2815.508774}, new ArimaOrder(0, 1, 1, 0, 0, 0, 12, true),
                        1792.759012),
                new Reference("M3 N0852 quarterly", ReferenceSeries.m3("N0852"),
                        new ArimaOrder(1, 1, 0, 0, 1, 0, 4, false), new double[] {0.223649}, -303.457425, 611.193919, 32109.817,
                        new double[] {6986.926738, 6638.786480, 7009.311483},
                        new double[] {7338.136848, 7193.800217, 7722.150677}, new ArimaOrder(2, 0, 0, 0, 1, 1, 4, true),
                        605.165711))
                .map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("references")
    void fixedOrderFitMatchesR(Reference reference) {
        ArimaFitter.Fit fit = ArimaFitter.fit(reference.y(), reference.y(), reference.order(),
                ArimaFitter.Method.CSS_ML);
        double[] coefficients = Stream.of(fit.ar(), fit.ma(), fit.seasonalAr(), fit.seasonalMa(),
                reference.order().constant() ? new double[] {fit.constant()} : new double[0])
                .flatMapToDouble(Arrays::stream).toArray();
        assertClose(reference.coefficients(), coefficients, "coefficients");
        assertClose(reference.logLikelihood(), fit.logLikelihood(), "log-likelihood");
        assertClose(reference.aicc(), fit.aicc(), "AICc");
        assertClose(reference.sigma2(), fit.sigma2(), "sigma2");
        assertClose(reference.forecast(), fit.forecaster().forecast(3), "forecast");
        double[] standardErrors = fit.forecaster().standardErrors(3);
        double[] forecast = fit.forecaster().forecast(3);
        double[] upper = new double[3];
        for (int h = 0; h < 3; h++) {
            upper[h] = forecast[h] + 1.959963984540054 * standardErrors[h];
        }
        assertClose(reference.upper95(), upper, "upper 95% bound");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("references")
    void automaticSelectionIsAsGoodAsR(Reference reference) {
        if (reference.autoOrder() == null) {
            return;
        }
        ArimaOrder expected = reference.autoOrder();
        ArimaFitter.Fit fit = AutoArima.select(reference.y(), expected.period(), defaults());
        assertEquals(expected.d(), fit.order().d(), () -> "d of " + fit.order());
        assertEquals(expected.seasonalD(), fit.order().seasonalD(), () -> "D of " + fit.order());
        assertTrue(fit.aicc() <= reference.autoAicc() + 0.01 * Math.abs(reference.autoAicc()),
                () -> fit.order() + " has AICc " + fit.aicc() + ", R's " + expected + " " + reference.autoAicc());
    }

    static AutoArima.Settings defaults() {
        return new AutoArima.Settings(-1, -1, -1, -1, -1, -1, 5, 2, 5, 2, 1, 2, 5, AutoArima.Constant.AUTO, true,
                ArimaFitter.Method.CSS_ML);
    }

    private static void assertClose(double expected, double actual, String what) {
        assertEquals(expected, actual, RELATIVE * Math.max(Math.abs(expected), 1e-2), what);
    }

    private static void assertClose(double[] expected, double[] actual, String what) {
        assertEquals(expected.length, actual.length, what + " count");
        for (int i = 0; i < expected.length; i++) {
            assertClose(expected[i], actual[i], what + " " + i + " of " + Arrays.toString(actual));
        }
    }
}

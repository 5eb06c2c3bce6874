package io.mercator.plugins.forecasting.smoothing;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * The end state of an exponential smoothing model fitted to one series, enough to forecast it:
 * the model form, the smoothing parameters, the last level, trend and seasonal states and the
 * error spread. Immutable.
 *
 * <p>Point forecasts follow the ETS recursions without errors. Standard errors use the class-1
 * formula of Hyndman et al. (2008), {@code sigma^2 (1 + sum c_j^2)} with
 * {@code c_j = alpha + beta * phi_j + gamma * [j mod m == 0]}; it is exact for additive errors
 * with additive or no seasonality. Multiplicative errors without multiplicative seasonality use the
 * exact class-2 formula, in which the relative errors compound. With multiplicative errors and
 * seasonality sigma is relative and the standard error is scaled by the point forecast; for
 * additive errors with multiplicative seasonality (the
 * Theta method's reseasonalised forecasts) it is scaled by the seasonal index. Both are first-order
 * approximations.
 */
final class SmoothedState {

    final EtsForm form;
    final double alpha;
    final double beta;
    final double gamma;
    final double phi;
    final double level;
    final double trend;
    /** Seasonal states by season position {@code t mod m}; empty without seasonality. */
    private final double[] seasonal;
    /** Index of the first period after the data, so that period {@code n + h - 1} uses {@code seasonal[(n + h - 1) mod m]}. */
    private final int length;
    final double sigma;

    SmoothedState(EtsForm form, double alpha, double beta, double gamma, double phi, double level, double trend,
            double[] seasonal, int length, double sigma) {
        this.form = form;
        this.alpha = alpha;
        this.beta = beta;
        this.gamma = gamma;
        this.phi = phi;
        this.level = level;
        this.trend = trend;
        this.seasonal = seasonal.clone();
        this.length = length;
        this.sigma = sigma;
    }

    /** A flat forecast with a constant error spread: the answer for series too short or constant to smooth. */
    static SmoothedState flat(double level, double sigma, int length) {
        return new SmoothedState(EtsForm.parse("ANN"), 0, 0, 0, 1, level, 0, new double[0], length, sigma);
    }

    /**
     * @param horizon periods ahead
     * @return the point forecasts
     */
    double[] mean(int horizon) {
        double[] mean = new double[horizon];
        double dampedSum = 0;
        double phiPower = 1;
        for (int h = 1; h <= horizon; h++) {
            phiPower *= form.damped() ? phi : 1;
            dampedSum += phiPower;
            double base = level + (form.trended() ? dampedSum * trend : 0);
            mean[h - 1] = switch (form.season()) {
                case 'A' -> base + seasonal[(length + h - 1) % seasonal.length];
                case 'M' -> base * seasonal[(length + h - 1) % seasonal.length];
                default -> base;
            };
        }
        return mean;
    }

    /**
     * @param mean the point forecasts from {@link #mean(int)}
     * @return the forecast standard errors, one per period ahead
     */
    double[] standardError(double[] mean) {
        int horizon = mean.length;
        // c[j] for j = 1 .. horizon - 1: how much of an error j periods back is still in the forecast
        double[] c = new double[horizon];
        double dampedSum = 0;
        double phiPower = 1;
        for (int j = 1; j < horizon; j++) {
            phiPower *= form.damped() ? phi : 1;
            dampedSum += phiPower;
            c[j] = alpha + (form.trended() ? beta * dampedSum : 0)
                    + (form.season() != 'N' && j % seasonal.length == 0 ? gamma : 0);
        }
        double[] standardError = new double[horizon];
        double variance = sigma * sigma;
        if (form.multiplicativeError() && form.season() != 'M') {
            // class 2 of Hyndman et al. (2008): v_h = (1 + s2) theta_h - mu_h^2 with
            // theta_h = mu_h^2 + s2 sum_j c_j^2 theta_(h-j); the errors compound, so the spread grows faster than
            // the point forecast
            double[] theta = new double[horizon];
            for (int h = 1; h <= horizon; h++) {
                double sum = 0;
                for (int j = 1; j < h; j++) {
                    sum += c[j] * c[j] * theta[h - 1 - j];
                }
                theta[h - 1] = mean[h - 1] * mean[h - 1] + variance * sum;
                standardError[h - 1] = Math.sqrt(Math.max(0, (1 + variance) * theta[h - 1] - mean[h - 1] * mean[h - 1]));
            }
            return standardError;
        }
        double sumOfSquares = 0;
        for (int h = 1; h <= horizon; h++) {
            sumOfSquares += h > 1 ? c[h - 1] * c[h - 1] : 0;
            double scale = form.multiplicativeError() ? Math.abs(mean[h - 1])
                    : form.season() == 'M' ? seasonal[(length + h - 1) % seasonal.length] : 1;
            standardError[h - 1] = Math.sqrt(variance * (1 + sumOfSquares)) * scale;
        }
        return standardError;
    }

    void writeTo(DataOutputStream out) throws IOException {
        out.writeUTF(form.toString());
        for (double value : new double[] {alpha, beta, gamma, phi, level, trend, sigma}) {
            out.writeDouble(value);
        }
        out.writeInt(length);
        out.writeInt(seasonal.length);
        for (double value : seasonal) {
            out.writeDouble(value);
        }
    }

    static SmoothedState read(DataInputStream in) throws IOException {
        EtsForm form;
        try {
            form = EtsForm.parse(in.readUTF());
        } catch (IllegalArgumentException e) {
            throw new IOException("corrupt model: " + e.getMessage(), e);
        }
        double[] values = new double[7];
        for (int i = 0; i < values.length; i++) {
            values[i] = in.readDouble();
        }
        int length = in.readInt();
        int seasons = in.readInt();
        if (seasons < 0 || (form.season() != 'N') != (seasons > 0)) {
            throw new IOException("corrupt model: " + seasons + " seasonal states for form " + form);
        }
        double[] seasonal = new double[seasons];
        for (int i = 0; i < seasons; i++) {
            seasonal[i] = in.readDouble();
        }
        return new SmoothedState(form, values[0], values[1], values[2], values[3], values[4], values[5], seasonal,
                length, values[6]);
    }
}

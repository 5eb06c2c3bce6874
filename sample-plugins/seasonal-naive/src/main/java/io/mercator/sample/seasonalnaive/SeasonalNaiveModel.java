package io.mercator.sample.seasonalnaive;

import io.mercator.api.AbstractModel;
import io.mercator.api.ValidationException;
import io.mercator.api.data.IdDictionary;
import io.mercator.api.forecasting.Forecast;
import io.mercator.api.forecasting.ForecastModel;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import org.apache.commons.math3.special.Erf;

/** The fitted seasonal pattern and residual spread of every series. Immutable. */
final class SeasonalNaiveModel extends AbstractModel implements ForecastModel {

    private static final int MAGIC = 0x534e4156; // "SNAV"
    private static final int FORMAT = 2;

    /** What one series needs for forecasting: one value per season position, and the residual spread. */
    record Fitted(double[] pattern, double sigma) {
    }

    private final IdDictionary series;
    private final int seasonLength;
    private final Fitted[] fitted;

    SeasonalNaiveModel(String version, IdDictionary series, int seasonLength, Fitted[] fitted) {
        super(SeasonalNaiveStrategy.NAME, version, MAGIC, FORMAT);
        this.series = series;
        this.seasonLength = seasonLength;
        this.fitted = fitted;
    }

    /**
     * @param id series id, for error messages
     * @param values observations, oldest first, NaN when missing
     * @param m season length
     * @param seasons how many past seasons to average
     */
    static Fitted fitSeries(String id, double[] values, int m, int seasons) {
        int n = values.length;
        if (n < m) {
            throw new ValidationException("series '" + id + "'", "has " + n
                    + " periods, fewer than one season of " + m);
        }
        double[] pattern = new double[m];
        for (int position = 0; position < m; position++) {
            // the last observed period of the series that falls on this season position
            int last = n - m + position;
            pattern[position] = seasonalMean(values, last, m, seasons);
            if (Double.isNaN(pattern[position])) {
                throw new ValidationException("series '" + id + "'", "has no observation at season position "
                        + position + " in its last " + seasons + " season(s)");
            }
        }
        double sumOfSquares = 0;
        int residuals = 0;
        for (int t = m; t < n; t++) {
            double forecast = seasonalMean(values, t - m, m, seasons);
            if (!Double.isNaN(values[t]) && !Double.isNaN(forecast)) {
                double error = values[t] - forecast;
                sumOfSquares += error * error;
                residuals++;
            }
        }
        double sigma = residuals == 0 ? 0 : Math.sqrt(sumOfSquares / residuals);
        return new Fitted(pattern, sigma);
    }

    /** Mean of the observed values at {@code t, t-m, t-2m, ...}, over at most {@code seasons} seasons. */
    private static double seasonalMean(double[] values, int t, int m, int seasons) {
        double sum = 0;
        int count = 0;
        for (int k = 0; k < seasons && t - k * m >= 0; k++) {
            double value = values[t - k * m];
            if (!Double.isNaN(value)) {
                sum += value;
                count++;
            }
        }
        return count == 0 ? Double.NaN : sum / count;
    }

    @Override
    public IdDictionary series() {
        return series;
    }

    @Override
    public Forecast forecast(String seriesId, int horizon, double... levels) {
        int index = series.require("series", seriesId);
        if (horizon < 1) {
            throw new ValidationException("horizon", horizon + " must be at least 1");
        }
        Fitted f = fitted[index];
        double[] mean = new double[horizon];
        double[] standardError = new double[horizon];
        for (int h = 0; h < horizon; h++) {
            mean[h] = f.pattern[h % seasonLength];
            standardError[h] = f.sigma * Math.sqrt(h / seasonLength + 1);
        }
        return Forecast.symmetric(mean, standardError, SeasonalNaiveModel::normalQuantile, levels);
    }

    private static double normalQuantile(double p) {
        return Math.sqrt(2) * Erf.erfInv(2 * p - 1);
    }

    @Override
    protected void writeBody(DataOutputStream data) throws IOException {
        data.writeInt(seasonLength);
        data.writeInt(series.size());
        for (int s = 0; s < series.size(); s++) {
            data.writeUTF(series.id(s));
            data.writeDouble(fitted[s].sigma);
            for (double value : fitted[s].pattern) {
                data.writeDouble(value);
            }
        }
    }

    static SeasonalNaiveModel read(InputStream in) throws IOException {
        DataInputStream data = new DataInputStream(in);
        String version = readHeader(data, MAGIC, FORMAT, "a seasonal-naive model").strategyVersion();
        int seasonLength = data.readInt();
        int count = data.readInt();
        if (seasonLength < 1 || count < 0) {
            throw new IOException("corrupt seasonal-naive model header");
        }
        String[] ids = new String[count];
        Fitted[] fitted = new Fitted[count];
        for (int s = 0; s < count; s++) {
            ids[s] = data.readUTF();
            double sigma = data.readDouble();
            double[] pattern = new double[seasonLength];
            for (int p = 0; p < seasonLength; p++) {
                pattern[p] = data.readDouble();
            }
            fitted[s] = new Fitted(pattern, sigma);
        }
        return new SeasonalNaiveModel(version, IdDictionary.of("series", ids), seasonLength, fitted);
    }
}

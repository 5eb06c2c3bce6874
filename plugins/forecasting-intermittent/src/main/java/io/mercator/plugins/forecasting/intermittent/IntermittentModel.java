package io.mercator.plugins.forecasting.intermittent;

import io.mercator.api.AbstractModel;
import io.mercator.api.ValidationException;
import io.mercator.api.data.IdDictionary;
import io.mercator.api.forecasting.Forecast;
import io.mercator.api.forecasting.ForecastModel;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * A flat demand-rate forecast per series. Intervals are bootstrapped from the series' own
 * one-step in-sample errors (their empirical quantiles around the rate), cut at zero demand;
 * these methods have no error model, and demand this lumpy is far from normal.
 */
final class IntermittentModel extends AbstractModel implements ForecastModel {

    private static final int MAGIC = 0x494e5452; // "INTR"
    private static final int FORMAT = 1;

    private final IdDictionary series;
    private final double[] rate;
    /** Sorted one-step errors per series; empty when the series had no demand after its first. */
    private final double[][] errors;

    IntermittentModel(String name, String version, IdDictionary series, double[] rate, double[][] errors) {
        super(name, version, MAGIC, FORMAT);
        this.series = series;
        this.rate = rate;
        this.errors = errors;
    }

    @Override
    public IdDictionary series() {
        return series;
    }

    @Override
    public Forecast forecast(String seriesId, int horizon, double... levels) {
        int s = series.require("series", seriesId);
        if (horizon < 1) {
            throw new ValidationException("horizon", horizon + " must be at least 1");
        }
        double[] mean = new double[horizon];
        Arrays.fill(mean, rate[s]);
        double[][] lower = new double[levels.length][horizon];
        double[][] upper = new double[levels.length][horizon];
        for (int l = 0; l < levels.length; l++) {
            double tail = (1 - levels[l] / 100) / 2;
            Arrays.fill(lower[l], Math.min(rate[s], Math.max(0, rate[s] + quantile(errors[s], tail))));
            Arrays.fill(upper[l], Math.max(rate[s], rate[s] + quantile(errors[s], 1 - tail)));
        }
        return new Forecast(mean, levels, lower, upper);
    }

    /** @return the empirical quantile (linear interpolation, R's type 7); 0 without errors */
    static double quantile(double[] sorted, double probability) {
        if (sorted.length == 0) {
            return 0;
        }
        double position = probability * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }

    @Override
    protected void writeBody(DataOutputStream data) throws IOException {
        data.writeInt(series.size());
        for (int s = 0; s < series.size(); s++) {
            data.writeUTF(series.id(s));
            data.writeDouble(rate[s]);
            data.writeInt(errors[s].length);
            for (double error : errors[s]) {
                data.writeDouble(error);
            }
        }
    }

    static IntermittentModel read(InputStream in, String expectedName) throws IOException {
        DataInputStream data = new DataInputStream(in);
        Header header = readHeader(data, MAGIC, FORMAT, "an intermittent-demand model", expectedName);
        String name = header.strategyName();
        String version = header.strategyVersion();
        int count = data.readInt();
        if (count < 0) {
            throw new IOException("corrupt model: negative series count");
        }
        String[] ids = new String[count];
        double[] rate = new double[count];
        double[][] errors = new double[count][];
        for (int s = 0; s < count; s++) {
            ids[s] = data.readUTF();
            rate[s] = data.readDouble();
            int length = data.readInt();
            if (length < 0) {
                throw new IOException("corrupt model: negative error count");
            }
            errors[s] = new double[length];
            for (int i = 0; i < length; i++) {
                errors[s][i] = data.readDouble();
            }
        }
        return new IntermittentModel(name, version, IdDictionary.of("series", ids), rate, errors);
    }
}

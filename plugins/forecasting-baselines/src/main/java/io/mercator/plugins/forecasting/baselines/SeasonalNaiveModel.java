package io.mercator.plugins.forecasting.baselines;

import io.mercator.api.AbstractModel;
import io.mercator.api.ValidationException;
import io.mercator.api.data.IdDictionary;
import io.mercator.api.forecasting.Forecast;
import io.mercator.api.forecasting.ForecastModel;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import org.apache.commons.math3.distribution.NormalDistribution;

/** The last season of every series and the spread of its seasonal changes; see {@link SeasonalNaiveStrategy}. */
final class SeasonalNaiveModel extends AbstractModel implements ForecastModel {

    private static final int MAGIC = 0x534e4156; // "SNAV"
    private static final int FORMAT = 2;
    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);

    private final IdDictionary series;
    private final double[][] lastSeason;
    private final double[] sigma;
    /** Per series: no observed value was negative, so forecasts are floored at zero. */
    private final boolean[] nonNegative;

    SeasonalNaiveModel(String name, String version, IdDictionary series, double[][] lastSeason, double[] sigma,
            boolean[] nonNegative) {
        super(name, version, MAGIC, FORMAT);
        this.series = series;
        this.lastSeason = lastSeason;
        this.sigma = sigma;
        this.nonNegative = nonNegative;
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
        int m = lastSeason[s].length;
        double[] mean = new double[horizon];
        double[] standardError = new double[horizon];
        for (int h = 0; h < horizon; h++) {
            mean[h] = lastSeason[s][h % m];
            standardError[h] = sigma[s] * Math.sqrt(h / m + 1);
        }
        Forecast forecast = Forecast.symmetric(mean, standardError, STANDARD_NORMAL::inverseCumulativeProbability,
                levels);
        return nonNegative[s] ? forecast.atLeast(0) : forecast;
    }

    @Override
    protected void writeBody(DataOutputStream data) throws IOException {
        data.writeInt(series.size());
        for (int s = 0; s < series.size(); s++) {
            data.writeUTF(series.id(s));
            data.writeDouble(sigma[s]);
            data.writeBoolean(nonNegative[s]);
            data.writeInt(lastSeason[s].length);
            for (double value : lastSeason[s]) {
                data.writeDouble(value);
            }
        }
    }

    static SeasonalNaiveModel read(InputStream in) throws IOException {
        DataInputStream data = new DataInputStream(in);
        Header header = readHeader(data, MAGIC, FORMAT, "a seasonal naive model");
        String name = header.strategyName();
        String version = header.strategyVersion();
        int count = data.readInt();
        if (count < 0) {
            throw new IOException("corrupt model: negative series count");
        }
        String[] ids = new String[count];
        double[][] lastSeason = new double[count][];
        double[] sigma = new double[count];
        boolean[] nonNegative = new boolean[count];
        for (int s = 0; s < count; s++) {
            ids[s] = data.readUTF();
            sigma[s] = data.readDouble();
            nonNegative[s] = data.readBoolean();
            int m = data.readInt();
            if (m < 1) {
                throw new IOException("corrupt model: season length " + m);
            }
            lastSeason[s] = new double[m];
            for (int j = 0; j < m; j++) {
                lastSeason[s][j] = data.readDouble();
            }
        }
        return new SeasonalNaiveModel(name, version, IdDictionary.of("series", ids), lastSeason, sigma, nonNegative);
    }
}

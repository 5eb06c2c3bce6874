package io.mercator.plugins.forecasting.smoothing;

import io.mercator.api.AbstractModel;
import io.mercator.api.data.IdDictionary;
import io.mercator.api.forecasting.Forecast;
import io.mercator.api.forecasting.ForecastModel;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;

/**
 * The combination's model: the component models. A forecast is the mean of the components' point
 * forecasts, and each interval bound the mean of theirs (so it always contains the mean; since
 * the components' errors are positively correlated this is wider than an interval built as if
 * they were independent).
 *
 * <p>Binary format: the {@link AbstractModel} header, then per component its strategy name and
 * version and its own bytes, length-prefixed.
 */
final class CombinationModel extends AbstractModel implements ForecastModel {

    private final IdDictionary series;
    private final List<ForecastModel> components;

    CombinationModel(String strategyName, String strategyVersion, IdDictionary series,
            List<ForecastModel> components) {
        super(strategyName, strategyVersion, CombinationStrategy.MAGIC, CombinationStrategy.FORMAT);
        this.series = series;
        this.components = List.copyOf(components);
    }

    static Header readHeader(DataInputStream in) throws IOException {
        return readHeader(in, CombinationStrategy.MAGIC, CombinationStrategy.FORMAT, "a combination model");
    }

    @Override
    public IdDictionary series() {
        return series;
    }

    /** @return the component models, in the order the parameter named them */
    List<ForecastModel> components() {
        return components;
    }

    @Override
    public Forecast forecast(String seriesId, int horizon, double... levels) {
        double[] mean = new double[horizon];
        double[][] lower = new double[levels.length][horizon];
        double[][] upper = new double[levels.length][horizon];
        for (ForecastModel component : components) {
            Forecast forecast = component.forecast(seriesId, horizon, levels);
            for (int h = 0; h < horizon; h++) {
                mean[h] += forecast.mean(h) / components.size();
            }
            for (int l = 0; l < levels.length; l++) {
                double[] componentLower = forecast.lower(l);
                double[] componentUpper = forecast.upper(l);
                for (int h = 0; h < horizon; h++) {
                    lower[l][h] += componentLower[h] / components.size();
                    upper[l][h] += componentUpper[h] / components.size();
                }
            }
        }
        return new Forecast(mean, levels, lower, upper);
    }

    @Override
    protected void writeBody(DataOutputStream out) throws IOException {
        out.writeInt(components.size());
        for (ForecastModel component : components) {
            out.writeUTF(component.strategyName());
            out.writeUTF(component.strategyVersion());
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            component.writeTo(bytes);
            out.writeInt(bytes.size());
            bytes.writeTo(out);
        }
    }
}

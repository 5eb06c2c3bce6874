package io.mercator.api.forecasting;

import io.mercator.api.ValidationException;
import io.mercator.api.data.IdDictionary;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * External regressors of a {@link SeriesSet}: the same named covariates (price, a promotion flag,
 * a holiday flag, ...) for every series, each covering the series' history and then the periods
 * to be forecast. Period {@code t} of a regressor lines up with period {@code t} of its series;
 * the values past the series' last observation are the caller's planned future (next month's
 * price, the promotions already scheduled). Strategies that use no regressors ignore them.
 * Immutable; arrays are copied on the way in and out.
 */
public final class Regressors {

    /** No regressors at all: what a {@link SeriesSet} carries unless given some. */
    public static final Regressors NONE = new Regressors(new String[0], Map.of());

    private final String[] names;
    /** {@code columns.get(seriesId)[r]} is regressor {@code names[r]} of that series. */
    private final Map<String, double[][]> columns;

    private Regressors(String[] names, Map<String, double[][]> columns) {
        this.names = names;
        this.columns = columns;
    }

    /**
     * @param names distinct, non-blank regressor names, e.g. {@code "price", "promotion"}
     * @return a builder that takes the regressors series by series
     * @throws ValidationException naming a blank or repeated name
     */
    public static Builder builder(String... names) {
        IdDictionary.of("regressors", names);
        return new Builder(names.clone());
    }

    /** @return the regressor names, in the order of {@link #values} */
    public List<String> names() {
        return List.of(names);
    }

    /** @return true when there are no regressors */
    public boolean isEmpty() {
        return names.length == 0;
    }

    /**
     * @param seriesId a series id
     * @return true when values were given for that series
     */
    public boolean covers(String seriesId) {
        return columns.containsKey(seriesId);
    }

    /**
     * @param seriesId a series id given to the builder
     * @param regressor index into {@link #names()}
     * @return a copy of the regressor's values for the series: history, then future periods
     * @throws ValidationException when the series has no regressors
     */
    public double[] values(String seriesId, int regressor) {
        double[][] series = columns.get(seriesId);
        if (series == null) {
            throw new ValidationException("regressors", "no values for series '" + seriesId + "'");
        }
        return series[regressor].clone();
    }

    /**
     * @param seriesId a series id given to the builder
     * @return the number of periods each of its regressors covers (history plus future)
     */
    public int length(String seriesId) {
        double[][] series = columns.get(seriesId);
        if (series == null) {
            throw new ValidationException("regressors", "no values for series '" + seriesId + "'");
        }
        return series.length == 0 ? 0 : series[0].length;
    }

    /** Takes the regressors series by series. Not thread-safe. */
    public static final class Builder {
        private final String[] names;
        private final Map<String, double[][]> columns = new HashMap<>();

        private Builder(String[] names) {
            this.names = names;
        }

        /**
         * @param seriesId the id of a series of the {@link SeriesSet}
         * @param values one array per regressor name, in the builder's order, all of the same
         *     length: the series' history plus the future periods; finite
         * @return this builder
         * @throws ValidationException when the series was already added, the count or lengths
         *     disagree, or a value is not finite
         */
        public Builder add(String seriesId, double[]... values) {
            Objects.requireNonNull(seriesId, "seriesId");
            String field = "regressors of series '" + seriesId + "'";
            if (columns.containsKey(seriesId)) {
                throw new ValidationException(field, "were already added");
            }
            if (values.length != names.length) {
                throw new ValidationException(field, "need " + names.length + " columns " + List.of(names)
                        + ", got " + values.length);
            }
            double[][] copies = new double[values.length][];
            for (int r = 0; r < values.length; r++) {
                if (values[r].length != values[0].length) {
                    throw new ValidationException(field, "'" + names[r] + "' has " + values[r].length
                            + " periods, '" + names[0] + "' has " + values[0].length);
                }
                for (int t = 0; t < values[r].length; t++) {
                    if (!Double.isFinite(values[r][t])) {
                        throw new ValidationException(field, t, "'" + names[r] + "' is " + values[r][t]
                                + "; regressors cannot be missing");
                    }
                }
                copies[r] = values[r].clone();
            }
            columns.put(seriesId, copies);
            return this;
        }

        /** @return the regressors */
        public Regressors build() {
            return new Regressors(names, Map.copyOf(columns));
        }
    }
}

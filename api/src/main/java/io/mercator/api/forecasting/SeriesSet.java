package io.mercator.api.forecasting;

import io.mercator.api.ValidationException;
import io.mercator.api.data.Columns;
import io.mercator.api.data.IdDictionary;
import java.util.Arrays;
import java.util.Objects;

/**
 * Many equally spaced time series stored end to end in one array: series {@code s} occupies
 * {@code values[offsets[s] .. offsets[s+1])}, oldest first. Missing observations are NaN;
 * infinities are rejected. Immutable; the arrays are not copied, so callers must not change them
 * after construction.
 */
public final class SeriesSet {

    private final IdDictionary ids;
    private final int[] offsets;
    private final double[] values;
    private final int seasonLength;
    private final Regressors regressors;

    /**
     * @param ids one id per series
     * @param offsets {@code ids.size() + 1} non-decreasing start positions, from 0 to
     *     {@code values.length}
     * @param values all observations, series after series; NaN marks a missing value
     * @param seasonLength periods per season (7 for daily data with a weekly cycle, 12 for
     *     monthly data), 1 for no seasonality, or 0 when unknown and left to the strategy to detect
     * @throws ValidationException naming the field and row at fault
     */
    public SeriesSet(IdDictionary ids, int[] offsets, double[] values, int seasonLength) {
        this(ids, offsets, values, seasonLength, Regressors.NONE);
    }

    private SeriesSet(IdDictionary ids, int[] offsets, double[] values, int seasonLength, Regressors regressors) {
        this.ids = Objects.requireNonNull(ids, "ids");
        if (values == null) {
            throw new ValidationException("values", "column is missing");
        }
        Columns.requireLength("offsets", offsets, ids.size() + 1);
        if (offsets[0] != 0) {
            throw new ValidationException("offsets", 0, "must be 0, is " + offsets[0]);
        }
        for (int s = 1; s < offsets.length; s++) {
            if (offsets[s] < offsets[s - 1]) {
                throw new ValidationException("offsets", s, "decreases from " + offsets[s - 1] + " to " + offsets[s]);
            }
        }
        if (offsets[ids.size()] != values.length) {
            throw new ValidationException("offsets", ids.size(), "must equal the number of values "
                    + values.length + ", is " + offsets[ids.size()]);
        }
        for (int row = 0; row < values.length; row++) {
            if (Double.isInfinite(values[row])) {
                throw new ValidationException("values", row, "series '" + ids.id(seriesOfRow(offsets, row))
                        + "' holds " + values[row] + "; use NaN for a missing value");
            }
        }
        if (seasonLength < 0) {
            throw new ValidationException("seasonLength", "must be 0 (unknown) or positive, is " + seasonLength);
        }
        this.offsets = offsets;
        this.values = values;
        this.seasonLength = seasonLength;
        this.regressors = regressors;
    }

    /**
     * @param regressors external regressors with values for every series, each covering at least
     *     the series' history; {@link Regressors#NONE} removes them
     * @return the same series carrying these regressors
     * @throws ValidationException naming the series whose regressors are missing or shorter than
     *     its history
     */
    public SeriesSet withRegressors(Regressors regressors) {
        Objects.requireNonNull(regressors, "regressors");
        if (!regressors.isEmpty()) {
            for (int s = 0; s < size(); s++) {
                String id = ids.id(s);
                if (!regressors.covers(id)) {
                    throw new ValidationException("regressors", s, "no values for series '" + id + "'");
                }
                if (regressors.length(id) < length(s)) {
                    throw new ValidationException("regressors", s, "series '" + id + "' has " + length(s)
                            + " periods but its regressors cover only " + regressors.length(id));
                }
            }
        }
        return new SeriesSet(ids, offsets, values, seasonLength, regressors);
    }

    /** @return the external regressors, {@link Regressors#NONE} unless set by {@link #withRegressors} */
    public Regressors regressors() {
        return regressors;
    }

    private static int seriesOfRow(int[] offsets, int row) {
        int found = Arrays.binarySearch(offsets, row);
        if (found < 0) {
            return -found - 2;
        }
        while (found + 1 < offsets.length && offsets[found + 1] == row) {
            found++;
        }
        return found;
    }

    /**
     * @param seasonLength see {@link #SeriesSet}
     * @return a builder that appends series one by one
     */
    public static Builder builder(int seasonLength) {
        return new Builder(seasonLength);
    }

    /** @return the series ids */
    public IdDictionary ids() {
        return ids;
    }

    /** @return the number of series */
    public int size() {
        return ids.size();
    }

    /** @return periods per season, 1 for none, 0 for unknown */
    public int seasonLength() {
        return seasonLength;
    }

    /**
     * @param series a series index
     * @return the number of observations of that series, missing ones included
     */
    public int length(int series) {
        return offsets[series + 1] - offsets[series];
    }

    /**
     * @param series a series index
     * @param period from 0 (oldest) to {@code length(series) - 1}
     * @return the observation, NaN when missing
     */
    public double value(int series, int period) {
        Objects.checkIndex(period, length(series));
        return values[offsets[series] + period];
    }

    /**
     * @param series a series index
     * @return a copy of the observations of that series, oldest first
     */
    public double[] values(int series) {
        return Arrays.copyOfRange(values, offsets[series], offsets[series + 1]);
    }

    /**
     * @param series a series index
     * @return true when no observed value of the series is negative, as for units sold: its
     *     forecasts should not go below zero either (see {@link Forecast#atLeast})
     */
    public boolean isNonNegative(int series) {
        for (int i = offsets[series]; i < offsets[series + 1]; i++) {
            if (values[i] < 0) {
                return false;
            }
        }
        return true;
    }

    /** Appends series one by one; grows its arrays geometrically. Not thread-safe. */
    public static final class Builder {
        private final int seasonLength;
        private final IdDictionary.Builder ids = new IdDictionary.Builder("series");
        private int[] offsets = new int[17];
        private double[] values = new double[256];
        private int valueCount;

        private Builder(int seasonLength) {
            this.seasonLength = seasonLength;
        }

        /**
         * @param id a series id not added before
         * @param observations the observations, oldest first; NaN marks a missing value
         * @return this builder
         * @throws ValidationException when the id is blank or was already added
         */
        public Builder add(String id, double... observations) {
            int series = ids.size();
            if (ids.add(id, series) != series) {
                throw new ValidationException("series", series, "id '" + id + "' was already added");
            }
            if (valueCount + observations.length > values.length) {
                values = Arrays.copyOf(values, Math.max(values.length * 2, valueCount + observations.length));
            }
            System.arraycopy(observations, 0, values, valueCount, observations.length);
            valueCount += observations.length;
            if (series + 2 > offsets.length) {
                offsets = Arrays.copyOf(offsets, offsets.length * 2);
            }
            offsets[series + 1] = valueCount;
            return this;
        }

        /** @return the validated series set */
        public SeriesSet build() {
            return new SeriesSet(ids.build(), Arrays.copyOf(offsets, ids.size() + 1),
                    Arrays.copyOf(values, valueCount), seasonLength);
        }
    }
}

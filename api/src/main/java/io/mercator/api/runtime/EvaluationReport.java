package io.mercator.api.runtime;

import io.mercator.api.ValidationException;
import java.util.List;
import java.util.Objects;

/**
 * The result of an evaluation: a table with one row per strategy and one column per metric, plus
 * free-text notes (the split used, the metric definitions, the data's size).
 *
 * @param title what was evaluated, e.g. {@code forecasting on m3.csv: 12 origins, horizon 18}
 * @param columns metric names, e.g. {@code sMAPE}, {@code MASE}, {@code fit ms}
 * @param rows one row per strategy, each with one value per column (NaN where a metric does
 *     not apply or the strategy failed; see the notes)
 * @param notes how the figures were obtained, and strategies that failed with their error
 */
public record EvaluationReport(String title, List<String> columns, List<Row> rows, List<String> notes) {

    /**
     * One strategy's figures.
     *
     * @param strategy {@code name@version}
     * @param values one per column
     */
    public record Row(String strategy, double[] values) {

        /** Checks that nothing is missing and copies the values. */
        public Row {
            Objects.requireNonNull(strategy, "strategy");
            values = values.clone();
        }

        @Override
        public double[] values() {
            return values.clone();
        }
    }

    /** Checks that every row has one value per column. */
    public EvaluationReport {
        Objects.requireNonNull(title, "title");
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
        notes = List.copyOf(notes);
        for (int r = 0; r < rows.size(); r++) {
            if (rows.get(r).values.length != columns.size()) {
                throw new ValidationException("rows", r, rows.get(r).strategy() + " has "
                        + rows.get(r).values.length + " values for " + columns.size() + " columns");
            }
        }
    }
}

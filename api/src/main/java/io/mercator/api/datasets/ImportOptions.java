package io.mercator.api.datasets;

import io.mercator.api.ValidationException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How to read a source. Build with {@link #builder()}; {@link #defaults()} reads UTF-8 CSV with
 * commas, ISO dates and columns named like the family's fields, and rejects the whole import when
 * any row is bad.
 *
 * @param delimiter the CSV field delimiter, e.g. {@code ','}, {@code ';'} or a tab
 * @param encoding the character set of the source, e.g. {@code UTF-8} or {@code ISO-8859-1};
 *     bytes that are not valid in it fail the import
 * @param columns the source's column for a family field, by field name, where they differ; a
 *     field not named here is looked up by its own name, then by its aliases (see
 *     {@link FieldSpec#aliases()})
 * @param dateFormat a {@link DateTimeFormatter} pattern for date fields, e.g. {@code dd/MM/yyyy
 *     HH:mm}; null for ISO dates ({@code 2011-12-09}), optionally followed by a time that is ignored
 * @param badRowPolicy what to do with bad rows
 * @param maxReportedRows how many bad rows the report lists at most (all are counted)
 * @param label a free-form label for the data set; may be empty
 * @param appendTo the id of a data set of the same family to append to; null for a new data set
 * @param watermarkField a field whose largest stored value is kept as the data set's watermark; an
 *     import appending to a data set with a watermark keeps only rows past it. A date field
 *     compares as a date, a numeric one as a number, others as text. Null for none (or, when
 *     appending, the data set's own watermark field)
 * @param seasonLength for series data (forecasting, optimization): periods per season, 0 when
 *     unknown
 */
public record ImportOptions(char delimiter, String encoding, Map<String, String> columns, String dateFormat,
        BadRowPolicy badRowPolicy, int maxReportedRows, String label, String appendTo, String watermarkField,
        int seasonLength) {

    /** Default of {@link #maxReportedRows()}. */
    public static final int DEFAULT_MAX_REPORTED_ROWS = 100;

    /** Checks every option and copies the column map. */
    public ImportOptions {
        if (delimiter == '"' || delimiter == '\n' || delimiter == '\r') {
            throw new ValidationException("delimiter", "cannot be a quote or a line break");
        }
        Objects.requireNonNull(encoding, "encoding");
        try {
            Charset.forName(encoding);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException unknown) {
            throw new ValidationException("encoding", "'" + encoding + "' is not a character set this Java knows");
        }
        columns = Map.copyOf(columns);
        if (dateFormat != null) {
            try {
                DateTimeFormatter.ofPattern(dateFormat);
            } catch (IllegalArgumentException badPattern) {
                throw new ValidationException("dateFormat", "'" + dateFormat + "' is not a date pattern: "
                        + badPattern.getMessage());
            }
        }
        Objects.requireNonNull(badRowPolicy, "badRowPolicy");
        if (maxReportedRows < 0) {
            throw new ValidationException("maxReportedRows", "must be >= 0, is " + maxReportedRows);
        }
        label = label == null ? "" : label;
        if (seasonLength < 0) {
            throw new ValidationException("seasonLength", "must be >= 0, is " + seasonLength);
        }
    }

    /** @return UTF-8 CSV, comma, ISO dates, reject on bad rows */
    public static ImportOptions defaults() {
        return builder().build();
    }

    /** @return a builder starting from the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the source's column name for a field, or null when not mapped explicitly */
    public String columnOf(String field) {
        return columns.get(field);
    }

    /** Builds {@link ImportOptions}; every setter returns the builder. */
    public static final class Builder {
        private char delimiter = ',';
        private String encoding = "UTF-8";
        private final Map<String, String> columns = new LinkedHashMap<>();
        private String dateFormat;
        private BadRowPolicy badRowPolicy = BadRowPolicy.REJECT_ALL;
        private int maxReportedRows = DEFAULT_MAX_REPORTED_ROWS;
        private String label = "";
        private String appendTo;
        private String watermarkField;
        private int seasonLength;

        private Builder() {
        }

        /** @param value see {@link ImportOptions#delimiter()} @return this builder */
        public Builder delimiter(char value) {
            delimiter = value;
            return this;
        }

        /** @param value see {@link ImportOptions#encoding()} @return this builder */
        public Builder encoding(String value) {
            encoding = value;
            return this;
        }

        /**
         * @param field a family field
         * @param column the source's column that holds it
         * @return this builder
         */
        public Builder column(String field, String column) {
            columns.put(field, column);
            return this;
        }

        /** @param value see {@link ImportOptions#dateFormat()} @return this builder */
        public Builder dateFormat(String value) {
            dateFormat = value;
            return this;
        }

        /** @param value see {@link ImportOptions#badRowPolicy()} @return this builder */
        public Builder badRowPolicy(BadRowPolicy value) {
            badRowPolicy = value;
            return this;
        }

        /** @param value see {@link ImportOptions#maxReportedRows()} @return this builder */
        public Builder maxReportedRows(int value) {
            maxReportedRows = value;
            return this;
        }

        /** @param value see {@link ImportOptions#label()} @return this builder */
        public Builder label(String value) {
            label = value;
            return this;
        }

        /** @param datasetId see {@link ImportOptions#appendTo()} @return this builder */
        public Builder appendTo(String datasetId) {
            appendTo = datasetId;
            return this;
        }

        /** @param field see {@link ImportOptions#watermarkField()} @return this builder */
        public Builder watermarkField(String field) {
            watermarkField = field;
            return this;
        }

        /** @param value see {@link ImportOptions#seasonLength()} @return this builder */
        public Builder seasonLength(int value) {
            seasonLength = value;
            return this;
        }

        /**
         * @return the options
         * @throws ValidationException naming the option at fault
         */
        public ImportOptions build() {
            return new ImportOptions(delimiter, encoding, columns, dateFormat, badRowPolicy, maxReportedRows, label,
                    appendTo, watermarkField, seasonLength);
        }
    }
}

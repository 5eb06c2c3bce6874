package io.mercator.platform.evaluation.pricing;

import io.mercator.api.ValidationException;
import io.mercator.api.data.IdDictionary;
import io.mercator.api.pricing.PriceObservations;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads price observations from a CSV file with a header row ({@code .gz} files are unzipped).
 * Two layouts are understood:
 * <ul>
 * <li>the generic one: {@code product, period, price, units} and optionally {@code location},
 * {@code promo} (0/1 or true/false), {@code feature} (0 to 1) and {@code segment} (the customer
 * segment the units were sold to);</li>
 * <li>the Dominick's scanner panel as exported from R's bayesm {@code orangeJuice}:
 * {@code store, brand, week, logmove, price1 ... priceN, deal, feat}; the product is
 * {@code brand<n>}, its price is {@code price<n>} and its units are {@code exp(logmove)}.</li>
 * </ul>
 * Every bad value is reported with the file name, line and column.
 */
public final class PriceFiles {

    private static final String SEGMENT = "segment";

    private PriceFiles() {
    }

    /**
     * @param file the CSV file
     * @return the observations, one per data line, in file order
     * @throws ValidationException naming file, line and column of the first bad value
     * @throws UncheckedIOException when the file cannot be read
     */
    public static PriceObservations read(Path file) {
        String name = file.getFileName().toString();
        try (InputStream raw = Files.newInputStream(file);
                InputStream in = name.endsWith(".gz") ? new GZIPInputStream(raw) : raw;
                Reader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                        .setTrim(true).build().parse(reader)) {
            Map<String, Integer> header = parser.getHeaderMap();
            boolean dominicks = header.containsKey("logmove") && header.containsKey("brand");
            Layout layout = dominicks ? new Layout(name, "brand", "store", "week", "logmove", "deal", "feat")
                    : new Layout(name, "product", "location", "period", "units", "promo", "feature");
            layout.require(header);
            PriceObservations.Builder builder = PriceObservations.builder();
            boolean located = header.containsKey(layout.location);
            boolean segmented = !dominicks && header.containsKey(SEGMENT);
            IdDictionary.Builder segments = new IdDictionary.Builder(SEGMENT);
            int[] segment = new int[segmented ? 1024 : 0];
            for (CSVRecord record : parser) {
                if (segmented) {
                    if (builder.size() == segment.length) {
                        segment = Arrays.copyOf(segment, 2 * segment.length);
                    }
                    segment[builder.size()] = segments.add(layout.text(record, SEGMENT, record.getRecordNumber() + 1),
                            builder.size());
                }
                layout.add(builder, record, dominicks, located);
            }
            if (builder.size() == 0) {
                throw new ValidationException(name, "has no data rows");
            }
            try {
                PriceObservations observations = builder.build();
                return segmented
                        ? observations.withSegments(segments.build(), Arrays.copyOf(segment, observations.size()))
                        : observations;
            } catch (ValidationException bad) {
                String problem = bad.getMessage().substring(bad.getMessage().indexOf(": ") + 2);
                throw new ValidationException(name + " line " + (bad.row() + 2) + " column " + bad.field(), problem);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** The column names of one layout and how a record becomes an observation. */
    private static final class Layout {
        private final String file;
        private final String product;
        private final String location;
        private final String period;
        private final String units;
        private final String promo;
        private final String feature;

        Layout(String file, String product, String location, String period, String units, String promo,
                String feature) {
            this.file = file;
            this.product = product;
            this.location = location;
            this.period = period;
            this.units = units;
            this.promo = promo;
            this.feature = feature;
        }

        void require(Map<String, Integer> header) {
            boolean dominicks = units.equals("logmove");
            for (String column : dominicks ? new String[] {product, location, period, units}
                    : new String[] {product, period, "price", units}) {
                if (!header.containsKey(column)) {
                    throw new ValidationException(file + " line 1", "has no column '" + column + "' (columns: "
                            + String.join(", ", header.keySet()) + ")");
                }
            }
        }

        void add(PriceObservations.Builder builder, CSVRecord record, boolean dominicks, boolean located) {
            long line = record.getRecordNumber() + 1;
            String id = text(record, product, line);
            int week = whole(record, period, line);
            String priceColumn = dominicks ? "price" + id : "price";
            if (!record.isMapped(priceColumn)) {
                throw new ValidationException(cell(line, product), "brand '" + id + "' has no column " + priceColumn);
            }
            double price = number(record, priceColumn, line);
            if (!(price > 0)) {
                throw new ValidationException(cell(line, priceColumn), price + " must be > 0");
            }
            double sold = dominicks ? Math.exp(number(record, units, line)) : number(record, units, line);
            if (dominicks) {
                id = "brand" + id;
            }
            boolean promoted = record.isMapped(promo) && flag(record, promo, line);
            if (!located) {
                builder.add(id, week, price, sold, promoted);
                return;
            }
            double featured = record.isMapped(feature) ? number(record, feature, line) : 0;
            if (!(featured >= 0 && featured <= 1)) {
                throw new ValidationException(cell(line, feature), featured + " is outside [0, 1]");
            }
            builder.add(id, text(record, location, line), week, price, sold, promoted, featured);
        }

        private String cell(long line, String column) {
            return file + " line " + line + " column " + column;
        }

        private String text(CSVRecord record, String column, long line) {
            String value = record.isSet(column) ? record.get(column) : "";
            if (value.isEmpty()) {
                throw new ValidationException(cell(line, column), "is empty");
            }
            return value;
        }

        private double number(CSVRecord record, String column, long line) {
            String value = text(record, column, line);
            try {
                double parsed = Double.parseDouble(value);
                if (Double.isFinite(parsed)) {
                    return parsed;
                }
            } catch (NumberFormatException notNumber) {
                // reported below
            }
            throw new ValidationException(cell(line, column), "'" + value + "' is not a finite number");
        }

        private int whole(CSVRecord record, String column, long line) {
            String value = text(record, column, line);
            try {
                return Integer.parseInt(value);
            } catch (NumberFormatException notWhole) {
                throw new ValidationException(cell(line, column), "'" + value + "' is not a whole number");
            }
        }

        private boolean flag(CSVRecord record, String column, long line) {
            String value = text(record, column, line).toLowerCase(Locale.ROOT);
            switch (value) {
                case "1":
                case "true":
                    return true;
                case "0":
                case "false":
                    return false;
                default:
                    throw new ValidationException(cell(line, column), "'" + value + "' is not 0, 1, true or false");
            }
        }
    }
}

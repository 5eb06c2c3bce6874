package io.mercator.platform.evaluation.filtering;

import io.mercator.api.ValidationException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * An interactions file as the evaluator reads it: a CSV file with a header row and the columns
 * {@code user_id}, {@code item_id}, {@code rating} (or {@code user}, {@code item}, {@code value}),
 * optionally {@code timestamp} (epoch seconds) and a fold column (1..k) that fixes the k-fold
 * split. Other columns are ignored.
 *
 * @param users per row, the user id
 * @param items per row, the item id
 * @param values per row, a finite rating or weight
 * @param timestamps per row, epoch seconds; null when the file has no timestamp column
 * @param folds per row, the fold the row is tested in, from 1; null when the file has no fold column
 */
record InteractionsFile(String[] users, String[] items, double[] values, long[] timestamps, int[] folds) {

    int size() {
        return users.length;
    }

    /**
     * @param file the CSV file
     * @param foldColumn the name of the fold column; it may be absent from the file
     * @return its rows
     * @throws ValidationException naming the file, line and column of the first bad value
     */
    static InteractionsFile read(Path file, String foldColumn) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                        .setTrim(true).build().parse(reader)) {
            Map<String, Integer> header = parser.getHeaderMap();
            String userColumn = column(file, header, "user_id", "user");
            String itemColumn = column(file, header, "item_id", "item");
            String valueColumn = column(file, header, "rating", "value");
            boolean timed = header.containsKey("timestamp");
            boolean folded = header.containsKey(foldColumn);
            List<String> users = new ArrayList<>();
            List<String> items = new ArrayList<>();
            double[] values = new double[1024];
            long[] timestamps = new long[1024];
            int[] folds = new int[1024];
            int rows = 0;
            for (CSVRecord record : parser) {
                long line = record.getRecordNumber() + 1;
                if (rows == values.length) {
                    values = Arrays.copyOf(values, rows * 2);
                    timestamps = Arrays.copyOf(timestamps, rows * 2);
                    folds = Arrays.copyOf(folds, rows * 2);
                }
                users.add(id(file, line, record, userColumn));
                items.add(id(file, line, record, itemColumn));
                values[rows] = finite(file, line, record, valueColumn);
                if (timed) {
                    timestamps[rows] = whole(file, line, record, "timestamp", 0);
                }
                if (folded) {
                    folds[rows] = (int) whole(file, line, record, foldColumn, 1);
                }
                rows++;
            }
            if (rows == 0) {
                throw new ValidationException(file.toString(), "has a header but no rows");
            }
            return new InteractionsFile(users.toArray(String[]::new), items.toArray(String[]::new),
                    Arrays.copyOf(values, rows), timed ? Arrays.copyOf(timestamps, rows) : null,
                    folded ? Arrays.copyOf(folds, rows) : null);
        } catch (IOException | IllegalArgumentException | IllegalStateException unreadable) {
            if (unreadable instanceof ValidationException validation) {
                throw validation;
            }
            throw new ValidationException(file.toString(), "cannot be read as CSV: " + unreadable.getMessage());
        }
    }

    private static String column(Path file, Map<String, Integer> header, String name, String alternative) {
        if (header.containsKey(name)) {
            return name;
        }
        if (header.containsKey(alternative)) {
            return alternative;
        }
        throw new ValidationException(file.toString(), "line 1: no column '" + name + "' (or '" + alternative
                + "') in the header " + header.keySet());
    }

    private static String cell(Path file, long line, CSVRecord record, String column) {
        if (!record.isSet(column)) {
            throw error(file, line, column, "is missing (the row has " + record.size() + " cells)");
        }
        return record.get(column);
    }

    private static String id(Path file, long line, CSVRecord record, String column) {
        String id = cell(file, line, record, column);
        if (id.isEmpty()) {
            throw error(file, line, column, "is empty");
        }
        return id;
    }

    private static double finite(Path file, long line, CSVRecord record, String column) {
        String text = cell(file, line, record, column);
        try {
            double value = Double.parseDouble(text);
            if (Double.isFinite(value)) {
                return value;
            }
        } catch (NumberFormatException notNumber) {
            // reported below
        }
        throw error(file, line, column, "'" + text + "' is not a finite number");
    }

    private static long whole(Path file, long line, CSVRecord record, String column, long min) {
        String text = cell(file, line, record, column);
        try {
            long value = Long.parseLong(text);
            if (value >= min) {
                return value;
            }
        } catch (NumberFormatException notWhole) {
            // reported below
        }
        throw error(file, line, column, "'" + text + "' is not a whole number of at least " + min);
    }

    private static ValidationException error(Path file, long line, String column, String problem) {
        return new ValidationException(file + " line " + line + " column '" + column + "'", problem);
    }
}

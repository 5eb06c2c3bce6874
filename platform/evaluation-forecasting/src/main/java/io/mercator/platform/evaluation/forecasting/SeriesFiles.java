package io.mercator.platform.evaluation.forecasting;

import io.mercator.api.ValidationException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads many series from CSV in long format, one observation per row: series id, period, value,
 * with a header row; rows of a series in time order; an empty value or {@code NA} is missing.
 * Gzipped files ({@code .gz}) are read as well. A folder holds {@code train.csv} and
 * {@code test.csv} (or their {@code .gz}), and optionally {@code series.csv} with a
 * {@code frequency} column giving each series' season length.
 */
public final class SeriesFiles {

    /**
     * Series read from files.
     *
     * @param ids series ids in order of first appearance
     * @param training observations per series
     * @param test held-out observations per series; null when the data has no given split
     * @param seasonLength season length per series; 0 when not given
     */
    public record Data(List<String> ids, List<double[]> training, List<double[]> test, int[] seasonLength) {
    }

    private SeriesFiles() {
    }

    /**
     * @param path a long-format CSV file, or a folder with {@code train.csv} and {@code test.csv}
     * @return the series
     * @throws ValidationException naming the file, line and column at fault
     */
    public static Data read(Path path) {
        if (!Files.isDirectory(path)) {
            Map<String, double[]> series = readLong(requireFile(path));
            return new Data(List.copyOf(series.keySet()), List.copyOf(series.values()), null,
                    new int[series.size()]);
        }
        Map<String, double[]> training = readLong(requireFile(either(path, "train.csv")));
        Map<String, double[]> test = readLong(requireFile(either(path, "test.csv")));
        Path catalogue = either(path, "series.csv");
        Map<String, Integer> frequency = Files.isRegularFile(catalogue) ? readFrequencies(catalogue) : Map.of();
        List<String> ids = new ArrayList<>(training.keySet());
        List<double[]> trainingValues = new ArrayList<>();
        List<double[]> testValues = new ArrayList<>();
        int[] seasonLength = new int[ids.size()];
        for (int s = 0; s < ids.size(); s++) {
            String id = ids.get(s);
            double[] held = test.get(id);
            if (held == null) {
                throw new ValidationException(either(path, "test.csv").getFileName().toString(),
                        "has no rows for series '" + id + "' of the training file");
            }
            trainingValues.add(training.get(id));
            testValues.add(held);
            seasonLength[s] = frequency.getOrDefault(id, 0);
        }
        return new Data(ids, trainingValues, testValues, seasonLength);
    }

    private static Path either(Path folder, String name) {
        Path plain = folder.resolve(name);
        Path zipped = folder.resolve(name + ".gz");
        return Files.exists(plain) || !Files.exists(zipped) ? plain : zipped;
    }

    private static Path requireFile(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ValidationException("data", file + " is not a readable file");
        }
        return file;
    }

    private static Map<String, double[]> readLong(Path file) {
        Map<String, List<Double>> series = new LinkedHashMap<>();
        String name = file.getFileName().toString();
        try (CSVParser parser = open(file)) {
            for (CSVRecord record : parser) {
                if (record.size() < 3) {
                    throw new ValidationException(name + " line " + (record.getRecordNumber() + 1),
                            "needs 3 columns (series id, period, value), has " + record.size());
                }
                String id = record.get(0).trim();
                if (id.isEmpty()) {
                    throw new ValidationException(at(name, record, 1, parser), "the series id is empty");
                }
                series.computeIfAbsent(id, k -> new ArrayList<>()).add(number(record.get(2), at(name, record, 3,
                        parser)));
            }
        } catch (IOException | UncheckedIOException e) {
            throw new ValidationException(name, "cannot be read: " + e.getMessage());
        }
        if (series.isEmpty()) {
            throw new ValidationException(name, "holds no observations");
        }
        Map<String, double[]> values = new LinkedHashMap<>();
        series.forEach((id, list) -> values.put(id, list.stream().mapToDouble(Double::doubleValue).toArray()));
        return values;
    }

    private static Map<String, Integer> readFrequencies(Path file) {
        Map<String, Integer> frequency = new LinkedHashMap<>();
        String name = file.getFileName().toString();
        try (CSVParser parser = open(file)) {
            Integer column = parser.getHeaderMap().get("frequency");
            if (column == null) {
                return frequency;
            }
            for (CSVRecord record : parser) {
                double value = number(record.get(column), at(name, record, column + 1, parser));
                if (!(value >= 1 && value == Math.rint(value))) {
                    throw new ValidationException(at(name, record, column + 1, parser), "'" + record.get(column)
                            + "' is not a season length (a positive whole number)");
                }
                frequency.put(record.get(0).trim(), (int) value);
            }
        } catch (IOException | UncheckedIOException e) {
            throw new ValidationException(name, "cannot be read: " + e.getMessage());
        }
        return frequency;
    }

    private static CSVParser open(Path file) throws IOException {
        InputStream in = Files.newInputStream(file);
        try {
            if (file.getFileName().toString().endsWith(".gz")) {
                in = new GZIPInputStream(in);
            }
            Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).build()
                    .parse(reader);
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    /** @return e.g. {@code train.csv line 12, column 3 (value)}; line numbers count the header */
    private static String at(String file, CSVRecord record, int column, CSVParser parser) {
        String header = parser.getHeaderNames().size() >= column ? " (" + parser.getHeaderNames().get(column - 1) + ")"
                : "";
        return file + " line " + (record.getRecordNumber() + 1) + ", column " + column + header;
    }

    private static double number(String text, String where) {
        if (text.isEmpty() || text.toUpperCase(Locale.ROOT).equals("NA")) {
            return Double.NaN;
        }
        try {
            double value = Double.parseDouble(text);
            if (Double.isFinite(value)) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below with the place
        }
        throw new ValidationException(where, "'" + text + "' is not a number");
    }
}

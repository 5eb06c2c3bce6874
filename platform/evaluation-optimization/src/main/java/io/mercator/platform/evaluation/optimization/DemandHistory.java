package io.mercator.platform.evaluation.optimization;

import io.mercator.api.ValidationException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Demand per SKU and period, read from a CSV file (gzip-compressed when the name ends in
 * {@code .gz}) in one of two layouts:
 * <ul>
 * <li>demand: {@code sku, period, demand[, unit_cost]} with whole periods from 0, demand &gt;= 0
 * (several rows of one SKU and period add up; a missing row is no demand) and unit cost &gt; 0 (1
 * when absent);</li>
 * <li>monthly series, as in the aus-retail-turnover data set: {@code series_id, month (YYYY-MM),
 * turnover}, one period per month from the first month in the file, unit cost 1;</li>
 * <li>transactions, as in the online-retail-uci data set: {@code stock_code, quantity,
 * invoice_date, unit_price}, summed into periods of {@code periodDays} days from the first date;
 * returns and cancellations (quantity &lt;= 0) and non-product codes (not starting with a digit)
 * are skipped, an incomplete last period is dropped, and the unit cost is the mean positive
 * unit price.</li>
 * </ul>
 *
 * @param skus SKU ids
 * @param demand demand[sku][period]
 * @param unitCost per SKU
 * @param skippedRows rows of a transactions file left out
 */
record DemandHistory(String[] skus, double[][] demand, double[] unitCost, int skippedRows) {

    private static final List<String> DEMAND_COLUMNS = List.of("sku", "period", "demand");
    private static final List<String> MONTHLY_COLUMNS = List.of("series_id", "month", "turnover");
    private static final List<String> TRANSACTION_COLUMNS = List.of("stock_code", "quantity", "invoice_date",
            "unit_price");
    private static final int MAX_PERIODS = 100_000;

    /** @return the number of periods every series has */
    int periods() {
        return demand.length == 0 ? 0 : demand[0].length;
    }

    /**
     * @param file the CSV file
     * @param periodDays days per period for a transactions file
     * @return the demand
     * @throws ValidationException naming the file, line and column of a bad value
     */
    static DemandHistory read(Path file, int periodDays) {
        String name = file.getFileName().toString();
        try (InputStream raw = Files.newInputStream(file);
                InputStream in = name.endsWith(".gz") ? new GZIPInputStream(raw) : raw;
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                        .setTrim(true).build().parse(reader)) {
            List<String> header = parser.getHeaderNames();
            if (header.containsAll(DEMAND_COLUMNS)) {
                return readDemand(name, parser, header.contains("unit_cost"));
            }
            if (header.containsAll(MONTHLY_COLUMNS)) {
                return readMonthly(name, parser);
            }
            if (header.containsAll(TRANSACTION_COLUMNS)) {
                return readTransactions(name, parser, periodDays);
            }
            throw new ValidationException(name, "expected the columns " + String.join(", ", DEMAND_COLUMNS)
                    + " [, unit_cost], " + String.join(", ", MONTHLY_COLUMNS) + " or "
                    + String.join(", ", TRANSACTION_COLUMNS) + "; found " + header);
        } catch (IOException | UncheckedIOException unreadable) {
            throw new ValidationException(name, "cannot be read: " + unreadable.getMessage());
        }
    }

    private static DemandHistory readDemand(String name, CSVParser parser, boolean withCost) {
        Accumulator sums = new Accumulator();
        for (CSVRecord record : parser) {
            String sku = text(name, record, "sku");
            double period = number(name, record, "period");
            if (period < 0 || period >= MAX_PERIODS || period != Math.rint(period)) {
                throw bad(name, record, "period", "must be a whole number in [0, " + MAX_PERIODS + ")");
            }
            double demand = number(name, record, "demand");
            if (demand < 0) {
                throw bad(name, record, "demand", "must be >= 0");
            }
            double cost = withCost ? number(name, record, "unit_cost") : 1;
            if (!(cost > 0)) {
                throw bad(name, record, "unit_cost", "must be > 0");
            }
            sums.add(sku, (int) period, demand, cost);
        }
        return sums.build(0, sums.lastPeriod + 1, 0, 1);
    }

    private static DemandHistory readMonthly(String name, CSVParser parser) {
        Accumulator sums = new Accumulator();
        int firstMonth = Integer.MAX_VALUE;
        for (CSVRecord record : parser) {
            String series = text(name, record, "series_id");
            String value = text(name, record, "month");
            int month;
            try {
                YearMonth parsed = YearMonth.parse(value);
                month = parsed.getYear() * 12 + parsed.getMonthValue() - 1;
            } catch (DateTimeParseException notAMonth) {
                throw bad(name, record, "month", "'" + value + "' is not a month YYYY-MM");
            }
            double turnover = number(name, record, "turnover");
            if (turnover < 0) {
                throw bad(name, record, "turnover", "must be >= 0");
            }
            firstMonth = Math.min(firstMonth, month);
            sums.add(series, month, turnover, 1);
        }
        return firstMonth == Integer.MAX_VALUE ? sums.build(0, 0, 0, 1)
                : sums.build(firstMonth, sums.lastPeriod - firstMonth + 1, 0, 1);
    }

    private static DemandHistory readTransactions(String name, CSVParser parser, int periodDays) {
        Accumulator sums = new Accumulator();
        int skipped = 0;
        long firstDay = Long.MAX_VALUE;
        long lastDay = Long.MIN_VALUE;
        for (CSVRecord record : parser) {
            String code = text(name, record, "stock_code");
            double quantity = number(name, record, "quantity");
            long day = day(name, record);
            firstDay = Math.min(firstDay, day);
            lastDay = Math.max(lastDay, day);
            if (quantity <= 0 || !Character.isDigit(code.charAt(0))) {
                skipped++;
                continue;
            }
            double price = number(name, record, "unit_price");
            sums.add(code, (int) day, quantity, price > 0 ? price : Double.NaN);
        }
        if (firstDay == Long.MAX_VALUE) {
            return sums.build(0, 0, skipped, periodDays);
        }
        int periods = (int) ((lastDay - firstDay + 1) / periodDays);
        return sums.build(firstDay, periods, skipped, periodDays);
    }

    private static long day(String name, CSVRecord record) {
        String value = text(name, record, "invoice_date");
        try {
            return LocalDate.parse(value.length() > 10 ? value.substring(0, 10) : value).toEpochDay();
        } catch (DateTimeParseException notADate) {
            throw bad(name, record, "invoice_date", "'" + value + "' is not a date YYYY-MM-DD[ HH:MM:SS]");
        }
    }

    private static String text(String name, CSVRecord record, String column) {
        String value = record.isSet(column) ? record.get(column) : "";
        if (value.isEmpty()) {
            throw bad(name, record, column, "is empty");
        }
        return value;
    }

    private static double number(String name, CSVRecord record, String column) {
        String value = text(name, record, column);
        try {
            double number = Double.parseDouble(value);
            if (Double.isFinite(number)) {
                return number;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        throw bad(name, record, column, "'" + value + "' is not a finite number");
    }

    private static ValidationException bad(String name, CSVRecord record, String column, String problem) {
        // the header is line 1 and records hold no line breaks
        return new ValidationException(name + " line " + (record.getRecordNumber() + 1) + " column " + column,
                problem);
    }

    /** Sums demand by SKU and period (or day) and averages the unit cost. */
    private static final class Accumulator {
        private final Map<String, Integer> index = new LinkedHashMap<>();
        private int[] sku = new int[1024];
        private int[] period = new int[1024];
        private double[] quantity = new double[1024];
        private double[] costSum = new double[64];
        private int[] costCount = new int[64];
        private int rows;
        private int lastPeriod = -1;

        void add(String id, int when, double amount, double cost) {
            int s = index.computeIfAbsent(id, unused -> index.size());
            if (rows == sku.length) {
                sku = Arrays.copyOf(sku, rows * 2);
                period = Arrays.copyOf(period, rows * 2);
                quantity = Arrays.copyOf(quantity, rows * 2);
            }
            if (s == costSum.length) {
                costSum = Arrays.copyOf(costSum, s * 2);
                costCount = Arrays.copyOf(costCount, s * 2);
            }
            sku[rows] = s;
            period[rows] = when;
            quantity[rows] = amount;
            rows++;
            if (!Double.isNaN(cost)) {
                costSum[s] += cost;
                costCount[s]++;
            }
            lastPeriod = Math.max(lastPeriod, when);
        }

        DemandHistory build(long origin, int periods, int skipped, int periodLength) {
            int count = index.size();
            double[][] demand = new double[count][Math.max(periods, 0)];
            for (int r = 0; r < rows; r++) {
                long p = (period[r] - origin) / periodLength;
                if (p < periods) {
                    demand[sku[r]][(int) p] += quantity[r];
                }
            }
            double[] cost = new double[count];
            for (int s = 0; s < count; s++) {
                cost[s] = costCount[s] > 0 ? costSum[s] / costCount[s] : 1;
            }
            return new DemandHistory(index.keySet().toArray(String[]::new), demand, cost, skipped);
        }
    }
}

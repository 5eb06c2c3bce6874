package io.mercator.platform.evaluation.segmentation;

import io.mercator.api.ValidationException;
import io.mercator.api.segmentation.CategorySpend;
import io.mercator.api.segmentation.Transactions;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads customer transactions from a CSV file with a header row ({@code .csv} or gzipped
 * {@code .csv.gz}). Recognised columns:
 * <ul>
 * <li>{@code customer_id} (required); rows where it is blank are skipped and counted;</li>
 * <li>the day: {@code date} or {@code invoice_date}, ISO {@code YYYY-MM-DD}, optionally followed
 * by a time that is ignored;</li>
 * <li>the amount: {@code amount} or {@code sales}, or else {@code quantity} times
 * {@code unit_price};</li>
 * <li>{@code invoice_no} (optional): the lines of one invoice of one customer become one
 * transaction, dated by its first line, with the sum of the line amounts;</li>
 * <li>what was bought (optional): {@code category}, or else {@code description}, or else
 * {@code stock_code}; every line with one becomes a {@link CategorySpend} line of its customer,
 * for the top categories of segment profiles (lines where it is blank are left out of those).</li>
 * </ul>
 * This covers the layouts of {@code cdnow/} and {@code online-retail-uci/}. Public for the
 * benchmarks; the bundle does not export it.
 */
public final class TransactionsCsv {

    /**
     * What was read.
     *
     * @param transactions one row per transaction (per invoice when invoices are given)
     * @param lines data lines read
     * @param skipped lines without a customer id
     */
    public record Result(Transactions transactions, int lines, int skipped) {
    }

    private TransactionsCsv() {
    }

    /**
     * @param file the CSV file
     * @return the transactions
     * @throws ValidationException naming the file, line and column of the first bad value, or
     *     the file when it cannot be read or lacks a required column
     */
    public static Result read(Path file) {
        String name = file.getFileName().toString();
        try (InputStream raw = Files.newInputStream(file);
                InputStream in = name.endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
                Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
                CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                        .setIgnoreSurroundingSpaces(true).build().parse(reader)) {
            return read(name, parser);
        } catch (NoSuchFileException missing) {
            throw new ValidationException(name, "no such file: " + file);
        } catch (IOException | UncheckedIOException unreadable) {
            throw new ValidationException(name, "cannot be read: " + unreadable.getMessage());
        }
    }

    private static Result read(String name, CSVParser parser) {
        Map<String, Integer> header = parser.getHeaderMap();
        String customerColumn = require(name, header, "customer_id");
        String dateColumn = first(header, "date", "invoice_date");
        if (dateColumn == null) {
            throw new ValidationException(name, "has no date or invoice_date column; found " + header.keySet());
        }
        String amountColumn = first(header, "amount", "sales");
        boolean lineValue = amountColumn == null;
        if (lineValue && (!header.containsKey("quantity") || !header.containsKey("unit_price"))) {
            throw new ValidationException(name, "has no amount or sales column, nor quantity and unit_price; found "
                    + header.keySet());
        }
        boolean invoices = header.containsKey("invoice_no");
        String categoryColumn = first(header, "category", "description", "stock_code");

        List<String> customers = new ArrayList<>();
        List<Integer> days = new ArrayList<>();
        List<Double> amounts = new ArrayList<>();
        Map<String, Integer> invoiceRow = new HashMap<>();
        List<String[]> categoryLines = new ArrayList<>();
        List<Double> categoryAmounts = new ArrayList<>();
        List<Integer> categoryDays = new ArrayList<>();
        int lines = 0;
        int skipped = 0;
        for (CSVRecord record : parser) {
            lines++;
            long line = record.getRecordNumber() + 1;
            String customer = value(name, record, line, customerColumn);
            if (customer.isEmpty()) {
                skipped++;
                continue;
            }
            int day = day(name, line, dateColumn, value(name, record, line, dateColumn));
            double amount = lineValue
                    ? number(name, record, line, "quantity") * number(name, record, line, "unit_price")
                    : number(name, record, line, amountColumn);
            if (categoryColumn != null) {
                String category = value(name, record, line, categoryColumn);
                if (!category.isBlank()) {
                    categoryLines.add(new String[] {customer, category});
                    categoryDays.add(day);
                    categoryAmounts.add(amount);
                }
            }
            if (invoices) {
                String key = customer + '\u0000' + value(name, record, line, "invoice_no");
                Integer row = invoiceRow.putIfAbsent(key, customers.size());
                if (row != null) {
                    amounts.set(row, amounts.get(row) + amount);
                    continue;
                }
            }
            customers.add(customer);
            days.add(day);
            amounts.add(amount);
        }
        if (customers.isEmpty()) {
            throw new ValidationException(name, "holds no transaction with a customer id");
        }
        Transactions.Builder builder = Transactions.builder();
        for (int row = 0; row < customers.size(); row++) {
            builder.add(customers.get(row), days.get(row), amounts.get(row));
        }
        for (int row = 0; row < categoryLines.size(); row++) {
            builder.addCategorySpend(categoryLines.get(row)[0], categoryDays.get(row), categoryLines.get(row)[1],
                    categoryAmounts.get(row));
        }
        return new Result(builder.build(), lines, skipped);
    }

    private static String require(String name, Map<String, Integer> header, String column) {
        if (!header.containsKey(column)) {
            throw new ValidationException(name, "has no " + column + " column; found " + header.keySet());
        }
        return column;
    }

    private static String first(Map<String, Integer> header, String... candidates) {
        for (String candidate : candidates) {
            if (header.containsKey(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private static String value(String name, CSVRecord record, long line, String column) {
        if (!record.isSet(column)) {
            throw new ValidationException(where(name, line, column), "is missing (the line has "
                    + record.size() + " fields)");
        }
        return record.get(column);
    }

    private static int day(String name, long line, String column, String text) {
        try {
            return (int) LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text).toEpochDay();
        } catch (DateTimeParseException notADate) {
            throw new ValidationException(where(name, line, column), "'" + text + "' is not a date of the form 2011-12-10");
        }
    }

    private static double number(String name, CSVRecord record, long line, String column) {
        String text = value(name, record, line, column);
        try {
            double number = Double.parseDouble(text);
            if (Double.isFinite(number)) {
                return number;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        throw new ValidationException(where(name, line, column), "'" + text + "' is not a finite number");
    }

    private static String where(String name, long line, String column) {
        return name + " line " + line + " column " + column;
    }
}

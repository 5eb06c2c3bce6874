package io.mercator.api.segmentation;

import io.mercator.api.ValidationException;
import io.mercator.api.data.Columns;
import io.mercator.api.data.IdDictionary;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Optional;

/**
 * Customer transactions, one row per purchase: who ({@code customer}), when ({@code day}) and for
 * how much ({@code amount}).
 *
 * <p>{@code day} is the calendar day as a count of days since 1970-01-01 (see
 * {@link LocalDate#toEpochDay()}), from 0 to {@link #MAX_DAY}. {@code amount} is the
 * monetary value in one currency and must be finite; it may be negative for a return or refund,
 * and zero for a free item. How returns count (netted into monetary value, ignored for
 * frequency) is up to the strategy. A customer may have several rows on the same day.
 *
 * <p>Transactions may carry what was bought as {@link CategorySpend} lines, for segment profiles
 * that name the categories a segment buys; strategies that only need amounts ignore them.
 *
 * <p>Immutable; the arrays are not copied, so callers must not change them after construction.
 */
public final class Transactions {

    /** The largest accepted day: 9999-12-31 as an epoch day. */
    public static final int MAX_DAY = 2_932_896;

    private final IdDictionary customers;
    private final int[] customer;
    private final int[] day;
    private final double[] amount;
    private final CategorySpend categorySpend;

    /**
     * @param customers the customer ids
     * @param customer per row, an index into {@code customers}
     * @param day per row, the epoch day from 0 to {@link #MAX_DAY}
     * @param amount per row, the finite monetary value; negative for returns
     * @throws ValidationException naming the field and row at fault
     */
    public Transactions(IdDictionary customers, int[] customer, int[] day, double[] amount) {
        this.customers = Columns.requireDictionary("customers", customers);
        if (customer == null) {
            throw new ValidationException("customer", "column is missing");
        }
        int rows = customer.length;
        Columns.requireIndices("customer", customer, customers);
        Columns.requireLength("day", day, rows);
        for (int row = 0; row < rows; row++) {
            if (day[row] < 0 || day[row] > MAX_DAY) {
                throw new ValidationException("day", row, day[row] + " is not an epoch day from 0 (1970-01-01) to "
                        + MAX_DAY + " (9999-12-31); use LocalDate.toEpochDay(), not yyyyMMdd");
            }
        }
        Columns.requireFinite("amount", Columns.requireLength("amount", amount, rows));
        this.customer = customer;
        this.day = day;
        this.amount = amount;
        this.categorySpend = null;
    }

    private Transactions(Transactions rows, CategorySpend categorySpend) {
        this.customers = rows.customers;
        this.customer = rows.customer;
        this.day = rows.day;
        this.amount = rows.amount;
        this.categorySpend = categorySpend;
    }

    /**
     * @param spend what the customers spent per category; its customer indices refer to
     *     {@link #customers()}
     * @return these transactions with the category lines attached (replacing any attached before)
     * @throws ValidationException naming the line whose customer index is out of range
     * @since 1.1
     */
    public Transactions withCategorySpend(CategorySpend spend) {
        if (spend == null) {
            throw new ValidationException("categorySpend", "is missing");
        }
        for (int line = 0; line < spend.size(); line++) {
            if (spend.customer(line) >= customers.size()) {
                throw new ValidationException("categorySpend.customer", line, spend.customer(line)
                        + " is not a customer index below " + customers.size());
            }
        }
        return new Transactions(this, spend);
    }

    /**
     * @return the category lines attached with {@link #withCategorySpend}, if any
     * @since 1.1
     */
    public Optional<CategorySpend> categorySpend() {
        return Optional.ofNullable(categorySpend);
    }

    /** @return a builder that appends transactions one by one */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the customer ids */
    public IdDictionary customers() {
        return customers;
    }

    /** @return the number of rows */
    public int size() {
        return customer.length;
    }

    /**
     * The day models score new transactions at: features are measured as of the later of the
     * fit's analysis day and the day after the last of these transactions.
     *
     * @param analysisDay the analysis day of a fit
     * @return {@code max(analysisDay, last day + 1)}
     */
    public int scoringDay(int analysisDay) {
        int scoring = analysisDay;
        for (int d : day) {
            scoring = Math.max(scoring, d + 1);
        }
        return scoring;
    }

    /**
     * @param row from 0 to {@code size() - 1}
     * @return the customer index of that row, into {@link #customers()}
     */
    public int customer(int row) {
        return customer[row];
    }

    /**
     * @param row from 0 to {@code size() - 1}
     * @return the epoch day of that row
     */
    public int day(int row) {
        return day[row];
    }

    /**
     * @param row from 0 to {@code size() - 1}
     * @return the monetary value of that row, negative for a return
     */
    public double amount(int row) {
        return amount[row];
    }

    /**
     * Appends transactions one by one, interning customer ids; grows its arrays geometrically.
     * Not thread-safe.
     */
    public static final class Builder {
        private final IdDictionary.Builder customers = new IdDictionary.Builder("customers");
        private int[] customer = new int[256];
        private int[] day = new int[256];
        private double[] amount = new double[256];
        private int rows;
        private final IdDictionary.Builder categories = new IdDictionary.Builder("categories");
        private int[] lineCustomer = new int[0];
        private int[] lineDay = new int[0];
        private int[] lineCategory = new int[0];
        private double[] lineAmount = new double[0];
        private int lines;

        private Builder() {
        }

        /**
         * @param customerId a non-blank customer id
         * @param epochDay the day, see {@link LocalDate#toEpochDay()} (checked by {@link #build()})
         * @param amount the monetary value, negative for a return (checked by {@link #build()})
         * @return this builder
         * @throws ValidationException when the customer id is blank
         */
        public Builder add(String customerId, int epochDay, double amount) {
            int c = customers.add(customerId, rows);
            if (rows == customer.length) {
                int capacity = rows * 2;
                customer = Arrays.copyOf(customer, capacity);
                day = Arrays.copyOf(day, capacity);
                this.amount = Arrays.copyOf(this.amount, capacity);
            }
            customer[rows] = c;
            day[rows] = epochDay;
            this.amount[rows] = amount;
            rows++;
            return this;
        }

        /**
         * @param customerId a non-blank customer id
         * @param date the day of the transaction, from 1970-01-01 (checked by {@link #build()})
         * @param amount the monetary value, negative for a return (checked by {@link #build()})
         * @return this builder
         * @throws ValidationException when the customer id is blank or the date is null
         */
        public Builder add(String customerId, LocalDate date, double amount) {
            if (date == null) {
                throw new ValidationException("day", rows, "date is missing");
            }
            long epochDay = date.toEpochDay();
            return add(customerId, (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, epochDay)), amount);
        }

        /**
         * Records what a customer spent on a category, for example one invoice line; the
         * transaction rows themselves are added with {@link #add}.
         *
         * @param customerId a non-blank customer id
         * @param epochDay the day (checked by {@link #build()})
         * @param category a non-blank category name, e.g. a product's department or description
         * @param amount the monetary value, negative for a return (checked by {@link #build()})
         * @return this builder
         * @throws ValidationException when the customer id or category is blank
         * @since 1.1
         */
        public Builder addCategorySpend(String customerId, int epochDay, String category, double amount) {
            int c = customers.add(customerId, rows);
            int k = categories.add(category, lines);
            if (lines == lineCustomer.length) {
                int capacity = Math.max(256, lines * 2);
                lineCustomer = Arrays.copyOf(lineCustomer, capacity);
                lineDay = Arrays.copyOf(lineDay, capacity);
                lineCategory = Arrays.copyOf(lineCategory, capacity);
                lineAmount = Arrays.copyOf(lineAmount, capacity);
            }
            lineCustomer[lines] = c;
            lineDay[lines] = epochDay;
            lineCategory[lines] = k;
            lineAmount[lines] = amount;
            lines++;
            return this;
        }

        /** @return the number of rows so far */
        public int size() {
            return rows;
        }

        /**
         * @return the validated transactions, with their category lines when any were added
         * @throws ValidationException naming the field and row of the first bad value
         */
        public Transactions build() {
            Transactions transactions = new Transactions(customers.build(), Arrays.copyOf(customer, rows),
                    Arrays.copyOf(day, rows), Arrays.copyOf(amount, rows));
            if (lines == 0) {
                return transactions;
            }
            return transactions.withCategorySpend(new CategorySpend(categories.build(),
                    Arrays.copyOf(lineCustomer, lines), Arrays.copyOf(lineDay, lines),
                    Arrays.copyOf(lineCategory, lines), Arrays.copyOf(lineAmount, lines)));
        }
    }
}

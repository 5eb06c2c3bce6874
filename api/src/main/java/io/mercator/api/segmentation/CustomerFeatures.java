package io.mercator.api.segmentation;

import io.mercator.api.ParameterSpec;
import io.mercator.api.Parameters;
import io.mercator.api.ValidationException;
import io.mercator.api.data.IdDictionary;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;

/**
 * Recency, frequency and monetary value of every customer of a {@link Transactions} set, as of
 * an analysis day: the common input of RFM scoring and of clustering on purchase behaviour.
 *
 * <p>Only rows dated before the analysis day count. A <em>purchase</em> is a row with a positive
 * amount; returns and refunds (negative amounts) are netted into the monetary value but are not
 * purchases. Per customer:
 * <ul>
 * <li>{@code recencyDays}: analysis day minus the day of the last purchase (at least 1);</li>
 * <li>{@code frequency}: the number of purchase rows;</li>
 * <li>{@code monetary}: the sum of all amounts, returns included.</li>
 * </ul>
 * A customer without a purchase before the analysis day is not {@linkplain #isActive active}:
 * its features are 0 and strategies leave it unassigned. Immutable.
 */
public final class CustomerFeatures {

    /**
     * The {@code analysisDate} parameter that strategies working from these features declare,
     * read by {@link #of(Transactions, String)}.
     */
    public static final ParameterSpec ANALYSIS_DATE = ParameterSpec.text("analysisDate",
            "Day the features are measured at, not included (YYYY-MM-DD); blank for the day after the last "
                    + "transaction", "");

    /** The names of the three features, in column order. */
    public static final String[] NAMES = {"recencyDays", "frequency", "monetary"};

    private final IdDictionary customers;
    private final int analysisDay;
    private final double[] recencyDays;
    private final double[] frequency;
    private final double[] monetary;

    private CustomerFeatures(IdDictionary customers, int analysisDay, double[] recencyDays, double[] frequency,
            double[] monetary) {
        this.customers = customers;
        this.analysisDay = analysisDay;
        this.recencyDays = recencyDays;
        this.frequency = frequency;
        this.monetary = monetary;
    }

    /**
     * @param transactions the transactions
     * @param analysisDay the epoch day the features are measured at; rows on or after it are
     *     ignored
     * @return one row per customer of {@code transactions.customers()}
     * @throws ValidationException when the analysis day is not an epoch day
     */
    public static CustomerFeatures of(Transactions transactions, int analysisDay) {
        if (analysisDay < 1 || analysisDay > Transactions.MAX_DAY + 1) {
            throw new ValidationException("analysisDay", analysisDay + " is not an epoch day after 1970-01-01");
        }
        int customers = transactions.customers().size();
        int[] lastPurchase = new int[customers];
        Arrays.fill(lastPurchase, -1);
        double[] frequency = new double[customers];
        double[] monetary = new double[customers];
        for (int row = 0; row < transactions.size(); row++) {
            int day = transactions.day(row);
            if (day >= analysisDay) {
                continue;
            }
            int c = transactions.customer(row);
            double amount = transactions.amount(row);
            monetary[c] += amount;
            if (amount > 0) {
                frequency[c]++;
                lastPurchase[c] = Math.max(lastPurchase[c], day);
            }
        }
        double[] recencyDays = new double[customers];
        for (int c = 0; c < customers; c++) {
            if (lastPurchase[c] < 0) {
                monetary[c] = 0;
            } else {
                recencyDays[c] = analysisDay - lastPurchase[c];
            }
        }
        return new CustomerFeatures(transactions.customers(), analysisDay, recencyDays, frequency, monetary);
    }

    /**
     * @param transactions the transactions
     * @return the features as of the day after the last transaction
     * @throws ValidationException when there are no transactions
     */
    public static CustomerFeatures asOfDayAfterLast(Transactions transactions) {
        if (transactions.size() == 0) {
            throw new ValidationException("transactions", "there are none");
        }
        return of(transactions, transactions.scoringDay(1));
    }

    /**
     * The usual way strategies read their {@code analysisDate} parameter.
     *
     * @param transactions the transactions
     * @param analysisDate an ISO date ({@code 2011-12-10}), or blank for the day after the last
     *     transaction
     * @return the features as of that date
     * @throws ValidationException naming {@code analysisDate} when it is not a date
     */
    public static CustomerFeatures of(Transactions transactions, String analysisDate) {
        if (analysisDate == null || analysisDate.isBlank()) {
            return asOfDayAfterLast(transactions);
        }
        try {
            long day = LocalDate.parse(analysisDate.trim()).toEpochDay();
            return of(transactions, (int) Math.max(0, Math.min(Integer.MAX_VALUE, day)));
        } catch (DateTimeParseException notADate) {
            throw new ValidationException("analysisDate", "'" + analysisDate + "' is not a date of the form 2011-12-10");
        }
    }

    /**
     * @param transactions the transactions
     * @param parameters a strategy's parameters, including {@link #ANALYSIS_DATE}
     * @return the features as of the analysis date the parameters give
     * @throws ValidationException naming {@code analysisDate} when it is not a date
     */
    public static CustomerFeatures of(Transactions transactions, Parameters parameters) {
        return of(transactions, parameters.getString(ANALYSIS_DATE.name()));
    }

    /** @return the customers, one per row */
    public IdDictionary customers() {
        return customers;
    }

    /** @return the number of customers */
    public int size() {
        return customers.size();
    }

    /** @return the epoch day the features are measured at */
    public int analysisDay() {
        return analysisDay;
    }

    /**
     * @param customer a row
     * @return true when the customer made a purchase before the analysis day
     */
    public boolean isActive(int customer) {
        return frequency[customer] > 0;
    }

    /**
     * @param customer a row
     * @return days from the last purchase to the analysis day; 0 when not active
     */
    public double recencyDays(int customer) {
        return recencyDays[customer];
    }

    /**
     * @param customer a row
     * @return the number of purchases
     */
    public double frequency(int customer) {
        return frequency[customer];
    }

    /**
     * @param customer a row
     * @return the net spend, returns included; 0 when not active
     */
    public double monetary(int customer) {
        return monetary[customer];
    }

    /**
     * The features on a log scale, where their long right tails no longer dominate distances:
     * {@code log(1 + recencyDays)}, {@code log(1 + frequency)} and
     * {@code log(1 + max(0, monetary))}.
     *
     * @return row-major, three values per customer; zeros for inactive customers
     */
    public double[] logValues() {
        double[] values = new double[size() * NAMES.length];
        for (int c = 0; c < size(); c++) {
            if (isActive(c)) {
                values[c * 3] = Math.log1p(recencyDays[c]);
                values[c * 3 + 1] = Math.log1p(frequency[c]);
                values[c * 3 + 2] = Math.log1p(Math.max(0, monetary[c]));
            }
        }
        return values;
    }

    /**
     * @param feature 0 (recency), 1 (frequency) or 2 (monetary), as in {@link #NAMES}
     * @param customer a row
     * @return the feature's value
     */
    public double value(int feature, int customer) {
        switch (feature) {
            case 0:
                return recencyDays[customer];
            case 1:
                return frequency[customer];
            case 2:
                return monetary[customer];
            default:
                throw new IndexOutOfBoundsException("feature " + feature + " is not 0, 1 or 2");
        }
    }
}

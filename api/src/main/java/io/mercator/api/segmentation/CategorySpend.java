package io.mercator.api.segmentation;

import io.mercator.api.ValidationException;
import io.mercator.api.data.Columns;
import io.mercator.api.data.IdDictionary;

/**
 * What customers spent on which product category, one row per line (for example one invoice line
 * with its product's category or description): the optional companion of {@link Transactions}
 * that lets segment profiles name the categories a segment buys. {@code customer} indexes the
 * customers of the transactions it is attached to; {@code day} is an epoch day as there;
 * {@code amount} is finite and negative for a return.
 *
 * <p>Immutable; the arrays are not copied, so callers must not change them after construction.
 *
 * @since 1.1
 */
public final class CategorySpend {

    private final IdDictionary categories;
    private final int[] customer;
    private final int[] day;
    private final int[] category;
    private final double[] amount;

    /**
     * @param categories the category names
     * @param customer per line, a customer index into the transactions' customers (checked by
     *     {@link Transactions#withCategorySpend})
     * @param day per line, the epoch day from 0 to {@link Transactions#MAX_DAY}
     * @param category per line, an index into {@code categories}
     * @param amount per line, the finite monetary value; negative for returns
     * @throws ValidationException naming the field and row at fault
     */
    public CategorySpend(IdDictionary categories, int[] customer, int[] day, int[] category, double[] amount) {
        this.categories = Columns.requireDictionary("categories", categories);
        if (customer == null) {
            throw new ValidationException("customer", "column is missing");
        }
        int lines = customer.length;
        for (int row = 0; row < lines; row++) {
            if (customer[row] < 0) {
                throw new ValidationException("customer", row, customer[row] + " is not a customer index");
            }
        }
        Columns.requireLength("day", day, lines);
        for (int row = 0; row < lines; row++) {
            if (day[row] < 0 || day[row] > Transactions.MAX_DAY) {
                throw new ValidationException("day", row, day[row] + " is not an epoch day from 0 to "
                        + Transactions.MAX_DAY);
            }
        }
        Columns.requireIndices("category", Columns.requireLength("category", category, lines), categories);
        Columns.requireFinite("amount", Columns.requireLength("amount", amount, lines));
        this.customer = customer;
        this.day = day;
        this.category = category;
        this.amount = amount;
    }

    /** @return the category names */
    public IdDictionary categories() {
        return categories;
    }

    /** @return the number of lines */
    public int size() {
        return customer.length;
    }

    /**
     * @param line from 0 to {@code size() - 1}
     * @return the customer index of that line
     */
    public int customer(int line) {
        return customer[line];
    }

    /**
     * @param line from 0 to {@code size() - 1}
     * @return the epoch day of that line
     */
    public int day(int line) {
        return day[line];
    }

    /**
     * @param line from 0 to {@code size() - 1}
     * @return the category index of that line, into {@link #categories()}
     */
    public int category(int line) {
        return category[line];
    }

    /**
     * @param line from 0 to {@code size() - 1}
     * @return the monetary value of that line, negative for a return
     */
    public double amount(int line) {
        return amount[line];
    }
}

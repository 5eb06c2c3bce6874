package io.mercator.api.filtering;

import io.mercator.api.ValidationException;
import io.mercator.api.data.Columns;

/**
 * Why a model recommends an item: a sentence for people ({@code "because you chose A, B and C"},
 * {@code "bought together: A + B -> C (confidence 0.42, lift 3.1)"}, {@code "popular: rank 3 of
 * 1,682"}) and the items of the user's history or basket that led to it, most influential first,
 * each with its contribution on the model's own scale (a similarity, a rule's confidence). The
 * list is empty when no item of the user's led to it (popularity, a fallback). Immutable.
 */
public final class Explanation {

    private final String reason;
    private final String[] itemIds;
    private final double[] weights;

    /**
     * @param reason a non-blank sentence
     * @param itemIds the items that led to the recommendation, most influential first; non-blank
     * @param weights one finite contribution per item, in non-increasing order
     * @throws ValidationException naming the field at fault
     */
    public Explanation(String reason, String[] itemIds, double[] weights) {
        if (reason == null || reason.isBlank()) {
            throw new ValidationException("reason", "must not be blank");
        }
        if (itemIds == null) {
            throw new ValidationException("itemIds", "column is missing");
        }
        Columns.requireLength("weights", weights, itemIds.length);
        String[] ids = itemIds.clone();
        double[] values = weights.clone();
        Columns.requireNonBlank("itemIds", ids);
        Columns.requireFinite("weights", values);
        for (int row = 1; row < values.length; row++) {
            if (values[row] > values[row - 1]) {
                throw new ValidationException("weights", row, values[row] + " is above the weight "
                        + values[row - 1] + " of the row before; sort the most influential first");
            }
        }
        this.reason = reason;
        this.itemIds = ids;
        this.weights = values;
    }

    /**
     * @param reason a non-blank sentence
     * @return an explanation that names no item of the user's
     */
    public static Explanation of(String reason) {
        return new Explanation(reason, new String[0], new double[0]);
    }

    /** @return the sentence */
    public String reason() {
        return reason;
    }

    /** @return the number of items that led to the recommendation */
    public int size() {
        return itemIds.length;
    }

    /**
     * @param rank from 0 (most influential) to {@code size() - 1}
     * @return the item at that rank
     */
    public String itemId(int rank) {
        return itemIds[rank];
    }

    /**
     * @param rank from 0 (most influential) to {@code size() - 1}
     * @return the contribution of the item at that rank
     */
    public double weight(int rank) {
        return weights[rank];
    }

    /** @return a copy of the item ids, most influential first */
    public String[] itemIds() {
        return itemIds.clone();
    }

    /** @return a copy of the contributions, most influential first */
    public double[] weights() {
        return weights.clone();
    }

    /** @return the sentence */
    @Override
    public String toString() {
        return reason;
    }
}

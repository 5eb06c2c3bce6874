package io.mercator.api.filtering;

import io.mercator.api.ValidationException;
import io.mercator.api.data.Columns;
import java.util.HashSet;
import java.util.Set;

/**
 * A ranked list of items with their scores, best first. Scores are finite and never increase
 * down the list; their scale is the strategy's own (a predicted rating, a similarity, a
 * probability), so compare them only within one result. No item appears twice. Immutable; the
 * arrays are copied on the way in and out.
 */
public final class Recommendations {

    private static final Recommendations EMPTY = new Recommendations(new String[0], new double[0]);

    private final String[] itemIds;
    private final double[] scores;

    /**
     * @param itemIds the recommended items, best first; non-blank and distinct
     * @param scores one finite score per item, in non-increasing order
     * @throws ValidationException naming the field and row at fault
     */
    public Recommendations(String[] itemIds, double[] scores) {
        if (itemIds == null) {
            throw new ValidationException("itemIds", "column is missing");
        }
        Columns.requireLength("scores", scores, itemIds.length);
        String[] ids = itemIds.clone();
        double[] values = scores.clone();
        Columns.requireNonBlank("itemIds", ids);
        Set<String> seen = new HashSet<>();
        for (int row = 0; row < ids.length; row++) {
            if (!seen.add(ids[row])) {
                throw new ValidationException("itemIds", row, "item '" + ids[row] + "' appears twice");
            }
        }
        Columns.requireFinite("scores", values);
        for (int row = 1; row < values.length; row++) {
            if (values[row] > values[row - 1]) {
                throw new ValidationException("scores", row, values[row] + " is above the score "
                        + values[row - 1] + " of the row before; sort best first");
            }
        }
        this.itemIds = ids;
        this.scores = values;
    }

    /** @return a list with no items */
    public static Recommendations empty() {
        return EMPTY;
    }

    /** @return the number of items */
    public int size() {
        return itemIds.length;
    }

    /**
     * @param rank from 0 (best) to {@code size() - 1}
     * @return the item at that rank
     */
    public String itemId(int rank) {
        return itemIds[rank];
    }

    /**
     * @param rank from 0 (best) to {@code size() - 1}
     * @return the score of the item at that rank
     */
    public double score(int rank) {
        return scores[rank];
    }

    /** @return a copy of the item ids, best first */
    public String[] itemIds() {
        return itemIds.clone();
    }

    /** @return a copy of the scores, best first */
    public double[] scores() {
        return scores.clone();
    }
}

package io.mercator.api.pricing;

import io.mercator.api.ValidationException;
import java.util.Arrays;

/**
 * A clearance problem for one product: sell {@code stock} units over {@code periods} periods,
 * choosing each period's price from a ladder of allowed prices; prices may only go down
 * (markdowns are not taken back). Demand at a given price shrinks by the factor {@code decay}
 * each period (a season ending, a product ageing); units left at the end are worth
 * {@code salvageValue} each. Demand and stock are on the scale of the observations the model was
 * fitted on (for example units per store and week). Immutable.
 */
public final class MarkdownRequest {

    private final String productId;
    private final int stock;
    private final int periods;
    private final double[] priceLadder;
    private final double decay;
    private final double salvageValue;

    /**
     * @param productId the product, known to the model
     * @param stock units on hand, &gt;= 0
     * @param periods periods left to sell, from 1 to 520
     * @param priceLadder the allowed prices, each finite and &gt; 0, at least one; sorted from
     *     highest to lowest by the constructor; the first period may use any of them
     * @param decay factor applied to demand each period, in (0, 1]
     * @param salvageValue value of a unit left unsold at the end, finite and &gt;= 0
     * @throws ValidationException naming the field at fault
     */
    public MarkdownRequest(String productId, int stock, int periods, double[] priceLadder, double decay,
            double salvageValue) {
        if (productId == null || productId.isBlank()) {
            throw new ValidationException("productId", "is empty");
        }
        if (stock < 0) {
            throw new ValidationException("stock", stock + " must be >= 0");
        }
        if (periods < 1 || periods > 520) {
            throw new ValidationException("periods", periods + " is outside [1, 520]");
        }
        if (priceLadder == null || priceLadder.length == 0) {
            throw new ValidationException("priceLadder", "needs at least one price");
        }
        double[] ladder = priceLadder.clone();
        for (int i = 0; i < ladder.length; i++) {
            if (!(ladder[i] > 0 && ladder[i] < Double.POSITIVE_INFINITY)) {
                throw new ValidationException("priceLadder", i, ladder[i] + " must be a finite number > 0");
            }
        }
        Arrays.sort(ladder);
        for (int i = 0; i < ladder.length / 2; i++) {
            double swap = ladder[i];
            ladder[i] = ladder[ladder.length - 1 - i];
            ladder[ladder.length - 1 - i] = swap;
        }
        if (!(decay > 0 && decay <= 1)) {
            throw new ValidationException("decay", decay + " is outside (0, 1]");
        }
        if (!(salvageValue >= 0 && salvageValue < Double.POSITIVE_INFINITY)) {
            throw new ValidationException("salvageValue", salvageValue + " must be a finite number >= 0");
        }
        this.productId = productId;
        this.stock = stock;
        this.periods = periods;
        this.priceLadder = ladder;
        this.decay = decay;
        this.salvageValue = salvageValue;
    }

    /** @return the product */
    public String productId() {
        return productId;
    }

    /** @return units on hand */
    public int stock() {
        return stock;
    }

    /** @return periods left to sell */
    public int periods() {
        return periods;
    }

    /** @return a copy of the allowed prices, highest first */
    public double[] priceLadder() {
        return priceLadder.clone();
    }

    /** @return the factor applied to demand each period */
    public double decay() {
        return decay;
    }

    /** @return the value of a unit left at the end */
    public double salvageValue() {
        return salvageValue;
    }
}

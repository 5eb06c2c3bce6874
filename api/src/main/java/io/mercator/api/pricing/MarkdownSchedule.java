package io.mercator.api.pricing;

import io.mercator.api.ValidationException;
import io.mercator.api.data.Columns;

/**
 * A clearance plan: the price of each period (never rising), the units expected to sell in it,
 * and the totals. Immutable; arrays are copied on the way in and out.
 */
public final class MarkdownSchedule {

    private final double[] price;
    private final double[] expectedUnits;
    private final double expectedRevenue;
    private final double leftoverUnits;

    /**
     * @param price per period, finite, &gt; 0 and not above the previous period's
     * @param expectedUnits per period, finite and &gt;= 0
     * @param expectedRevenue sales revenue plus salvage value, finite and &gt;= 0
     * @param leftoverUnits units expected to remain at the end, finite and &gt;= 0
     * @throws ValidationException naming the field (and period) at fault
     */
    public MarkdownSchedule(double[] price, double[] expectedUnits, double expectedRevenue, double leftoverUnits) {
        if (price == null || price.length == 0) {
            throw new ValidationException("price", "needs at least one period");
        }
        this.price = price.clone();
        Columns.requireAbove("price", this.price, 0.0);
        for (int t = 1; t < this.price.length; t++) {
            if (this.price[t] > this.price[t - 1]) {
                throw new ValidationException("price", t, this.price[t] + " rises above the previous "
                        + this.price[t - 1] + "; a markdown schedule never rises");
            }
        }
        this.expectedUnits = Columns.requireLength("expectedUnits", expectedUnits, this.price.length).clone();
        Columns.requireAtLeast("expectedUnits", this.expectedUnits, 0.0);
        if (!(expectedRevenue >= 0 && expectedRevenue < Double.POSITIVE_INFINITY)) {
            throw new ValidationException("expectedRevenue", expectedRevenue + " must be a finite number >= 0");
        }
        if (!(leftoverUnits >= 0 && leftoverUnits < Double.POSITIVE_INFINITY)) {
            throw new ValidationException("leftoverUnits", leftoverUnits + " must be a finite number >= 0");
        }
        this.expectedRevenue = expectedRevenue;
        this.leftoverUnits = leftoverUnits;
    }

    /** @return the number of periods */
    public int periods() {
        return price.length;
    }

    /** @return a copy of the price per period */
    public double[] price() {
        return price.clone();
    }

    /** @return a copy of the expected units per period */
    public double[] expectedUnits() {
        return expectedUnits.clone();
    }

    /** @return expected sales revenue plus the salvage value of leftover units */
    public double expectedRevenue() {
        return expectedRevenue;
    }

    /** @return units expected to remain unsold */
    public double leftoverUnits() {
        return leftoverUnits;
    }
}

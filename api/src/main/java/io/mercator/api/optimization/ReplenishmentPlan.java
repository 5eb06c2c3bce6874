package io.mercator.api.optimization;

import io.mercator.api.ValidationException;
import io.mercator.api.data.Columns;
import io.mercator.api.data.IdDictionary;

/**
 * The replenishment decision for each SKU-location of a {@link ReplenishmentInput}, row for row
 * in the same order ({@code skus()} equals the input's). Quantities are in units, costs in the
 * input's currency per demand period. The columns are:
 * <ul>
 * <li>{@code safetyStock}: stock held against demand and lead-time variability (may be negative
 * for service levels below one half);</li>
 * <li>{@code reorderPoint}: order when the inventory position falls to or below this level;</li>
 * <li>{@code orderUpTo}: the level an order raises the inventory position to, &gt;=
 * {@code reorderPoint};</li>
 * <li>{@code orderQuantity}: what to order now, &gt;= 0 (0 when no order is due);</li>
 * <li>{@code expectedFillRate}: expected fraction of demand served from stock, in [0, 1];</li>
 * <li>{@code expectedCost}: expected holding, ordering and stock-out cost per period under the
 * policy, &gt;= 0 (purchase cost excluded); the stock-out cost is the expected units short per
 * period times the row's stock-out penalty ({@link ReplenishmentConstraints#stockOutPenalty}), or
 * when it has none (or an infinite one) the penalty the strategy derives from the service
 * target;</li>
 * <li>{@code bindingConstraint}: what shaped the order quantity most, one of the constants of
 * this class or a strategy-specific word such as {@code "budget"}.</li>
 * </ul>
 * Immutable; the arrays are copied on the way in and out.
 */
public final class ReplenishmentPlan {

    /** No constraint changed the unconstrained optimum. */
    public static final String NONE = "none";
    /** The order was raised to the minimum order quantity. */
    public static final String MIN_ORDER_QUANTITY = "minOrderQuantity";
    /** The order was rounded to a multiple of the case pack. */
    public static final String CASE_PACK = "casePack";
    /** The inventory position is above the reorder point, so nothing is ordered. */
    public static final String NO_ORDER_DUE = "noOrderDue";

    private final IdDictionary skus;
    private final double[] safetyStock;
    private final double[] reorderPoint;
    private final double[] orderUpTo;
    private final double[] orderQuantity;
    private final double[] expectedFillRate;
    private final double[] expectedCost;
    private final String[] bindingConstraint;

    /**
     * Checks and copies the columns; see the class description for their meaning and ranges.
     * Every column has one value per SKU-location.
     *
     * @param skus the SKU-location ids of the input, one per row
     * @param safetyStock finite safety stock
     * @param reorderPoint finite reorder point
     * @param orderUpTo finite order-up-to level, not below the reorder point
     * @param orderQuantity quantity to order now, &gt;= 0
     * @param expectedFillRate in [0, 1]
     * @param expectedCost expected cost per period, &gt;= 0
     * @param bindingConstraint non-blank name of the constraint that shaped the order
     * @throws ValidationException naming the field and row at fault
     */
    public ReplenishmentPlan(IdDictionary skus, double[] safetyStock, double[] reorderPoint,
            double[] orderUpTo, double[] orderQuantity, double[] expectedFillRate, double[] expectedCost,
            String[] bindingConstraint) {
        this.skus = Columns.requireDictionary("sku", skus);
        int rows = skus.size();
        this.safetyStock = Columns.requireLength("safetyStock", safetyStock, rows).clone();
        Columns.requireFinite("safetyStock", this.safetyStock);
        this.reorderPoint = Columns.requireLength("reorderPoint", reorderPoint, rows).clone();
        Columns.requireFinite("reorderPoint", this.reorderPoint);
        this.orderUpTo = Columns.requireLength("orderUpTo", orderUpTo, rows).clone();
        Columns.requireFinite("orderUpTo", this.orderUpTo);
        for (int row = 0; row < rows; row++) {
            if (this.orderUpTo[row] < this.reorderPoint[row]) {
                throw new ValidationException("orderUpTo", row, this.orderUpTo[row]
                        + " is below the reorder point " + this.reorderPoint[row]);
            }
        }
        this.orderQuantity = Columns.requireLength("orderQuantity", orderQuantity, rows).clone();
        Columns.requireAtLeast("orderQuantity", this.orderQuantity, 0.0);
        this.expectedFillRate = Columns.requireLength("expectedFillRate", expectedFillRate, rows).clone();
        Columns.requireWithin("expectedFillRate", this.expectedFillRate, 0.0, 1.0);
        this.expectedCost = Columns.requireLength("expectedCost", expectedCost, rows).clone();
        Columns.requireAtLeast("expectedCost", this.expectedCost, 0.0);
        this.bindingConstraint = Columns.requireLength("bindingConstraint", bindingConstraint, rows).clone();
        Columns.requireNonBlank("bindingConstraint", this.bindingConstraint);
    }

    /** @return the SKU-location ids; row {@code r} is {@code skus().id(r)} */
    public IdDictionary skus() {
        return skus;
    }

    /** @return the number of SKU-locations */
    public int size() {
        return skus.size();
    }

    /**
     * @param row a SKU-location index
     * @return the safety stock
     */
    public double safetyStock(int row) {
        return safetyStock[row];
    }

    /**
     * @param row a SKU-location index
     * @return the reorder point
     */
    public double reorderPoint(int row) {
        return reorderPoint[row];
    }

    /**
     * @param row a SKU-location index
     * @return the order-up-to level
     */
    public double orderUpTo(int row) {
        return orderUpTo[row];
    }

    /**
     * @param row a SKU-location index
     * @return the quantity to order now, 0 when no order is due
     */
    public double orderQuantity(int row) {
        return orderQuantity[row];
    }

    /**
     * @param row a SKU-location index
     * @return the expected fill rate, in [0, 1]
     */
    public double expectedFillRate(int row) {
        return expectedFillRate[row];
    }

    /**
     * @param row a SKU-location index
     * @return the expected holding plus ordering cost per period
     */
    public double expectedCost(int row) {
        return expectedCost[row];
    }

    /**
     * @param row a SKU-location index
     * @return the constraint that shaped the order, e.g. {@link #NONE} or {@link #CASE_PACK}
     */
    public String bindingConstraint(int row) {
        return bindingConstraint[row];
    }

    /** @return a copy of the safety stock column */
    public double[] safetyStock() {
        return safetyStock.clone();
    }

    /** @return a copy of the reorder point column */
    public double[] reorderPoint() {
        return reorderPoint.clone();
    }

    /** @return a copy of the order-up-to column */
    public double[] orderUpTo() {
        return orderUpTo.clone();
    }

    /** @return a copy of the order quantity column */
    public double[] orderQuantity() {
        return orderQuantity.clone();
    }

    /** @return a copy of the expected fill rate column */
    public double[] expectedFillRate() {
        return expectedFillRate.clone();
    }

    /** @return a copy of the expected cost column */
    public double[] expectedCost() {
        return expectedCost.clone();
    }

    /** @return a copy of the binding constraint column */
    public String[] bindingConstraint() {
        return bindingConstraint.clone();
    }
}

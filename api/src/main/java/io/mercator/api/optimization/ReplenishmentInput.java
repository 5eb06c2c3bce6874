package io.mercator.api.optimization;

import io.mercator.api.ValidationException;
import io.mercator.api.data.Columns;
import io.mercator.api.data.IdDictionary;
import java.util.Arrays;

/**
 * What a replenishment plan is computed from: one row per SKU-location (row {@code r} is
 * {@code skus().id(r)}, e.g. {@code "SKU-17@STORE-3"}), with its demand, lead time, stock
 * position, costs and ordering rules.
 *
 * <p>All quantities are in stock-keeping units and all durations in demand periods (the period
 * of {@code demandMean}: a day, a week). The columns are:
 * <ul>
 * <li>{@code demandMean}, {@code demandStdDev}: mean and standard deviation of demand per
 * period, &gt;= 0;</li>
 * <li>{@code leadTimeMean}, {@code leadTimeStdDev}: supplier lead time in periods, &gt;= 0;</li>
 * <li>{@code reviewPeriod}: periods between order decisions, &gt;= 0 (0 means continuous
 * review);</li>
 * <li>{@code onHand}, {@code onOrder}, {@code backorders}: the current stock position, &gt;= 0
 * (inventory position is {@code onHand + onOrder - backorders});</li>
 * <li>{@code unitCost} (&gt;= 0), {@code holdingCostRate} (cost of holding one unit for one
 * period as a fraction of {@code unitCost}, &gt;= 0), {@code orderingCost} (fixed cost per
 * order, &gt;= 0);</li>
 * <li>{@code targetServiceLevel}: the wanted service level in (0, 1), measured as
 * {@link #serviceMeasure()} says: by default the cycle service level, the probability of no
 * stock-out during a replenishment cycle; or the fill rate, the fraction of demand served from
 * stock;</li>
 * <li>{@code minOrderQuantity} (&gt;= 0) and {@code casePack} (&gt;= 1): a positive order is
 * at least the minimum and a multiple of the case pack.</li>
 * </ul>
 *
 * <p>Immutable; the arrays are not copied, so callers must not change them after construction.
 */
public final class ReplenishmentInput {

    private final IdDictionary skus;
    private final double[] demandMean;
    private final double[] demandStdDev;
    private final double[] leadTimeMean;
    private final double[] leadTimeStdDev;
    private final double[] reviewPeriod;
    private final double[] onHand;
    private final double[] onOrder;
    private final double[] backorders;
    private final double[] unitCost;
    private final double[] holdingCostRate;
    private final double[] orderingCost;
    private final double[] targetServiceLevel;
    private final double[] minOrderQuantity;
    private final double[] casePack;
    private final ServiceMeasure serviceMeasure;
    private final ReplenishmentConstraints constraints;

    /**
     * Checks and wraps the columns with a target measured as the cycle service level; see the
     * class description for their meaning and ranges. Every column has one value per SKU-location.
     *
     * @param skus the SKU-location ids, one per row
     * @param demandMean mean demand per period
     * @param demandStdDev standard deviation of demand per period
     * @param leadTimeMean mean lead time in periods
     * @param leadTimeStdDev standard deviation of the lead time in periods
     * @param reviewPeriod periods between reviews, 0 for continuous review
     * @param onHand units in stock
     * @param onOrder units ordered and not yet received
     * @param backorders units owed to customers
     * @param unitCost purchase cost of one unit
     * @param holdingCostRate holding cost per unit and period as a fraction of the unit cost
     * @param orderingCost fixed cost per order
     * @param targetServiceLevel wanted cycle service level in (0, 1)
     * @param minOrderQuantity smallest positive order
     * @param casePack order multiple, at least 1
     * @throws ValidationException naming the field and row at fault
     */
    public ReplenishmentInput(IdDictionary skus, double[] demandMean, double[] demandStdDev,
            double[] leadTimeMean, double[] leadTimeStdDev, double[] reviewPeriod, double[] onHand,
            double[] onOrder, double[] backorders, double[] unitCost, double[] holdingCostRate,
            double[] orderingCost, double[] targetServiceLevel, double[] minOrderQuantity,
            double[] casePack) {
        this(skus, demandMean, demandStdDev, leadTimeMean, leadTimeStdDev, reviewPeriod, onHand, onOrder,
                backorders, unitCost, holdingCostRate, orderingCost, targetServiceLevel, minOrderQuantity, casePack,
                ServiceMeasure.CYCLE_SERVICE_LEVEL);
    }

    /**
     * Checks and wraps the columns; see the class description for their meaning and ranges.
     * Every column has one value per SKU-location.
     *
     * @param skus the SKU-location ids, one per row
     * @param demandMean mean demand per period
     * @param demandStdDev standard deviation of demand per period
     * @param leadTimeMean mean lead time in periods
     * @param leadTimeStdDev standard deviation of the lead time in periods
     * @param reviewPeriod periods between reviews, 0 for continuous review
     * @param onHand units in stock
     * @param onOrder units ordered and not yet received
     * @param backorders units owed to customers
     * @param unitCost purchase cost of one unit
     * @param holdingCostRate holding cost per unit and period as a fraction of the unit cost
     * @param orderingCost fixed cost per order
     * @param targetServiceLevel wanted service level in (0, 1), measured as {@code serviceMeasure} says
     * @param minOrderQuantity smallest positive order
     * @param casePack order multiple, at least 1
     * @param serviceMeasure how {@code targetServiceLevel} is measured
     * @throws ValidationException naming the field and row at fault
     */
    public ReplenishmentInput(IdDictionary skus, double[] demandMean, double[] demandStdDev,
            double[] leadTimeMean, double[] leadTimeStdDev, double[] reviewPeriod, double[] onHand,
            double[] onOrder, double[] backorders, double[] unitCost, double[] holdingCostRate,
            double[] orderingCost, double[] targetServiceLevel, double[] minOrderQuantity,
            double[] casePack, ServiceMeasure serviceMeasure) {
        this.skus = Columns.requireDictionary("sku", skus);
        int rows = skus.size();
        this.demandMean = atLeast("demandMean", demandMean, rows, 0.0);
        this.demandStdDev = atLeast("demandStdDev", demandStdDev, rows, 0.0);
        this.leadTimeMean = atLeast("leadTimeMean", leadTimeMean, rows, 0.0);
        this.leadTimeStdDev = atLeast("leadTimeStdDev", leadTimeStdDev, rows, 0.0);
        this.reviewPeriod = atLeast("reviewPeriod", reviewPeriod, rows, 0.0);
        this.onHand = atLeast("onHand", onHand, rows, 0.0);
        this.onOrder = atLeast("onOrder", onOrder, rows, 0.0);
        this.backorders = atLeast("backorders", backorders, rows, 0.0);
        this.unitCost = atLeast("unitCost", unitCost, rows, 0.0);
        this.holdingCostRate = atLeast("holdingCostRate", holdingCostRate, rows, 0.0);
        this.orderingCost = atLeast("orderingCost", orderingCost, rows, 0.0);
        Columns.requireLength("targetServiceLevel", targetServiceLevel, rows);
        for (int row = 0; row < rows; row++) {
            if (!(targetServiceLevel[row] > 0 && targetServiceLevel[row] < 1)) {
                throw new ValidationException("targetServiceLevel", row, targetServiceLevel[row]
                        + " is not a probability in (0, 1); write 95% as 0.95");
            }
        }
        this.targetServiceLevel = targetServiceLevel;
        this.minOrderQuantity = atLeast("minOrderQuantity", minOrderQuantity, rows, 0.0);
        this.casePack = atLeast("casePack", casePack, rows, 1.0);
        if (serviceMeasure == null) {
            throw new ValidationException("serviceMeasure", "is missing");
        }
        this.serviceMeasure = serviceMeasure;
        this.constraints = ReplenishmentConstraints.NONE;
    }

    private ReplenishmentInput(ReplenishmentInput columns, ReplenishmentConstraints constraints) {
        this.skus = columns.skus;
        this.demandMean = columns.demandMean;
        this.demandStdDev = columns.demandStdDev;
        this.leadTimeMean = columns.leadTimeMean;
        this.leadTimeStdDev = columns.leadTimeStdDev;
        this.reviewPeriod = columns.reviewPeriod;
        this.onHand = columns.onHand;
        this.onOrder = columns.onOrder;
        this.backorders = columns.backorders;
        this.unitCost = columns.unitCost;
        this.holdingCostRate = columns.holdingCostRate;
        this.orderingCost = columns.orderingCost;
        this.targetServiceLevel = columns.targetServiceLevel;
        this.minOrderQuantity = columns.minOrderQuantity;
        this.casePack = columns.casePack;
        this.serviceMeasure = columns.serviceMeasure;
        this.constraints = constraints;
    }

    /**
     * @param limits budget, warehouse and supplier capacities and stock-out penalties of this plan
     * @return the same rows under these limits
     * @throws ValidationException when the limits name a row the input does not have
     * @since 1.1
     */
    public ReplenishmentInput withConstraints(ReplenishmentConstraints limits) {
        if (limits == null) {
            throw new ValidationException("constraints", "is missing (use ReplenishmentConstraints.NONE)");
        }
        if (limits.lastRow() >= size()) {
            throw new ValidationException("constraints", "row " + limits.lastRow() + " is beyond the input's "
                    + size() + " rows");
        }
        return new ReplenishmentInput(this, limits);
    }

    /**
     * @return the plan-wide limits; {@link ReplenishmentConstraints#NONE} unless set
     * @since 1.1
     */
    public ReplenishmentConstraints constraints() {
        return constraints;
    }

    private static double[] atLeast(String field, double[] column, int rows, double min) {
        Columns.requireAtLeast(field, Columns.requireLength(field, column, rows), min);
        return column;
    }

    /** @return a builder that appends SKU-locations one by one */
    public static Builder builder() {
        return new Builder();
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
     * @return mean demand per period
     */
    public double demandMean(int row) {
        return demandMean[row];
    }

    /**
     * @param row a SKU-location index
     * @return standard deviation of demand per period
     */
    public double demandStdDev(int row) {
        return demandStdDev[row];
    }

    /**
     * @param row a SKU-location index
     * @return mean lead time in periods
     */
    public double leadTimeMean(int row) {
        return leadTimeMean[row];
    }

    /**
     * @param row a SKU-location index
     * @return standard deviation of the lead time in periods
     */
    public double leadTimeStdDev(int row) {
        return leadTimeStdDev[row];
    }

    /**
     * @param row a SKU-location index
     * @return periods between order decisions, 0 for continuous review
     */
    public double reviewPeriod(int row) {
        return reviewPeriod[row];
    }

    /**
     * @param row a SKU-location index
     * @return units in stock
     */
    public double onHand(int row) {
        return onHand[row];
    }

    /**
     * @param row a SKU-location index
     * @return units ordered and not yet received
     */
    public double onOrder(int row) {
        return onOrder[row];
    }

    /**
     * @param row a SKU-location index
     * @return units owed to customers
     */
    public double backorders(int row) {
        return backorders[row];
    }

    /**
     * @param row a SKU-location index
     * @return {@code onHand + onOrder - backorders}
     */
    public double inventoryPosition(int row) {
        return onHand[row] + onOrder[row] - backorders[row];
    }

    /**
     * @param row a SKU-location index
     * @return purchase cost of one unit
     */
    public double unitCost(int row) {
        return unitCost[row];
    }

    /**
     * @param row a SKU-location index
     * @return holding cost of one unit for one period, as a fraction of the unit cost
     */
    public double holdingCostRate(int row) {
        return holdingCostRate[row];
    }

    /**
     * @param row a SKU-location index
     * @return fixed cost per order
     */
    public double orderingCost(int row) {
        return orderingCost[row];
    }

    /** @return how every row's {@code targetServiceLevel} is measured */
    public ServiceMeasure serviceMeasure() {
        return serviceMeasure;
    }

    /**
     * @param row a SKU-location index
     * @return wanted service level, in (0, 1), measured as {@link #serviceMeasure()} says
     */
    public double targetServiceLevel(int row) {
        return targetServiceLevel[row];
    }

    /**
     * @param row a SKU-location index
     * @return smallest positive order quantity
     */
    public double minOrderQuantity(int row) {
        return minOrderQuantity[row];
    }

    /**
     * @param row a SKU-location index
     * @return order multiple, at least 1
     */
    public double casePack(int row) {
        return casePack[row];
    }

    /**
     * Appends SKU-locations one by one; grows its arrays geometrically. {@link #add} starts a
     * row and the other methods set fields of the row added last. Fields not set keep their
     * defaults: {@code leadTimeStdDev}, {@code reviewPeriod}, {@code onOrder},
     * {@code backorders}, {@code orderingCost} and {@code minOrderQuantity} default to 0,
     * {@code casePack} to 1, the service measure to the cycle service level; every other field must be set, or {@link #build()} reports it as
     * NaN. Not thread-safe.
     *
     * <pre>{@code
     * ReplenishmentInput input = ReplenishmentInput.builder()
     *     .add("SKU-17@STORE-3").demand(12.0, 4.0).leadTime(3.0, 0.5).stock(40, 0, 0)
     *     .costs(2.5, 0.004, 15.0).targetServiceLevel(0.95)
     *     .build();
     * }</pre>
     */
    public static final class Builder {
        private static final int COLUMNS = 14;
        private static final int DEMAND_MEAN = 0;
        private static final int DEMAND_STD_DEV = 1;
        private static final int LEAD_TIME_MEAN = 2;
        private static final int LEAD_TIME_STD_DEV = 3;
        private static final int REVIEW_PERIOD = 4;
        private static final int ON_HAND = 5;
        private static final int ON_ORDER = 6;
        private static final int BACKORDERS = 7;
        private static final int UNIT_COST = 8;
        private static final int HOLDING_COST_RATE = 9;
        private static final int ORDERING_COST = 10;
        private static final int TARGET_SERVICE_LEVEL = 11;
        private static final int MIN_ORDER_QUANTITY = 12;
        private static final int CASE_PACK = 13;
        private static final double[] DEFAULTS = {
            Double.NaN, Double.NaN, Double.NaN, 0, 0, Double.NaN, 0, 0,
            Double.NaN, Double.NaN, 0, Double.NaN, 0, 1
        };

        private final IdDictionary.Builder skus = new IdDictionary.Builder("sku");
        private double[][] columns = new double[COLUMNS][64];
        private int rows;
        private ServiceMeasure serviceMeasure = ServiceMeasure.CYCLE_SERVICE_LEVEL;

        private Builder() {
        }

        /**
         * Starts a new row with every field at its default.
         *
         * @param sku a SKU-location id not added before
         * @return this builder
         * @throws ValidationException when the id is blank or was already added
         */
        public Builder add(String sku) {
            if (skus.add(sku, rows) != rows) {
                throw new ValidationException("sku", rows, "id '" + sku + "' was already added");
            }
            if (rows == columns[0].length) {
                for (int c = 0; c < COLUMNS; c++) {
                    columns[c] = Arrays.copyOf(columns[c], rows * 2);
                }
            }
            for (int c = 0; c < COLUMNS; c++) {
                columns[c][rows] = DEFAULTS[c];
            }
            rows++;
            return this;
        }

        private Builder set(int column, double value) {
            if (rows == 0) {
                throw new IllegalStateException("call add(sku) before setting fields");
            }
            columns[column][rows - 1] = value;
            return this;
        }

        /**
         * @param mean mean demand per period
         * @param stdDev standard deviation of demand per period
         * @return this builder
         */
        public Builder demand(double mean, double stdDev) {
            return set(DEMAND_MEAN, mean).set(DEMAND_STD_DEV, stdDev);
        }

        /**
         * @param mean mean lead time in periods
         * @param stdDev standard deviation of the lead time in periods
         * @return this builder
         */
        public Builder leadTime(double mean, double stdDev) {
            return set(LEAD_TIME_MEAN, mean).set(LEAD_TIME_STD_DEV, stdDev);
        }

        /**
         * @param periods periods between order decisions, 0 for continuous review
         * @return this builder
         */
        public Builder reviewPeriod(double periods) {
            return set(REVIEW_PERIOD, periods);
        }

        /**
         * @param onHand units in stock
         * @param onOrder units ordered and not yet received
         * @param backorders units owed to customers
         * @return this builder
         */
        public Builder stock(double onHand, double onOrder, double backorders) {
            return set(ON_HAND, onHand).set(ON_ORDER, onOrder).set(BACKORDERS, backorders);
        }

        /**
         * @param unitCost purchase cost of one unit
         * @param holdingCostRate holding cost per unit and period as a fraction of the unit cost
         * @param orderingCost fixed cost per order
         * @return this builder
         */
        public Builder costs(double unitCost, double holdingCostRate, double orderingCost) {
            return set(UNIT_COST, unitCost).set(HOLDING_COST_RATE, holdingCostRate).set(ORDERING_COST, orderingCost);
        }

        /**
         * @param measure how every row's target service level is measured
         * @return this builder
         */
        public Builder serviceMeasure(ServiceMeasure measure) {
            this.serviceMeasure = measure;
            return this;
        }

        /**
         * @param level wanted service level in (0, 1), measured as set by {@link #serviceMeasure}
         * @return this builder
         */
        public Builder targetServiceLevel(double level) {
            return set(TARGET_SERVICE_LEVEL, level);
        }

        /**
         * @param minOrderQuantity smallest positive order
         * @param casePack order multiple, at least 1
         * @return this builder
         */
        public Builder orderRules(double minOrderQuantity, double casePack) {
            return set(MIN_ORDER_QUANTITY, minOrderQuantity).set(CASE_PACK, casePack);
        }

        /** @return the number of rows so far */
        public int size() {
            return rows;
        }

        /**
         * @return the validated input
         * @throws ValidationException naming the field and row of the first bad or unset value
         */
        public ReplenishmentInput build() {
            double[][] c = new double[COLUMNS][];
            for (int i = 0; i < COLUMNS; i++) {
                c[i] = Arrays.copyOf(columns[i], rows);
            }
            return new ReplenishmentInput(skus.build(), c[DEMAND_MEAN], c[DEMAND_STD_DEV], c[LEAD_TIME_MEAN],
                    c[LEAD_TIME_STD_DEV], c[REVIEW_PERIOD], c[ON_HAND], c[ON_ORDER], c[BACKORDERS],
                    c[UNIT_COST], c[HOLDING_COST_RATE], c[ORDERING_COST], c[TARGET_SERVICE_LEVEL],
                    c[MIN_ORDER_QUANTITY], c[CASE_PACK], serviceMeasure);
        }
    }
}

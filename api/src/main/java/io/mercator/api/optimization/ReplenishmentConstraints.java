package io.mercator.api.optimization;

import io.mercator.api.ValidationException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What limits a replenishment plan as a whole, beside each SKU-location's own ordering rules: a
 * purchase budget (unit cost times units ordered), the units each warehouse can receive and each
 * supplier can deliver in this order, and per SKU-location the penalty of a unit short (in place
 * of the one its service target implies). Rows name their warehouse and supplier; a row without
 * one, or naming one without a capacity, is not limited by it. Strategies that plan SKU-locations
 * one by one ignore these limits; those that solve the plan as a program (such as an LP) respect
 * them and name in each row's {@code bindingConstraint} the limits that cut its order
 * ({@link #BUDGET}, {@code "capacity[<id>]"} for a warehouse, {@code "supplier[<id>]"}).
 *
 * <p>Immutable. Attach to an input with {@link ReplenishmentInput#withConstraints}.
 *
 * @since 1.1
 */
public final class ReplenishmentConstraints {

    /** Name of the budget limit. */
    public static final String BUDGET = "budget";
    /** No budget, capacities or penalties. */
    public static final ReplenishmentConstraints NONE = new ReplenishmentConstraints(Double.POSITIVE_INFINITY,
            Map.of(), Map.of(), Map.of(), Map.of(), Map.of());

    private final double budget;
    private final Map<Integer, String> warehouseOf;
    private final Map<Integer, String> supplierOf;
    private final Map<String, Double> warehouseCapacity;
    private final Map<String, Double> supplierCapacity;
    private final Map<Integer, Double> stockOutPenalty;

    private ReplenishmentConstraints(double budget, Map<Integer, String> warehouseOf, Map<Integer, String> supplierOf,
            Map<String, Double> warehouseCapacity, Map<String, Double> supplierCapacity,
            Map<Integer, Double> stockOutPenalty) {
        this.budget = budget;
        this.warehouseOf = Map.copyOf(warehouseOf);
        this.supplierOf = Map.copyOf(supplierOf);
        this.warehouseCapacity = Map.copyOf(warehouseCapacity);
        this.supplierCapacity = Map.copyOf(supplierCapacity);
        this.stockOutPenalty = Map.copyOf(stockOutPenalty);
    }

    /** @return a builder with no limits */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the purchase budget, {@code +Infinity} for none */
    public double budget() {
        return budget;
    }

    /**
     * @param row an input row
     * @return the row's warehouse id, or null
     */
    public String warehouse(int row) {
        return warehouseOf.get(row);
    }

    /**
     * @param row an input row
     * @return the row's supplier id, or null
     */
    public String supplier(int row) {
        return supplierOf.get(row);
    }

    /** @return units each named warehouse can receive */
    public Map<String, Double> warehouseCapacities() {
        return warehouseCapacity;
    }

    /** @return units each named supplier can deliver */
    public Map<String, Double> supplierCapacities() {
        return supplierCapacity;
    }

    /**
     * @param row an input row
     * @return the penalty of one unit short of the row's order-up-to level ({@code +Infinity}: it
     *     must be reached), or NaN when the strategy derives it from the service target
     */
    public double stockOutPenalty(int row) {
        return stockOutPenalty.getOrDefault(row, Double.NaN);
    }

    /** @return whether any budget, capacity or penalty is set */
    public boolean isEmpty() {
        return budget == Double.POSITIVE_INFINITY && warehouseCapacity.isEmpty() && supplierCapacity.isEmpty()
                && stockOutPenalty.isEmpty();
    }

    /** @return the largest row this refers to, -1 for none */
    int lastRow() {
        int last = -1;
        for (Map<Integer, ?> byRow : Arrays.asList(warehouseOf, supplierOf, stockOutPenalty)) {
            for (int row : byRow.keySet()) {
                last = Math.max(last, row);
            }
        }
        return last;
    }

    /** Collects the limits; each setter checks its value. */
    public static final class Builder {
        private double budget = Double.POSITIVE_INFINITY;
        private final Map<Integer, String> warehouseOf = new LinkedHashMap<>();
        private final Map<Integer, String> supplierOf = new LinkedHashMap<>();
        private final Map<String, Double> warehouseCapacity = new LinkedHashMap<>();
        private final Map<String, Double> supplierCapacity = new LinkedHashMap<>();
        private final Map<Integer, Double> stockOutPenalty = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * @param amount most that may be spent on this order, &gt;= 0, {@code +Infinity} for none
         * @return this builder
         */
        public Builder budget(double amount) {
            if (!(amount >= 0)) {
                throw new ValidationException("budget", amount + " is not >= 0 (use Infinity for no budget)");
            }
            budget = amount;
            return this;
        }

        /**
         * @param id a warehouse id
         * @param units units it can receive, finite and &gt;= 0
         * @return this builder
         */
        public Builder warehouseCapacity(String id, double units) {
            warehouseCapacity.put(requireId("warehouse", id), requireCapacity("warehouseCapacity[" + id + "]", units));
            return this;
        }

        /**
         * @param id a supplier id
         * @param units units it can deliver, finite and &gt;= 0
         * @return this builder
         */
        public Builder supplierCapacity(String id, double units) {
            supplierCapacity.put(requireId("supplier", id), requireCapacity("supplierCapacity[" + id + "]", units));
            return this;
        }

        /**
         * @param row an input row, &gt;= 0
         * @param warehouse its warehouse id, or null
         * @param supplier its supplier id, or null
         * @return this builder
         */
        public Builder row(int row, String warehouse, String supplier) {
            requireRow(row);
            if (warehouse != null) {
                warehouseOf.put(row, requireId("warehouse", warehouse));
            }
            if (supplier != null) {
                supplierOf.put(row, requireId("supplier", supplier));
            }
            return this;
        }

        /**
         * @param row an input row, &gt;= 0
         * @param perUnit cost of one unit short, &gt;= 0, or {@code +Infinity} when the row's
         *     order-up-to level must be reached (a plan that cannot is refused, naming the limits)
         * @return this builder
         */
        public Builder stockOutPenalty(int row, double perUnit) {
            requireRow(row);
            if (!(perUnit >= 0)) {
                throw new ValidationException("stockOutPenalty", row, perUnit + " is not an amount >= 0");
            }
            stockOutPenalty.put(row, perUnit);
            return this;
        }

        /** @return the constraints */
        public ReplenishmentConstraints build() {
            return new ReplenishmentConstraints(budget, warehouseOf, supplierOf, warehouseCapacity, supplierCapacity,
                    stockOutPenalty);
        }

        private static void requireRow(int row) {
            if (row < 0) {
                throw new ValidationException("row", row + " is not a row index");
            }
        }

        private static String requireId(String field, String id) {
            if (id == null || id.isBlank()) {
                throw new ValidationException(field, "id is blank");
            }
            return id;
        }

        private static double requireCapacity(String field, double units) {
            if (!(units >= 0) || Double.isInfinite(units)) {
                throw new ValidationException(field, units + " is not a finite number of units >= 0");
            }
            return units;
        }
    }
}

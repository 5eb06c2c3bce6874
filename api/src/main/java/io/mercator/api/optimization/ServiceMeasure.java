package io.mercator.api.optimization;

/**
 * How a {@link ReplenishmentInput}'s {@code targetServiceLevel} is measured.
 */
public enum ServiceMeasure {
    /**
     * Cycle service level (type 1): the probability that a replenishment cycle ends without a
     * stock-out.
     */
    CYCLE_SERVICE_LEVEL,
    /**
     * Fill rate (type 2, beta): the expected fraction of demand served from stock on hand. For
     * the same number it asks for less safety stock than the cycle service level.
     */
    FILL_RATE
}

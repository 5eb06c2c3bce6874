package io.mercator.api.runtime;

/**
 * How a strategy has behaved in calls made through {@link StrategyRegistry#call}: counts, time,
 * and whether it is currently taken out of routing.
 *
 * @param calls calls that finished, successfully or not
 * @param failures calls that threw, returned an invalid result or missed their deadline
 * @param consecutiveFailures failures since the last success
 * @param meanMillis mean duration of the finished calls, in milliseconds; 0 before the first
 * @param outOfRouting whether the registry currently skips the strategy because it failed too
 *     often in a row (it is tried again after a cool-down)
 * @param lastError the message of the latest failure; empty if none
 */
public record StrategyHealth(long calls, long failures, long consecutiveFailures, double meanMillis,
        boolean outOfRouting, String lastError) {

    /** The health of a strategy that has not been called yet. */
    public static final StrategyHealth UNUSED = new StrategyHealth(0, 0, 0, 0, false, "");
}

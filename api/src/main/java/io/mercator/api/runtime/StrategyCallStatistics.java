package io.mercator.api.runtime;

import io.mercator.api.Family;

/**
 * How often one strategy version was used since the runtime started, how it ended and how long it
 * took, as {@link StrategyMetrics} reports it. Counts only grow; they survive the strategy's bundle
 * being stopped or updated and started again.
 *
 * @param family the strategy's family
 * @param strategy its name
 * @param version its version
 * @param use how it was used: a protected {@link StrategyRegistry#call call} or a
 *     {@link StrategyRegistry#acquire lease} (training jobs, evaluations)
 * @param calls uses that finished, successfully or not
 * @param failures uses that failed: the strategy threw or returned an invalid result (a call), or
 *     the lease holder reported a failure ({@link StrategyLease#failed}); deadline misses included
 * @param timeouts calls that missed their deadline (also counted in {@code failures})
 * @param durationCounts per bucket of {@link StrategyMetrics#durationBounds()}, the uses that took
 *     at most that long and longer than the previous bound; one more last bucket counts the uses
 *     beyond the last bound. Not cumulative; the array is the caller's to keep
 * @param durationSeconds the total duration of the finished uses, in seconds
 */
public record StrategyCallStatistics(Family family, String strategy, String version, Use use, long calls,
        long failures, long timeouts, long[] durationCounts, double durationSeconds) {

    /** How a strategy was used. */
    public enum Use {
        /** A protected call through {@link StrategyRegistry#call}: with a deadline, counted in the health. */
        CALL,
        /** A lease from {@link StrategyRegistry#acquire}, timed from acquiring to closing. */
        LEASE
    }
}

package io.mercator.platform.registry;

import io.mercator.api.Family;
import io.mercator.api.StrategyDescriptor;
import io.mercator.api.runtime.StrategyCallStatistics;
import io.mercator.api.runtime.StrategyCallStatistics.Use;
import io.mercator.api.runtime.StrategyMetrics;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts and times every strategy use per strategy version and kind of use, with fixed buckets and
 * {@link LongAdder}s so that recording costs a map lookup and a few uncontended increments. Kept by
 * the registry for its whole life, so counts do not start again when a strategy's bundle is updated.
 */
final class CallMetrics implements StrategyMetrics {

    /** Upper bounds in seconds, from a tenth of a millisecond (a model query) to ten minutes (a large fit). */
    static final double[] BOUNDS = {0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25,
        0.5, 1, 2.5, 5, 10, 30, 60, 300, 600};
    private static final long[] BOUNDS_NANOS = new long[BOUNDS.length];

    static {
        for (int b = 0; b < BOUNDS.length; b++) {
            BOUNDS_NANOS[b] = Math.round(BOUNDS[b] * 1e9);
        }
    }

    private record Key(Family family, String strategy, String version, Use use) {
    }

    /** One strategy version's counters for one kind of use. */
    static final class Recorder {
        private final LongAdder calls = new LongAdder();
        private final LongAdder failures = new LongAdder();
        private final LongAdder timeouts = new LongAdder();
        private final LongAdder totalNanos = new LongAdder();
        private final LongAdder[] buckets = new LongAdder[BOUNDS.length + 1];

        private Recorder() {
            for (int b = 0; b < buckets.length; b++) {
                buckets[b] = new LongAdder();
            }
        }

        /** Records a finished use: its duration and, when it failed, that it did. */
        void finished(long nanos, boolean failed) {
            int bucket = 0;
            while (bucket < BOUNDS_NANOS.length && nanos > BOUNDS_NANOS[bucket]) {
                bucket++;
            }
            buckets[bucket].increment();
            totalNanos.add(nanos);
            calls.increment();
            if (failed) {
                failures.increment();
            }
        }

        /** Records a call that missed its deadline: a failure and a timeout. */
        void timedOut(long nanos) {
            timeouts.increment();
            finished(nanos, true);
        }

        /** Records a failure reported after the use was timed (a lease holder's {@code failed}). */
        void failedLater() {
            failures.increment();
        }
    }

    private final ConcurrentMap<Key, Recorder> recorders = new ConcurrentHashMap<>();

    /**
     * @param descriptor the strategy
     * @param use how it is used
     * @return its counters, created at the first use
     */
    Recorder recorder(StrategyDescriptor descriptor, Use use) {
        return recorders.computeIfAbsent(new Key(descriptor.family(), descriptor.name(), descriptor.version(), use),
                key -> new Recorder());
    }

    @Override
    public double[] durationBounds() {
        return BOUNDS.clone();
    }

    @Override
    public List<StrategyCallStatistics> statistics() {
        List<StrategyCallStatistics> lines = new ArrayList<>();
        recorders.forEach((key, recorder) -> {
            long[] counts = new long[recorder.buckets.length];
            for (int b = 0; b < counts.length; b++) {
                counts[b] = recorder.buckets[b].sum();
            }
            lines.add(new StrategyCallStatistics(key.family(), key.strategy(), key.version(), key.use(),
                    recorder.calls.sum(), recorder.failures.sum(), recorder.timeouts.sum(), counts,
                    recorder.totalNanos.sum() / 1e9));
        });
        lines.sort(Comparator.comparing(StrategyCallStatistics::family).thenComparing(StrategyCallStatistics::strategy)
                .thenComparing(StrategyCallStatistics::version).thenComparing(StrategyCallStatistics::use));
        return lines;
    }
}

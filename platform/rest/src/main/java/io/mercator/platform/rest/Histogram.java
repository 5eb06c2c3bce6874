package io.mercator.platform.rest;

import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/** Durations in fixed buckets (seconds), updated without locks from many request threads. */
final class Histogram {

    /** Upper bounds from half a millisecond to ten seconds. */
    static final double[] LATENCY_BOUNDS = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5,
        5, 10};

    /** The state at one moment: counts per bucket (not cumulative), plus the ones above the last bound. */
    record Snapshot(double[] bounds, long[] counts, long count, double sum) {
    }

    private final double[] bounds;
    private final LongAdder[] buckets;
    private final LongAdder count = new LongAdder();
    private final DoubleAdder sum = new DoubleAdder();

    Histogram(double[] bounds) {
        this.bounds = bounds.clone();
        this.buckets = new LongAdder[bounds.length];
        for (int b = 0; b < bounds.length; b++) {
            buckets[b] = new LongAdder();
        }
    }

    /** @param seconds one observed duration */
    void observe(double seconds) {
        for (int b = 0; b < bounds.length; b++) {
            if (seconds <= bounds[b]) {
                buckets[b].increment();
                break;
            }
        }
        count.increment();
        sum.add(seconds);
    }

    Snapshot snapshot() {
        long[] counts = new long[bounds.length];
        for (int b = 0; b < bounds.length; b++) {
            counts[b] = buckets[b].sum();
        }
        return new Snapshot(bounds.clone(), counts, count.sum(), sum.sum());
    }
}

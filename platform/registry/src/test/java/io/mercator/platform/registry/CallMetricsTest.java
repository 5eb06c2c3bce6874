package io.mercator.platform.registry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.mercator.api.Family;
import io.mercator.api.StrategyDescriptor;
import io.mercator.api.ValidationException;
import io.mercator.api.runtime.StrategyCallException;
import io.mercator.api.runtime.StrategyCallStatistics;
import io.mercator.api.runtime.StrategyCallStatistics.Use;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.osgi.service.log.Logger;

class CallMetricsTest {

    private static final Logger QUIET = (Logger) Proxy.newProxyInstance(Logger.class.getClassLoader(),
            new Class<?>[] {Logger.class}, (proxy, method, args) -> null);
    private static final StrategyDescriptor ETS = StrategyDescriptor.builder(Family.FORECASTING, "ets", "1.2.0").build();

    private final CallMetrics metrics = new CallMetrics();
    private final StrategyTable table = new StrategyTable(0, 100, 200);
    private final ProtectedCalls calls = new ProtectedCalls(table, metrics, QUIET);
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void stopWorkers() {
        release.countDown();
        calls.close();
    }

    @Test
    void durationsFallIntoTheBucketOfTheirUpperBound() {
        CallMetrics.Recorder recorder = metrics.recorder(ETS, Use.CALL);
        recorder.finished(100_000, false);      // 0.1 ms: exactly the first bound
        recorder.finished(100_001, false);      // just above: the second bucket
        recorder.finished(3_000_000, true);     // 3 ms: the 5 ms bucket
        recorder.finished(3_600_000_000_000L, false); // an hour: beyond the last bound
        StrategyCallStatistics line = metrics.statistics().get(0);
        long[] expected = new long[CallMetrics.BOUNDS.length + 1];
        expected[0] = 1;
        expected[1] = 1;
        expected[5] = 1;
        expected[CallMetrics.BOUNDS.length] = 1;
        assertArrayEquals(expected, line.durationCounts());
        assertEquals(4, line.calls());
        assertEquals(1, line.failures());
        assertEquals(0.0001 + 0.000100001 + 0.003 + 3600, line.durationSeconds(), 1e-9);
    }

    @Test
    void protectedCallsAreCountedWithTheirOutcomeWhoeverMakesThem() {
        StrategyTable.Entry entry = new StrategyTable.Entry(ETS, new Object(), 1, "vendor.bundle", "1.2.0", 1L);
        table.add(entry);
        calls.run(entry, null, Duration.ofSeconds(5), strategy -> "ok");
        assertThrows(ValidationException.class, () -> calls.run(entry, null, Duration.ofSeconds(5), strategy -> {
            throw new ValidationException("horizon", "must be positive");
        }));
        assertThrows(StrategyCallException.class, () -> calls.run(entry, null, Duration.ofSeconds(5), strategy -> {
            throw new IllegalStateException("broken");
        }));
        assertThrows(StrategyCallException.class, () -> calls.run(entry, null, Duration.ofMillis(50), strategy -> {
            release.await();
            return "late";
        }));
        List<StrategyCallStatistics> lines = metrics.statistics();
        assertEquals(1, lines.size());
        StrategyCallStatistics line = lines.get(0);
        assertEquals(List.of(Family.FORECASTING, "ets", "1.2.0", Use.CALL),
                List.of(line.family(), line.strategy(), line.version(), line.use()));
        assertEquals(4, line.calls(), "the refused input counts as a call, not as a failure");
        assertEquals(2, line.failures());
        assertEquals(1, line.timeouts());
        assertEquals(4, java.util.Arrays.stream(line.durationCounts()).sum());
        assertEquals(0.05, line.durationSeconds(), 0.05, "the late call took its 50 ms deadline");
    }
}

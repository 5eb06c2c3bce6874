package io.mercator.platform.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mercator.api.Family;
import io.mercator.api.StrategyDescriptor;
import io.mercator.api.ValidationException;
import io.mercator.api.forecasting.ForecastStrategy;
import io.mercator.api.runtime.StrategyCall;
import io.mercator.api.runtime.StrategyCallException;
import io.mercator.api.runtime.StrategyHealth;
import io.mercator.api.runtime.StrategyNotFoundException;
import java.lang.reflect.Proxy;
import java.net.URL;
import java.net.URLClassLoader;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.osgi.service.log.Logger;

class ProtectedCallsTest {

    private static final Logger QUIET = (Logger) Proxy.newProxyInstance(Logger.class.getClassLoader(),
            new Class<?>[] {Logger.class}, (proxy, method, args) -> null);

    private final StrategyTable table = new StrategyTable(0, 3, 200);
    private final ProtectedCalls calls = new ProtectedCalls(table, new CallMetrics(), QUIET);
    private final CountDownLatch neverReleased = new CountDownLatch(1);

    @AfterEach
    void stopWorkers() {
        neverReleased.countDown();
        calls.close();
    }

    private StrategyTable.Entry register(String name, String version) {
        StrategyDescriptor descriptor = StrategyDescriptor.builder(Family.FORECASTING, name, version).build();
        StrategyTable.Entry entry = new StrategyTable.Entry(descriptor, new Object(), 1, "vendor.bundle", version,
                System.nanoTime());
        table.add(entry);
        return entry;
    }

    private <R> R call(StrategyTable.Entry entry, Duration deadline, StrategyCall<ForecastStrategy, R> call) {
        return calls.run(entry, null, deadline, call);
    }

    @Test
    void successIsReturnedAndCounted() {
        StrategyTable.Entry entry = register("ets", "1.0.0");
        assertEquals("forecast", call(entry, Duration.ofSeconds(5), strategy -> "forecast"));
        StrategyHealth health = entry.health.snapshot();
        assertEquals(1, health.calls());
        assertEquals(0, health.failures());
        assertEquals(0, entry.callsInFlight.get());
    }

    @Test
    void workersDoNotTakeTheCallersContextClassLoaderOrThreadLocals() throws Exception {
        StrategyTable.Entry entry = register("ets", "1.0.0");
        ClassLoader callers = new URLClassLoader(new URL[0], null);
        InheritableThreadLocal<String> request = new InheritableThreadLocal<>();
        Thread caller = Thread.currentThread();
        ClassLoader before = caller.getContextClassLoader();
        caller.setContextClassLoader(callers);
        request.set("caller's request");
        try {
            Object[] seen = call(entry, Duration.ofSeconds(5), strategy ->
                    new Object[] {Thread.currentThread().getContextClassLoader(), request.get()});
            assertSame(ProtectedCalls.class.getClassLoader(), seen[0]);
            assertEquals(null, seen[1]);
        } finally {
            caller.setContextClassLoader(before);
            request.remove();
        }
    }

    @Test
    void exceptionBecomesACallFailureNamingTheStrategy() {
        StrategyTable.Entry entry = register("ets", "1.0.0");
        IllegalStateException boom = new IllegalStateException("boom");
        StrategyCallException failure = assertThrows(StrategyCallException.class,
                () -> call(entry, Duration.ofSeconds(5), strategy -> {
                    throw boom;
                }));
        assertEquals("forecasting/ets@1.0.0 failed: java.lang.IllegalStateException: boom", failure.getMessage());
        assertSame(boom, failure.getCause());
        assertEquals(1, entry.health.snapshot().failures());
        assertEquals(failure.getMessage(), entry.health.snapshot().lastError());
    }

    @Test
    void hungStrategyMissesItsDeadlineAndTheCallerGoesOn() {
        StrategyTable.Entry entry = register("ets", "1.0.0");
        long start = System.nanoTime();
        StrategyCallException late = assertThrows(StrategyCallException.class,
                () -> call(entry, Duration.ofMillis(100), strategy -> {
                    neverReleased.await();
                    return 1;
                }));
        long waitedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertTrue(waitedMillis >= 90 && waitedMillis < 2_000, "waited " + waitedMillis + " ms");
        assertEquals("forecasting/ets@1.0.0 missed its deadline of 100 ms", late.getMessage());
    }

    @Test
    void rejectedInputIsTheCallersErrorAndNotCounted() {
        StrategyTable.Entry entry = register("ets", "1.0.0");
        ValidationException rejected = new ValidationException("horizon", "0 must be at least 1");
        assertSame(rejected, assertThrows(ValidationException.class,
                () -> call(entry, Duration.ofSeconds(5), strategy -> {
                    throw rejected;
                })));
        assertEquals(0, entry.health.snapshot().failures());
    }

    @Test
    void repeatedFailuresTakeAStrategyOutOfRoutingUntilTheCooldownEnds() throws Exception {
        StrategyTable.Entry older = register("ets", "1.0.0");
        StrategyTable.Entry broken = register("ets", "2.0.0");
        assertSame(broken, table.resolve(Family.FORECASTING, "ets"));
        for (int i = 0; i < 3; i++) {
            assertThrows(StrategyCallException.class, () -> call(broken, Duration.ofSeconds(5), strategy -> {
                throw new ArithmeticException("NaN everywhere");
            }));
        }
        assertTrue(broken.health.snapshot().outOfRouting());
        assertSame(older, table.resolve(Family.FORECASTING, "ets"), "the older version serves meanwhile");
        StrategyNotFoundException none = assertThrows(StrategyNotFoundException.class,
                () -> table.resolve(Family.FORECASTING, "ets@[2,3)"));
        assertTrue(none.getMessage().contains("forecasting/ets@2.0.0 is out of routing after 3 failures in a row"),
                none.getMessage());

        Thread.sleep(300);
        assertSame(broken, table.resolve(Family.FORECASTING, "ets"), "after the cool-down it is tried again");
        assertEquals("ok", call(broken, Duration.ofSeconds(5), strategy -> "ok"));
        assertEquals(0, broken.health.snapshot().consecutiveFailures());
        assertFalse(broken.health.snapshot().outOfRouting());
    }
}

package io.mercator.platform.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mercator.api.Family;
import io.mercator.api.StrategyDescriptor;
import io.mercator.api.ValidationException;
import io.mercator.api.runtime.StrategyInfo;
import io.mercator.api.runtime.StrategyNotFoundException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class StrategyTableTest {

    private final AtomicLong serviceIds = new AtomicLong();

    private StrategyTable.Entry entry(Family family, String name, String version, long bundleId) {
        StrategyDescriptor descriptor = StrategyDescriptor.builder(family, name, version).build();
        return new StrategyTable.Entry(descriptor, new Object(), bundleId, "bundle" + bundleId, version,
                serviceIds.incrementAndGet());
    }

    @Test
    void nameAloneSelectsTheHighestVersion() {
        StrategyTable table = new StrategyTable(0);
        table.add(entry(Family.FORECASTING, "ets", "1.2.0", 1));
        StrategyTable.Entry newest = entry(Family.FORECASTING, "ets", "2.0.1", 2);
        table.add(newest);
        table.add(entry(Family.FORECASTING, "ets", "1.9.9", 3));
        assertSame(newest, table.resolve(Family.FORECASTING, "ets"));
    }

    @Test
    void versionRangeSelectsTheHighestVersionInside() {
        StrategyTable table = new StrategyTable(0);
        StrategyTable.Entry v1 = entry(Family.FORECASTING, "ets", "1.5.0", 1);
        table.add(entry(Family.FORECASTING, "ets", "1.2.0", 1));
        table.add(v1);
        table.add(entry(Family.FORECASTING, "ets", "2.0.0", 2));
        assertSame(v1, table.resolve(Family.FORECASTING, "ets@[1,2)"));
        assertEquals("2.0.0", table.resolve(Family.FORECASTING, "ets@1.6").descriptor.version());
    }

    @Test
    void noMatchNamesTheRegisteredVersions() {
        StrategyTable table = new StrategyTable(0);
        table.add(entry(Family.FORECASTING, "ets", "1.2.0", 1));
        StrategyNotFoundException error = assertThrows(StrategyNotFoundException.class,
                () -> table.resolve(Family.FORECASTING, "ets@[2,3)"));
        assertEquals("no such strategy: forecasting/ets@[2,3) (registered versions of ets: 1.2.0)",
                error.getMessage());
        StrategyNotFoundException otherFamily = assertThrows(StrategyNotFoundException.class,
                () -> table.resolve(Family.PRICING, "ets"));
        assertTrue(otherFamily.getMessage().contains("no strategy of this family is registered"),
                otherFamily.getMessage());
    }

    @Test
    void malformedSpecsAreValidationErrors() {
        StrategyTable table = new StrategyTable(0);
        ValidationException badName = assertThrows(ValidationException.class,
                () -> table.resolve(Family.FORECASTING, "ETS"));
        assertEquals("strategy", badName.field());
        ValidationException badRange = assertThrows(ValidationException.class,
                () -> table.resolve(Family.FORECASTING, "ets@[2,"));
        assertTrue(badRange.getMessage().contains("version range"), badRange.getMessage());
    }

    @Test
    void defaultIsTheConfiguredSpecOrTheOnlyStrategy() {
        StrategyTable table = new StrategyTable(0);
        StrategyTable.Entry naive = entry(Family.FORECASTING, "naive", "1.0.0", 1);
        table.add(naive);
        assertSame(naive, table.resolve(Family.FORECASTING, ""));

        StrategyTable.Entry ets = entry(Family.FORECASTING, "ets", "1.0.0", 2);
        table.add(ets);
        StrategyNotFoundException ambiguous = assertThrows(StrategyNotFoundException.class,
                () -> table.resolve(Family.FORECASTING, ""));
        assertTrue(ambiguous.getMessage().contains("several are registered: ets, naive"), ambiguous.getMessage());

        table.setDefault(Family.FORECASTING, StrategySpec.parse("ets"));
        assertSame(ets, table.resolve(Family.FORECASTING, " "));
        List<StrategyInfo> listed = table.list(Family.FORECASTING);
        assertEquals(List.of("ets", "naive"), listed.stream().map(i -> i.descriptor().name()).toList());
        assertEquals(List.of(true, false), listed.stream().map(StrategyInfo::isDefault).toList());

        table.setDefaults(Map.of());
        assertThrows(StrategyNotFoundException.class, () -> table.resolve(Family.FORECASTING, ""));
    }

    @Test
    void callerWaitsForAStrategyBeingRedeployed() throws Exception {
        StrategyTable table = new StrategyTable(5_000);
        StrategyTable.Entry v1 = entry(Family.FORECASTING, "snaive", "1.0.0", 7);
        table.add(v1);
        table.remove(v1, true);
        CompletableFuture<StrategyTable.Entry> caller =
                CompletableFuture.supplyAsync(() -> table.await(Family.FORECASTING, "snaive"));
        Thread.sleep(100);
        assertFalse(caller.isDone(), "the caller must wait while the bundle is being updated");
        StrategyTable.Entry v2 = entry(Family.FORECASTING, "snaive", "2.0.0", 7);
        table.add(v2);
        assertSame(v2, caller.get(2, TimeUnit.SECONDS));
    }

    @Test
    void waitingEndsAtOnceWhenTheBundleIsUninstalled() throws Exception {
        StrategyTable table = new StrategyTable(60_000);
        StrategyTable.Entry v1 = entry(Family.FORECASTING, "snaive", "1.0.0", 7);
        table.add(v1);
        table.remove(v1, true);
        CompletableFuture<StrategyTable.Entry> caller =
                CompletableFuture.supplyAsync(() -> table.await(Family.FORECASTING, "snaive"));
        Thread.sleep(50);
        long start = System.nanoTime();
        table.bundleUninstalled(7);
        Exception failure = assertThrows(Exception.class, () -> caller.get(2, TimeUnit.SECONDS));
        assertTrue(failure.getCause() instanceof StrategyNotFoundException, failure.toString());
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(1));
    }

    @Test
    void waitingEndsAfterTheGracePeriod() {
        StrategyTable table = new StrategyTable(200);
        StrategyTable.Entry v1 = entry(Family.FORECASTING, "snaive", "1.0.0", 7);
        table.add(v1);
        table.remove(v1, true);
        long start = System.nanoTime();
        assertThrows(StrategyNotFoundException.class, () -> table.await(Family.FORECASTING, "snaive"));
        long waitedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertTrue(waitedMillis >= 150 && waitedMillis < 2_000, "waited " + waitedMillis + " ms");
    }

    @Test
    void removalOfAnUninstalledBundleFailsCallsImmediately() {
        StrategyTable table = new StrategyTable(60_000);
        StrategyTable.Entry v1 = entry(Family.FORECASTING, "snaive", "1.0.0", 7);
        table.add(v1);
        table.remove(v1, false);
        long start = System.nanoTime();
        assertThrows(StrategyNotFoundException.class, () -> table.await(Family.FORECASTING, "snaive"));
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(1));
    }
}

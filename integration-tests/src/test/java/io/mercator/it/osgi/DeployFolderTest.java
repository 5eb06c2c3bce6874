package io.mercator.it.osgi;

import static io.mercator.it.osgi.Frameworks.V1_FORECAST;
import static io.mercator.it.osgi.Frameworks.V2_FORECAST;
import static io.mercator.it.osgi.Frameworks.awaitTrue;
import static io.mercator.it.osgi.Frameworks.forecastNext;
import static io.mercator.it.osgi.Frameworks.registeredVersion;
import static io.mercator.it.osgi.PlatformOptions.sampleV1;
import static io.mercator.it.osgi.PlatformOptions.sampleV2;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.mercator.api.runtime.StrategyNotFoundException;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerMethod;

/** Hot deployment through the deploy folder that FileInstall watches, as an operator does it. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerMethod.class)
public class DeployFolderTest extends PlatformTest {

    private static final long TIMEOUT_MS = 15_000;

    private Path deployed() {
        return Path.of(context.getProperty("felix.fileinstall.dir"), "seasonal-naive.jar");
    }

    /** Copies under a hidden name first and renames, so FileInstall never sees a half-written jar. */
    private void deploy(File jar) throws IOException {
        Path target = deployed();
        Path hidden = target.resolveSibling(".seasonal-naive.jar.tmp");
        Files.copy(jar.toPath(), hidden, StandardCopyOption.REPLACE_EXISTING);
        Files.move(hidden, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    @Test
    public void jarDroppedReplacedAndDeletedInTheDeployFolder() throws Exception {
        deploy(sampleV1());
        awaitTrue("v1 to be registered", TIMEOUT_MS, () -> "1.0.0".equals(registeredVersion(registry, "seasonal-naive")));
        assertEquals(V1_FORECAST, forecastNext(registry, "seasonal-naive"), 1e-12);

        deploy(sampleV2());
        awaitTrue("v2 to replace v1", TIMEOUT_MS, () -> "2.0.0".equals(registeredVersion(registry, "seasonal-naive")));
        assertEquals(V2_FORECAST, forecastNext(registry, "seasonal-naive"), 1e-12);

        Files.delete(deployed());
        awaitTrue("the strategy to be removed", TIMEOUT_MS, () -> registeredVersion(registry, "seasonal-naive") == null);
        StrategyNotFoundException gone = Frameworks.expectThrows(StrategyNotFoundException.class,
                () -> forecastNext(registry, "seasonal-naive"));
        assertTrue(gone.getMessage(), gone.getMessage().startsWith("no such strategy: forecasting/seasonal-naive"));
    }

    @Test
    public void swapsUnderConcurrentCallersFailNoCall() throws Exception {
        deploy(sampleV1());
        awaitTrue("v1 to be registered", TIMEOUT_MS, () -> registeredVersion(registry, "seasonal-naive") != null);

        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong calls = new AtomicLong();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        ExecutorService callers = Executors.newFixedThreadPool(2);
        List<Future<?>> loops = new ArrayList<>();
        for (int c = 0; c < 2; c++) {
            loops.add(callers.submit(() -> {
                while (running.get()) {
                    try {
                        double next = forecastNext(registry, "seasonal-naive");
                        if (next != V1_FORECAST && next != V2_FORECAST) {
                            failures.add("wrong forecast " + next);
                        }
                        calls.incrementAndGet();
                    } catch (RuntimeException | LinkageError e) {
                        failures.add(e.toString());
                    }
                }
            }));
        }
        try {
            int swaps = 10;
            for (int swap = 1; swap <= swaps; swap++) {
                String expected = swap % 2 == 1 ? "2.0.0" : "1.0.0";
                deploy(swap % 2 == 1 ? sampleV2() : sampleV1());
                awaitTrue("swap " + swap + " to " + expected, TIMEOUT_MS,
                        () -> expected.equals(registeredVersion(registry, "seasonal-naive")));
                long before = calls.get();
                awaitTrue("calls to go on after swap " + swap, TIMEOUT_MS, () -> calls.get() > before + 10);
            }
        } finally {
            running.set(false);
            for (Future<?> loop : loops) {
                loop.get(30, TimeUnit.SECONDS);
            }
            callers.shutdownNow();
        }
        assertEquals("failed calls during swaps, first ones: " + failures.stream().limit(3).toList(),
                0, failures.size());
        assertTrue("too few calls were made: " + calls.get(), calls.get() > 100);
    }
}

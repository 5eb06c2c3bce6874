package io.mercator.benchmarks;

import io.mercator.api.Family;
import io.mercator.api.Parameters;
import io.mercator.api.TrainingContext;
import io.mercator.api.forecasting.ForecastStrategy;
import io.mercator.api.forecasting.SeriesSet;
import io.mercator.api.runtime.StrategyLease;
import io.mercator.api.runtime.StrategyRegistry;
import io.mercator.launcher.Home;
import io.mercator.launcher.MercatorServer;
import io.mercator.launcher.Settings;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The foundation's figures, measured on fresh installations from the distribution archive:
 * <ol>
 * <li>cold start of {@code bin/mercator start} to "all strategies registered" (separate processes);</li>
 * <li>heap used by the idle runtime after a full GC ({@code jcmd});</li>
 * <li>hot-deploy latency from the jar landing in {@code deploy/} to the strategy answering a call;</li>
 * <li>update swaps under two concurrent callers: swap latency and failed calls.</li>
 * </ol>
 * Output goes to stdout: this is a command-line tool.
 */
public final class DeploymentBenchmark {

    private static final Pattern STARTED = Pattern.compile("Mercator started in (\\d+) ms: (\\d+) bundles, (\\d+) strategies");
    private static final Pattern HEAP_USED = Pattern.compile("total (\\d+)K, used (\\d+)K");
    private static final String STRATEGY = "seasonal-naive";
    private static final SeriesSet SERIES = SeriesSet.builder(4)
            .add("sku-1", 10, 20, 30, 40, 12, 22, 32, 42, 14, 24, 34, 44).build();

    private DeploymentBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path distribution = Path.of(args[0]).toAbsolutePath(); // the distribution archive
        int swaps = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        System.out.printf(Locale.ROOT, "Mercator deployment benchmark on %d cores, %s%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.version"));
        coldStarts(distribution, 5);
        inProcess(distribution, 20, swaps);
    }

    /** Starts the distribution in fresh homes as separate processes; the last one is also weighed. */
    private static void coldStarts(Path distribution, int runs) throws Exception {
        List<Long> reported = new ArrayList<>();
        List<Long> wall = new ArrayList<>();
        String lastLine = "";
        for (int run = 0; run < runs; run++) {
            Path home = copyOf(distribution);
            long spawned = System.nanoTime();
            Process server = new ProcessBuilder(home.resolve("bin/mercator").toString(), "start", "--port", "0")
                    .redirectErrorStream(true).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
            Matcher started = null;
            for (String line; (line = out.readLine()) != null; ) {
                Matcher m = STARTED.matcher(line);
                if (m.find()) {
                    started = m;
                    lastLine = line.substring(line.indexOf("Mercator started"));
                    break;
                }
            }
            if (started == null) {
                throw new IllegalStateException("the server ended without reporting its start");
            }
            wall.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - spawned));
            reported.add(Long.parseLong(started.group(1)));
            Thread drain = new Thread(() -> out.lines().forEach(line -> { }), "drain");
            drain.setDaemon(true);
            drain.start();
            if (run == runs - 1) {
                Thread.sleep(5_000);
                idleHeap(server.pid());
            }
            Process stop = new ProcessBuilder(home.resolve("bin/mercator").toString(), "stop").inheritIO().start();
            stop.waitFor(60, TimeUnit.SECONDS);
            if (!server.waitFor(60, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
            deleteTree(home);
        }
        System.out.println("last start: " + lastLine);
        System.out.println("cold start to all strategies registered, as the server reports it (JVM start to ready), ms: "
                + summary(reported));
        System.out.println("cold start, process spawn to the log line, ms: " + summary(wall));
    }

    private static void idleHeap(long pid) throws IOException, InterruptedException {
        run("jcmd", Long.toString(pid), "GC.run");
        String info = run("jcmd", Long.toString(pid), "GC.heap_info");
        Matcher m = HEAP_USED.matcher(info);
        if (m.find()) {
            System.out.printf(Locale.ROOT, "idle heap after full GC: %.1f MB used of %.1f MB committed%n",
                    Long.parseLong(m.group(2)) / 1024.0, Long.parseLong(m.group(1)) / 1024.0);
        } else {
            System.out.println("idle heap: jcmd gave no heap figure:\n" + info);
        }
        String rss = run("ps", "-o", "rss=", "-p", Long.toString(pid)).trim();
        System.out.printf(Locale.ROOT, "idle resident set: %.1f MB%n", Long.parseLong(rss) / 1024.0);
    }

    /** Runs the server inside this JVM to call strategies while jars come and go. */
    private static void inProcess(Path distribution, int deployRuns, int swaps) throws Exception {
        Path home = copyOf(distribution);
        System.setProperty("mercator.logs", home.resolve("logs").toString());
        System.setProperty("logback.configurationFile", home.resolve("conf/logback-benchmark.xml").toString());
        Files.writeString(home.resolve("conf/logback-benchmark.xml"),
                "<configuration><root level=\"WARN\"/></configuration>");
        Home mercatorHome = new Home(home);
        MercatorServer server = new MercatorServer(mercatorHome, Settings.load(mercatorHome), 0, false);
        server.start();
        try {
            StrategyRegistry registry = server.registry();
            Path v1 = sample(home, "1.0.0");
            Path v2 = sample(home, "2.0.0");
            Path deployed = home.resolve("deploy/seasonal-naive.jar");

            List<Long> deployMicros = new ArrayList<>();
            for (int run = 0; run < deployRuns; run++) {
                long t0 = System.nanoTime();
                moveIntoPlace(v1, deployed);
                awaitTrue(() -> callSucceeds(registry));
                deployMicros.add(TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - t0));
                Files.delete(deployed);
                awaitTrue(() -> registeredVersion(registry) == null);
            }
            System.out.println("hot deploy, jar moved into deploy/ to first successful call, ms: " + summaryMillis(deployMicros));

            moveIntoPlace(v1, deployed);
            awaitTrue(() -> callSucceeds(registry));
            AtomicBoolean calling = new AtomicBoolean(true);
            AtomicLong calls = new AtomicLong();
            AtomicLong failures = new AtomicLong();
            AtomicLong slowestCallNanos = new AtomicLong();
            List<Thread> callers = new ArrayList<>();
            for (int c = 0; c < 2; c++) {
                Thread caller = new Thread(() -> {
                    while (calling.get()) {
                        long start = System.nanoTime();
                        if (callSucceeds(registry)) {
                            calls.incrementAndGet();
                        } else {
                            failures.incrementAndGet();
                        }
                        slowestCallNanos.accumulateAndGet(System.nanoTime() - start, Math::max);
                    }
                }, "caller-" + c);
                caller.start();
                callers.add(caller);
            }
            List<Long> swapMicros = new ArrayList<>();
            long swapStart = System.nanoTime();
            for (int swap = 1; swap <= swaps; swap++) {
                String expected = swap % 2 == 1 ? "2.0.0" : "1.0.0";
                long t0 = System.nanoTime();
                moveIntoPlace(swap % 2 == 1 ? v2 : v1, deployed);
                awaitTrue(() -> expected.equals(registeredVersion(registry)));
                swapMicros.add(TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - t0));
            }
            double seconds = (System.nanoTime() - swapStart) / 1e9;
            calling.set(false);
            for (Thread caller : callers) {
                caller.join();
            }
            System.out.println(swaps + " update swaps, jar replaced to new version registered, ms: " + summaryMillis(swapMicros));
            System.out.printf(Locale.ROOT, "calls during the swaps: %d succeeded, %d failed (%.0f calls/s, slowest %.1f ms)%n",
                    calls.get(), failures.get(), calls.get() / seconds, slowestCallNanos.get() / 1e6);
        } finally {
            server.stop("benchmark done");
            deleteTree(home);
        }
    }

    private static boolean callSucceeds(StrategyRegistry registry) {
        try (StrategyLease<ForecastStrategy> lease = registry.acquire(ForecastStrategy.class, STRATEGY)) {
            ForecastStrategy strategy = lease.strategy();
            double next = strategy.fit(SERIES, Parameters.defaults(strategy.descriptor().parameters()),
                    TrainingContext.none()).forecast("sku-1", 1, 95).mean(0);
            return next == 14 || next == 13;
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    private static String registeredVersion(StrategyRegistry registry) {
        return registry.list(Family.FORECASTING).stream().filter(i -> i.descriptor().name().equals(STRATEGY))
                .map(i -> i.descriptor().version()).findFirst().orElse(null);
    }

    private static Path sample(Path home, String version) throws IOException {
        try (Stream<Path> samples = Files.list(home.resolve("samples"))) {
            return samples.filter(p -> p.getFileName().toString().contains(version) && p.toString().endsWith(".jar"))
                    .findFirst().orElseThrow(() -> new IllegalStateException("no sample jar of version " + version));
        }
    }

    private static void moveIntoPlace(Path jar, Path target) throws IOException {
        Path hidden = target.resolveSibling("." + target.getFileName() + ".tmp");
        Files.copy(jar, hidden, StandardCopyOption.REPLACE_EXISTING);
        Files.move(hidden, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out after 30 s");
            }
            Thread.sleep(1);
        }
    }

    /** Unpacks the distribution archive into a new folder: a fresh installation. */
    private static Path copyOf(Path archive) throws IOException, InterruptedException {
        Path home = Files.createTempDirectory("mercator-bench");
        run("tar", "-xzf", archive.toString(), "-C", home.toString(), "--strip-components=1");
        return home;
    }

    private static void deleteTree(Path root) throws IOException, InterruptedException {
        run("rm", "-rf", root.toString());
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + output);
        }
        return output;
    }

    private static String summary(List<Long> values) {
        long[] sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
        return String.format(Locale.ROOT, "median %d, min %d, max %d (n=%d) %s", sorted[sorted.length / 2],
                sorted[0], sorted[sorted.length - 1], sorted.length, Arrays.toString(values.toArray()));
    }

    private static String summaryMillis(List<Long> micros) {
        double[] sorted = micros.stream().mapToDouble(m -> m / 1000.0).sorted().toArray();
        return String.format(Locale.ROOT, "median %.0f, p90 %.0f, min %.0f, max %.0f (n=%d)",
                sorted[sorted.length / 2], sorted[(int) Math.floor(0.9 * (sorted.length - 1))], sorted[0],
                sorted[sorted.length - 1], sorted.length);
    }
}

package io.mercator.benchmarks;

import io.mercator.api.Family;
import io.mercator.api.forecasting.Forecast;
import io.mercator.api.forecasting.SeriesSet;
import io.mercator.boot.FrameworkBoot;
import io.mercator.embedded.Mercator;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.felix.framework.Felix;
import org.slf4j.LoggerFactory;

/**
 * Embedded start-up: a host process builds an embedded Mercator in a fresh home and forecasts with
 * the default strategy. Each run is a fresh JVM whose class path is only what a host gets from
 * the {@code mercator-embedded} dependency (embedded, boot, API, Felix, SLF4J API). Reports the
 * median, minimum and maximum of: {@code build()} to its return, {@code build()} to the first
 * answered forecast, and JVM start to the first answered forecast.
 */
public final class EmbeddedBenchmark {

    private static final Pattern TIMES = Pattern.compile("built_ms=(\\d+) first_forecast_ms=(\\d+) from_jvm_start_ms=(\\d+)");

    private EmbeddedBenchmark() {
    }

    /**
     * @param args the distribution archive (unused: the runtime comes from the mercator-embedded
     *     jar), then the number of runs (7 by default)
     */
    public static void main(String[] args) throws Exception {
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        String classPath = String.join(File.pathSeparator, jarOf(EmbeddedBenchmark.class), jarOf(Mercator.class),
                jarOf(FrameworkBoot.class), jarOf(Family.class), jarOf(Felix.class), jarOf(LoggerFactory.class));
        System.out.printf(Locale.ROOT, "Mercator embedded start-up on %d cores, %s, %d fresh JVMs%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.version"), runs);
        List<long[]> times = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            Path home = Files.createTempDirectory("mercator-embedded-");
            try {
                Process host = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp", classPath, Host.class.getName(), home.toString())
                        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
                String out = new String(host.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (host.waitFor() != 0) {
                    throw new IllegalStateException("run " + (run + 1) + " failed: " + out);
                }
                Matcher m = TIMES.matcher(out);
                if (!m.find()) {
                    throw new IllegalStateException("run " + (run + 1) + " printed no times: " + out);
                }
                long[] t = {Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), Long.parseLong(m.group(3))};
                times.add(t);
                System.out.printf(Locale.ROOT, "run %d: build() %d ms, build() to first forecast %d ms, JVM start to first "
                        + "forecast %d ms%n", run + 1, t[0], t[1], t[2]);
            } finally {
                delete(home);
            }
        }
        String[] names = {"build() returns", "build() to first answered forecast", "JVM start to first answered forecast"};
        for (int k = 0; k < names.length; k++) {
            final int column = k;
            long[] sorted = times.stream().mapToLong(t -> t[column]).sorted().toArray();
            System.out.printf(Locale.ROOT, "%-38s median %5d ms  (min %d, max %d)%n", names[k],
                    sorted[sorted.length / 2], sorted[0], sorted[sorted.length - 1]);
        }
    }

    /** The host: what an ERP's first call costs. Prints one line of times. */
    public static final class Host {

        private Host() {
        }

        public static void main(String[] args) {
            SeriesSet.Builder builder = SeriesSet.builder(7);
            double[] days = new double[8 * 7];
            for (int d = 0; d < days.length; d++) {
                days[d] = 20 + 10 * (d % 7) + (d * 7919 % 5);
            }
            SeriesSet sales = builder.add("store1/sku1", days).build();
            long begin = System.nanoTime();
            try (Mercator mercator = Mercator.builder().home(Path.of(args[0])).build()) {
                long built = System.nanoTime();
                Map<String, Forecast> forecast = mercator.forecast("", sales, 7, 80);
                long answered = System.nanoTime();
                if (forecast.get("store1/sku1").horizon() != 7) {
                    throw new IllegalStateException("unexpected forecast " + forecast);
                }
                long sinceJvmStart = System.currentTimeMillis()
                        - java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
                System.out.printf(Locale.ROOT, "built_ms=%d first_forecast_ms=%d from_jvm_start_ms=%d%n",
                        (built - begin) / 1_000_000, (answered - begin) / 1_000_000, sinceJvmStart);
            }
        }
    }

    private static String jarOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void delete(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

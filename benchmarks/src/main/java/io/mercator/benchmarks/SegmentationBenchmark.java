package io.mercator.benchmarks;

import io.mercator.api.segmentation.CustomerFeatures;
import io.mercator.platform.evaluation.segmentation.SegmentationMetrics;
import io.mercator.platform.evaluation.segmentation.TransactionsCsv;
import io.mercator.plugins.segmentation.clustering.Agglomerative;
import io.mercator.plugins.segmentation.clustering.KMeans;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/**
 * The segmentation family's figures against scikit-learn's {@code KMeans} (Debian
 * {@code python3-sklearn}, run by {@code benchmarks/segmentation/kmeans_sklearn.py}):
 * <ol>
 * <li>quality parity: within-cluster sum of squares on the standardised log RFM features of
 * {@code online-retail-uci} (as of 2011-12-10), same k and number of restarts, and Ward
 * clustering of the first 500 of those customers against scipy's {@code linkage};</li>
 * <li>speed: k-means on {@code points x dimensions} overlapping Gaussian blobs (default 1,000,000 x 10,
 * k = 8, one restart), ten seeded runs per side, Mercator's and scikit-learn's runs taking turns
 * so that both see the same load on a shared machine. Wall and CPU time (of the whole process, all
 * threads), iterations and WCSS are printed for both. The iteration count depends on the seed much
 * more than on the implementation (from 5 to 80 on these blobs), so every seed is also run from the
 * same k-means++ centroids on both sides, which then take the same iterations to the same WCSS.</li>
 * </ol>
 * Arguments after the distribution archive (unused): [data folder] [points] [dimensions] [k]
 * [restarts]. Output goes to stdout: this is a command-line tool.
 */
public final class SegmentationBenchmark {

    private static final String PYTHON = "/usr/bin/python3";
    private static final long SEED = 42;
    /** Seeded runs per side: the iteration count, and so the time, depends on the seed. */
    private static final int RUNS = 10;

    private SegmentationBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args.length > 1 ? args[1] : "../shared/data");
        int points = args.length > 2 ? Integer.parseInt(args[2]) : 1_000_000;
        int dimensions = args.length > 3 ? Integer.parseInt(args[3]) : 10;
        int k = args.length > 4 ? Integer.parseInt(args[4]) : 8;
        int restarts = args.length > 5 ? Integer.parseInt(args[5]) : 1;
        System.out.printf(Locale.ROOT, "Mercator segmentation benchmark on %d cores, %s%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.version"));
        parity(data.resolve("online-retail-uci/transactions.csv.gz"));
        speed(points, dimensions, k, restarts);
    }

    private static void wardParity(double[] points, int customers) throws IOException, InterruptedException {
        double[] first = Arrays.copyOf(points, customers * 3);
        System.out.printf(Locale.ROOT, "%nWard parity with scipy on the first %d of those customers%n", customers);
        int[] ks = {2, 3, 4, 5, 6, 7, 8};
        List<String> reference = python("ward_scipy.py", first, 3,
                Arrays.stream(ks).mapToObj(Integer::toString).toList());
        Agglomerative ward = Agglomerative.fit(first, 3, Agglomerative.Linkage.WARD);
        for (int i = 0; i < reference.size(); i++) {
            int[] theirs = Arrays.stream(reference.get(i).trim().split(" ")).mapToInt(Integer::parseInt).toArray();
            double agreement = SegmentationMetrics.adjustedRandIndex(ward.cut(ks[i]), theirs);
            System.out.printf(Locale.ROOT, "k = %d: adjusted Rand index %.6f%s%n", ks[i], agreement,
                    agreement == 1 ? " (identical partitions)" : "");
        }
    }

    private static void parity(Path file) throws IOException, InterruptedException {
        CustomerFeatures features = CustomerFeatures.of(TransactionsCsv.read(file).transactions(), "2011-12-10");
        int[] active = IntStream.range(0, features.size()).filter(features::isActive).toArray();
        double[] points = SegmentationMetrics.commonSpace(features, active);
        int restarts = 10;
        System.out.printf(Locale.ROOT, "%nWCSS parity on %s: %d customers x 3 standardised log RFM features, "
                + "%d restarts%n", file.getFileName(), active.length, restarts);
        System.out.printf(Locale.ROOT, "%3s %14s %14s %10s%n", "k", "Mercator WCSS", "sklearn WCSS", "ratio");
        KMeans kMeans = new KMeans(points, 3);
        try (Sklearn sklearn = Sklearn.start(points, 3)) {
            for (int k = 2; k <= 8; k++) {
                double ours = kMeans.fit(k, restarts, 300, SEED).inertia();
                Run theirs = sklearn == null ? null : sklearn.fit(k, restarts, SEED);
                System.out.printf(Locale.ROOT, "%3d %14.3f %14s %10s%n", k, ours,
                        theirs == null ? "-" : String.format(Locale.ROOT, "%.3f", theirs.inertia()),
                        theirs == null ? "-" : String.format(Locale.ROOT, "%.5f", ours / theirs.inertia()));
            }
        }
        wardParity(points, 500);
    }

    private static void speed(int n, int dimensions, int k, int restarts) throws IOException, InterruptedException {
        double[] points = blobs(n, dimensions, k);
        System.out.printf(Locale.ROOT, "%nk-means speed: %,d x %d overlapping Gaussian blobs (sd 2, centres uniform in [-5, 5]), "
                + "k = %d, %d restart(s), tolerance 1e-4 x mean variance, at most 300 iterations; "
                + "CPU = the process's CPU time over all threads (JIT and GC included on the Java side)%n",
                n, dimensions, k, restarts);
        KMeans kMeans = new KMeans(points, dimensions);
        try (Sklearn sklearn = Sklearn.start(points, dimensions)) {
            if (sklearn == null) {
                return;
            }
            System.out.println(sklearn.version);
            Path centres = Files.createTempFile("segmentation-centres", ".f64");
            try {
                Run[][] fromSeed = new Run[2][RUNS];
                Run[][] fromSameStart = new Run[2][RUNS];
                for (int run = 0; run < RUNS; run++) {
                    long seed = SEED + run + 1;
                    fromSeed[0][run] = Run.timed(() -> kMeans.fit(k, restarts, 300, seed));
                    fromSeed[1][run] = sklearn.fit(k, restarts, seed);
                    double[] start = kMeans.initialCentroids(k, seed);
                    write(start, centres);
                    fromSameStart[0][run] = Run.timed(() -> kMeans.fit(start, 300));
                    fromSameStart[1][run] = sklearn.start(k, centres);
                }
                report("Each side seeds its own k-means++ (restarts as given; iterations are the kept restart's); "
                        + "run 1 of Mercator includes the JIT's compilation", fromSeed, restarts == 1);
                report("One run from the same k-means++ centroids (Mercator's for that seed) on both sides", fromSameStart,
                        true);
            } finally {
                Files.deleteIfExists(centres);
            }
        }
    }

    /** @param perIteration whether the iterations are all the work (one restart), so that time per iteration means something */
    private static void report(String title, Run[][] runs, boolean perIteration) {
        System.out.printf(Locale.ROOT, "%n%s%n%4s | %8s %8s %5s %14s | %8s %8s %5s %14s%n", title, "seed",
                "wall s", "CPU s", "iter", "Mercator WCSS", "wall s", "CPU s", "iter", "sklearn WCSS");
        double[] wall = new double[2];
        double[] cpu = new double[2];
        int[] iterations = new int[2];
        for (int run = 0; run < runs[0].length; run++) {
            Run ours = runs[0][run];
            Run theirs = runs[1][run];
            System.out.printf(Locale.ROOT, "%4d | %8.3f %8.3f %5d %14.1f | %8.3f %8.3f %5d %14.1f%n", SEED + run + 1,
                    ours.wall(), ours.cpu(), ours.iterations(), ours.inertia(), theirs.wall(), theirs.cpu(),
                    theirs.iterations(), theirs.inertia());
            for (int side = 0; side < 2; side++) {
                wall[side] += runs[side][run].wall();
                cpu[side] += runs[side][run].cpu();
                iterations[side] += runs[side][run].iterations();
            }
        }
        System.out.printf(Locale.ROOT, "%4s | %8.3f %8.3f %5d %14s | %8.3f %8.3f %5d%n", "sum", wall[0], cpu[0],
                iterations[0], "", wall[1], cpu[1], iterations[1]);
        System.out.printf(Locale.ROOT, "sklearn / Mercator: wall %.2f, CPU %.2f%n", wall[1] / wall[0], cpu[1] / cpu[0]);
        if (perIteration) {
            System.out.printf(Locale.ROOT, "CPU per iteration: %.4f s (Mercator) against %.4f s (sklearn), ratio %.2f%n",
                    cpu[0] / iterations[0], cpu[1] / iterations[1],
                    (cpu[1] / iterations[1]) / (cpu[0] / iterations[0]));
        }
        // a seed can end in a poorer local optimum on either side: compare the typical and the best run
        System.out.printf(Locale.ROOT, "Mercator / sklearn WCSS: median %.5f, best %.5f%n",
                median(runs[0]) / median(runs[1]), best(runs[0]) / best(runs[1]));
    }

    private static double median(Run[] runs) {
        double[] inertia = Arrays.stream(runs).mapToDouble(Run::inertia).sorted().toArray();
        return (inertia[(inertia.length - 1) / 2] + inertia[inertia.length / 2]) / 2;
    }

    private static double best(Run[] runs) {
        return Arrays.stream(runs).mapToDouble(Run::inertia).min().orElseThrow();
    }

    /** One fit: wall and process CPU seconds, inertia, iterations. */
    private record Run(double wall, double cpu, double inertia, int iterations) {
        private static final com.sun.management.OperatingSystemMXBean SYSTEM =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

        static Run timed(Supplier<KMeans.Result> fit) {
            long cpu = SYSTEM.getProcessCpuTime();
            long wall = System.nanoTime();
            KMeans.Result result = fit.get();
            return new Run((System.nanoTime() - wall) / 1e9, (SYSTEM.getProcessCpuTime() - cpu) / 1e9,
                    result.inertia(), result.iterations());
        }

        /** @param answer "wall cpu inertia iterations" from kmeans_sklearn.py */
        static Run parse(String answer) {
            String[] fields = answer.trim().split(" ");
            return new Run(Double.parseDouble(fields[0]), Double.parseDouble(fields[1]), Double.parseDouble(fields[2]),
                    Integer.parseInt(fields[3]));
        }
    }

    /** {@code kmeans_sklearn.py} on one set of points, answering one request at a time. */
    private static final class Sklearn implements AutoCloseable {
        private final Process process;
        private final Path points;
        private final BufferedReader answers;
        private final Writer requests;
        final String version;

        private Sklearn(Process process, Path points) throws IOException {
            this.process = process;
            this.points = points;
            answers = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            requests = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
            version = answers.readLine();
        }

        /** @return the running script, or null (after saying why) when scikit-learn is not installed */
        static Sklearn start(double[] points, int dimensions) throws IOException {
            Path file = Files.createTempFile("segmentation-points", ".f64");
            write(points, file);
            Process process = new ProcessBuilder(PYTHON, script("kmeans_sklearn.py"), file.toString(),
                    Integer.toString(points.length / dimensions), Integer.toString(dimensions))
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            Sklearn sklearn = new Sklearn(process, file);
            if (sklearn.version == null) {
                System.out.println("kmeans_sklearn.py did not start (is python3-sklearn installed?); figures without it");
                sklearn.close();
                return null;
            }
            return sklearn;
        }

        Run fit(int k, int restarts, long seed) throws IOException {
            return ask("fit " + k + " " + restarts + " " + seed);
        }

        Run start(int k, Path centres) throws IOException {
            return ask("start " + k + " " + centres);
        }

        private Run ask(String request) throws IOException {
            requests.write(request + "\n");
            requests.flush();
            String answer = answers.readLine();
            if (answer == null) {
                throw new IOException("kmeans_sklearn.py stopped at: " + request);
            }
            return Run.parse(answer);
        }

        @Override
        public void close() throws IOException {
            requests.close();
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroy();
            }
            Files.deleteIfExists(points);
        }
    }

    private static String script(String name) {
        return Path.of("benchmarks/segmentation", name).toAbsolutePath().toString();
    }

    /** Writes little-endian doubles, as numpy's {@code fromfile(dtype="<f8")} reads them. */
    private static void write(double[] values, Path file) throws IOException {
        ByteBuffer bytes = ByteBuffer.allocate(values.length * Double.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asDoubleBuffer().put(values);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            channel.write(bytes);
        }
    }

    /** @return {@code n} points around {@code k} centres, row-major */
    private static double[] blobs(int n, int dimensions, int k) {
        Random random = new Random(SEED);
        double[] centres = new double[k * dimensions];
        for (int i = 0; i < centres.length; i++) {
            centres[i] = -5 + 10 * random.nextDouble();
        }
        double[] points = new double[n * dimensions];
        for (int i = 0; i < n; i++) {
            int centre = random.nextInt(k);
            for (int d = 0; d < dimensions; d++) {
                points[i * dimensions + d] = centres[centre * dimensions + d] + 2 * random.nextGaussian();
            }
        }
        return points;
    }

    /**
     * Runs {@code benchmarks/segmentation/SCRIPT POINTS.f64 N DIMENSIONS ARGUMENTS...} on the points.
     *
     * @return its output lines, or nothing when it fails (scikit-learn or scipy not installed)
     */
    private static List<String> python(String script, double[] points, int dimensions, List<String> arguments)
            throws IOException, InterruptedException {
        Path file = Files.createTempFile("segmentation-points", ".f64");
        try {
            write(points, file);
            List<String> command = new ArrayList<>(List.of(PYTHON, script(script), file.toString(),
                    Integer.toString(points.length / dimensions), Integer.toString(dimensions)));
            command.addAll(arguments);
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            List<String> lines = new ArrayList<>();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                out.lines().forEach(lines::add);
            }
            if (process.waitFor() != 0) {
                System.out.println(script + " failed (" + String.join(" ", lines) + "); figures without it");
                return List.of();
            }
            return lines;
        } finally {
            Files.deleteIfExists(file);
        }
    }
}

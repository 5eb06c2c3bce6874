package io.mercator.benchmarks;

import io.mercator.api.segmentation.CustomerFeatures;
import io.mercator.platform.evaluation.segmentation.SegmentationMetrics;
import io.mercator.platform.evaluation.segmentation.TransactionsCsv;
import io.mercator.plugins.segmentation.clustering.Agglomerative;
import io.mercator.plugins.segmentation.clustering.KMeans;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
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
import java.util.stream.IntStream;

/**
 * The segmentation family's figures against scikit-learn's {@code KMeans} (Debian
 * {@code python3-sklearn}, run by {@code benchmarks/segmentation/kmeans_sklearn.py}):
 * <ol>
 * <li>quality parity: within-cluster sum of squares on the standardised log RFM features of
 * {@code online-retail-uci} (as of 2011-12-10), same k and number of restarts, and Ward
 * clustering of the first 500 of those customers against scipy's {@code linkage};</li>
 * <li>speed: k-means on {@code points x dimensions} overlapping Gaussian blobs (default 1,000,000 x 10,
 * k = 8, one restart), five seeded runs per side in the same process run (the iteration count
 * depends on the seed, so compare time per iteration as well).</li>
 * </ol>
 * Arguments after the distribution archive (unused): [data folder] [points] [dimensions] [k]
 * [restarts]. Output goes to stdout: this is a command-line tool.
 */
public final class SegmentationBenchmark {

    private static final String PYTHON = "/usr/bin/python3";
    private static final long SEED = 42;
    /** Seeded runs per side: the iteration count, and so the time, depends on the seed. */
    private static final int RUNS = 5;

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
        List<String> reference = sklearn(points, 3, restarts, new int[] {2, 3, 4, 5, 6, 7, 8});
        System.out.printf(Locale.ROOT, "%3s %14s %14s %10s%n", "k", "Mercator WCSS", "sklearn WCSS", "ratio");
        KMeans kMeans = new KMeans(points, 3);
        for (int k = 2; k <= 8; k++) {
            double ours = kMeans.fit(k, restarts, 300, SEED).inertia();
            String theirs = reference.isEmpty() ? null : reference.get(k - 2).split(" ")[2];
            System.out.printf(Locale.ROOT, "%3d %14.3f %14s %10s%n", k, ours, theirs == null ? "-" : theirs,
                    theirs == null ? "-" : String.format(Locale.ROOT, "%.5f", ours / Double.parseDouble(theirs)));
        }
        wardParity(points, 500);
    }

    private static void speed(int n, int dimensions, int k, int restarts) throws IOException, InterruptedException {
        double[] points = blobs(n, dimensions, k);
        System.out.printf(Locale.ROOT, "%nk-means speed: %,d x %d overlapping Gaussian blobs (sd 2, centres uniform in [-5, 5]), "
                + "k = %d, %d restart(s)%n", n, dimensions, k, restarts);
        KMeans kMeans = new KMeans(points, dimensions);
        for (int run = 1; run <= RUNS; run++) {
            long start = System.nanoTime();
            KMeans.Result result = kMeans.fit(k, restarts, 300, SEED + run);
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "Mercator run %d: %.3f s, WCSS %.1f, %d iterations, %.3f s per iteration%n",
                    run, seconds, result.inertia(), result.iterations(), seconds / result.iterations());
        }
        int[] ks = new int[RUNS];
        Arrays.fill(ks, k);
        List<String> reference = sklearn(points, dimensions, restarts, ks);
        for (int run = 0; run < reference.size(); run++) {
            String[] fields = reference.get(run).split(" ");
            System.out.printf(Locale.ROOT, "sklearn run %d: %s s, WCSS %.1f, %s iterations, %.3f s per iteration%n",
                    run + 1, fields[1], Double.parseDouble(fields[2]), fields[3],
                    Double.parseDouble(fields[1]) / Integer.parseInt(fields[3]));
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

    /** @return one line "k seconds inertia iterations" per k, or nothing when scikit-learn is not installed */
    private static List<String> sklearn(double[] points, int dimensions, int restarts, int[] ks)
            throws IOException, InterruptedException {
        List<String> arguments = new ArrayList<>(List.of(Integer.toString(restarts), Long.toString(SEED)));
        for (int k : ks) {
            arguments.add(Integer.toString(k));
        }
        return python("kmeans_sklearn.py", points, dimensions, arguments);
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
            ByteBuffer bytes = ByteBuffer.allocate(points.length * Double.BYTES).order(ByteOrder.LITTLE_ENDIAN);
            bytes.asDoubleBuffer().put(points);
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                channel.write(bytes);
            }
            List<String> command = new ArrayList<>(List.of(PYTHON,
                    Path.of("benchmarks/segmentation", script).toAbsolutePath().toString(), file.toString(),
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

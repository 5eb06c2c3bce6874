package io.mercator.benchmarks;

import io.mercator.api.Family;
import io.mercator.api.TrainingContext;
import io.mercator.api.datasets.BadRowPolicy;
import io.mercator.api.datasets.DatasetInfo;
import io.mercator.api.datasets.FileSource;
import io.mercator.api.datasets.ImportOptions;
import io.mercator.api.segmentation.Transactions;
import io.mercator.platform.datasets.DatasetFolder;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Import throughput and memory: {@code online-retail-uci/transactions.csv.gz} (541,909 lines) as
 * the segmentation family's transactions, skipping and reporting the 135,080 lines without a
 * customer id, then opened as {@link Transactions}. Each of three runs is a fresh JVM with a small
 * heap (default {@code -Xmx64m}) so that a completed import shows that memory stays bounded; the
 * figures are rows read per second (wall clock, and per CPU second of the importing thread, which
 * a busy machine disturbs less) and the peak heap in use (all heap pools' peaks, summed, an upper
 * bound).
 * Arguments after the distribution archive (unused): [data file] [max heap, e.g. 64m] [runs].
 */
public final class ImportBenchmark {

    private static final int DEFAULT_RUNS = 3;

    private ImportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("--child")) {
            child(Path.of(args[1]));
            return;
        }
        Path data = Path.of(args.length > 1 ? args[1] : "../shared/data/online-retail-uci/transactions.csv.gz")
                .toAbsolutePath();
        String heap = args.length > 2 ? args[2] : "64m";
        int runs = args.length > 3 ? Integer.parseInt(args[3]) : DEFAULT_RUNS;
        System.out.printf(Locale.ROOT, "Mercator import benchmark on %d cores, %s; %s, child JVMs with -Xmx%s%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.version"), data, heap);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        for (int run = 1; run <= runs; run++) {
            Process child = new ProcessBuilder(java, "-Xmx" + heap, "-cp", System.getProperty("java.class.path"),
                    ImportBenchmark.class.getName(), "--child", data.toString()).inheritIO().start();
            int exit = child.waitFor();
            if (exit != 0) {
                System.out.println("run " + run + " failed with exit code " + exit);
                System.exit(exit);
            }
        }
    }

    private static void child(Path data) throws IOException {
        Path folder = Files.createTempDirectory("mercator-import-benchmark");
        try {
            DatasetFolder datasets = new DatasetFolder(folder);
            resetPeaks();
            long gcBefore = gcCount();
            long cpuBegin = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
            long begin = System.nanoTime();
            DatasetInfo info = datasets.importData(Family.SEGMENTATION, FileSource.of(data),
                    ImportOptions.builder().badRowPolicy(BadRowPolicy.SKIP_AND_REPORT).maxReportedRows(100).build(),
                    TrainingContext.none());
            double importSeconds = (System.nanoTime() - begin) / 1e9;
            double cpuSeconds = (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpuBegin) / 1e9;
            long importPeak = peakHeap();
            long gcs = gcCount() - gcBefore;
            resetPeaks();
            begin = System.nanoTime();
            Transactions transactions = datasets.open(info.id(), Transactions.class);
            double openSeconds = (System.nanoTime() - begin) / 1e9;
            long openPeak = peakHeap();
            long rowsRead = info.lastImport().rowsRead();
            System.out.printf(Locale.ROOT, "import: %,d rows read, %,d stored, %,d bad, in %.2f s = %,.0f rows/s"
                    + " (%,.0f rows per CPU second of the importing thread); peak heap %.1f MiB of %.0f MiB max,"
                    + " %d GCs; stored %,d bytes%n", rowsRead, info.rows(), info.lastImport().badRowCount(),
                    importSeconds, rowsRead / importSeconds, rowsRead / cpuSeconds, importPeak / 1048576.0, Runtime.getRuntime().maxMemory() / 1048576.0, gcs, info.sizeBytes());
            System.out.printf(Locale.ROOT, "open:   %,d transactions of %,d customers in %.2f s; peak heap %.1f MiB%n",
                    transactions.size(), transactions.customers().size(), openSeconds, openPeak / 1048576.0);
        } finally {
            deleteTree(folder);
        }
    }

    static void deleteTree(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            List<Path> all = new ArrayList<>(files.toList());
            Collections.reverse(all);
            for (Path path : all) {
                Files.deleteIfExists(path);
            }
        }
    }

    /** Starts measuring peak heap use from now (after a GC). */
    static void resetPeaks() {
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    /** @return the peak heap in use since {@link #resetPeaks()}: all heap pools' peaks, summed (an upper bound) */
    static long peakHeap() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(pool -> pool.getType() == MemoryType.HEAP)
                .mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
    }

    private static long gcCount() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionCount).sum();
    }
}

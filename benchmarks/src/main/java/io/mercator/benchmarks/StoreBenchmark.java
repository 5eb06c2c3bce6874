package io.mercator.benchmarks;

import com.zaxxer.hikari.HikariDataSource;
import io.mercator.api.Family;
import io.mercator.api.Model;
import io.mercator.api.Parameters;
import io.mercator.api.TrainingContext;
import io.mercator.api.filtering.Interactions;
import io.mercator.api.filtering.RecommenderModel;
import io.mercator.api.filtering.RecommenderStrategy;
import io.mercator.api.runtime.ModelStore;
import io.mercator.api.runtime.StoredModel;
import io.mercator.platform.store.FolderModelStore;
import io.mercator.platform.store.postgres.ConnectionPool;
import io.mercator.platform.store.postgres.PostgresModelStore;
import io.mercator.plugins.filtering.collaborative.BiasedMfStrategy;
import io.mercator.plugins.filtering.collaborative.ImplicitAlsStrategy;
import io.mercator.plugins.filtering.collaborative.ItemKnnStrategy;
import io.mercator.plugins.filtering.collaborative.PopularityStrategy;
import io.mercator.testing.postgres.PostgresServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Save and load times of the largest built-in model in each model store. The built-in filtering
 * strategies are fitted on all of MovieLens 100K and the one with the largest serialised model
 * is kept (the other families' models hold a few numbers per series, SKU or customer and are far
 * smaller on the shared data). Each store saves it and loads it back (open, checksum check,
 * {@code readModel}) repeatedly; a generated 64 MiB model shows throughput on bigger models.
 * The folder store writes under /tmp; the PostgreSQL store uses a private server with production
 * durability (fsync and synchronous commit on) on the same disk, over loopback TCP.
 *
 * <p>Arguments after the distribution archive (unused): [ratings.csv] [repetitions].
 * Output goes to stdout: this is a command-line tool.
 */
public final class StoreBenchmark {

    private static final int BIG_MODEL_BYTES = 64 << 20;

    private StoreBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path ratings = Path.of(args.length > 1 ? args[1] : "../shared/data/movielens-100k/ratings.csv");
        int repetitions = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        System.out.printf(Locale.ROOT, "Mercator model store benchmark on %d cores, %s; %d repetitions%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.version"), repetitions);

        Interactions movielens = read(ratings);
        RecommenderStrategy largestStrategy = null;
        RecommenderModel largest = null;
        long largestBytes = -1;
        for (RecommenderStrategy strategy : List.of(new PopularityStrategy(), new ItemKnnStrategy(),
                new BiasedMfStrategy(), new ImplicitAlsStrategy())) {
            RecommenderModel model = strategy.fit(movielens, Parameters.defaults(strategy.descriptor().parameters()),
                    TrainingContext.none());
            long bytes = serialisedBytes(model);
            System.out.printf(Locale.ROOT, "  %-12s model on %s: %,d bytes%n", strategy.descriptor().name(),
                    ratings.getFileName(), bytes);
            if (bytes > largestBytes) {
                largestStrategy = strategy;
                largest = model;
                largestBytes = bytes;
            }
        }
        System.out.printf(Locale.ROOT, "largest: %s (%,d bytes)%n%n", largestStrategy.descriptor().name(), largestBytes);
        System.out.printf(Locale.ROOT, "%-10s %-22s %12s %12s %12s %12s %10s%n", "store", "model", "save ms p50",
                "save ms min", "load ms p50", "load ms min", "MB/s save");

        Path folder = Files.createTempDirectory(Path.of("/tmp"), "mercator-store-benchmark-");
        try (PostgresServer server = PostgresServer.start(true);
                HikariDataSource pool = ConnectionPool.open(server.url(server.createDatabase("benchmark")),
                        server.user(), server.password(), 4)) {
            PostgresModelStore postgres = new PostgresModelStore(pool, "mercator", "benchmark");
            postgres.migrate();
            for (Map.Entry<String, ModelStore> store : List.of(
                    Map.entry("folder", (ModelStore) new FolderModelStore(folder)),
                    Map.entry("postgres", (ModelStore) postgres))) {
                RecommenderStrategy strategy = largestStrategy;
                measure(store.getKey(), store.getValue(), largestStrategy.descriptor().name(), largest, largestBytes,
                        in -> strategy.readModel(in), repetitions);
                measure(store.getKey(), store.getValue(), "generated 64 MiB", new GeneratedModel(), BIG_MODEL_BYTES,
                        StoreBenchmark::drain, Math.max(3, repetitions / 3));
            }
        } finally {
            try (Stream<Path> paths = Files.walk(folder)) {
                for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                    Files.delete(path);
                }
            }
        }
    }

    /** How a model's bytes are read back: the strategy's readModel, or simply to the end. */
    private interface Loader {
        Object load(InputStream in) throws IOException;
    }

    private static void measure(String storeName, ModelStore store, String modelName, Model model, long bytes,
            Loader loader, int repetitions) throws IOException {
        long[] saves = new long[repetitions];
        long[] loads = new long[repetitions];
        List<String> ids = new ArrayList<>();
        for (int warmUp = 0; warmUp < 2; warmUp++) {
            ids.add(store.save(Family.FILTERING, model, Map.of()).id());
        }
        for (int r = 0; r < repetitions; r++) {
            long started = System.nanoTime();
            StoredModel saved = store.save(Family.FILTERING, model, Map.of("repetition", Integer.toString(r)));
            saves[r] = System.nanoTime() - started;
            ids.add(saved.id());
            started = System.nanoTime();
            try (InputStream in = store.open(saved.id())) {
                if (loader.load(in) == null) {
                    throw new IllegalStateException("nothing loaded");
                }
            }
            loads[r] = System.nanoTime() - started;
        }
        for (String id : ids) {
            store.delete(id);
        }
        Arrays.sort(saves);
        Arrays.sort(loads);
        System.out.printf(Locale.ROOT, "%-10s %-22s %12.1f %12.1f %12.1f %12.1f %10.0f%n", storeName, modelName,
                saves[repetitions / 2] / 1e6, saves[0] / 1e6, loads[repetitions / 2] / 1e6, loads[0] / 1e6,
                bytes / 1e6 / (saves[repetitions / 2] / 1e9));
    }

    private static Object drain(InputStream in) throws IOException {
        long total = in.transferTo(OutputStream.nullOutputStream());
        if (total != BIG_MODEL_BYTES) {
            throw new IOException("read " + total + " bytes, expected " + BIG_MODEL_BYTES);
        }
        return total;
    }

    private static long serialisedBytes(Model model) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        model.writeTo(bytes);
        return bytes.size();
    }

    /** Reads user_id, item_id and rating by their header names. */
    private static Interactions read(Path file) throws IOException {
        Interactions.Builder builder = Interactions.builder();
        try (Reader reader = Files.newBufferedReader(file)) {
            for (CSVRecord row : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build()
                    .parse(reader)) {
                builder.add(row.get("user_id"), row.get("item_id"), Double.parseDouble(row.get("rating")));
            }
        }
        return builder.build();
    }

    /** 64 MiB of bytes that do not compress, generated once, written in 64 KiB blocks as a buffered stream would. */
    private static final class GeneratedModel implements Model {
        private final byte[] bytes = new byte[BIG_MODEL_BYTES];

        GeneratedModel() {
            long state = 42;
            for (int i = 0; i < bytes.length; i++) {
                state = state * 6364136223846793005L + 1442695040888963407L;
                bytes[i] = (byte) (state >>> 56);
            }
        }

        @Override
        public String strategyName() {
            return "generated";
        }

        @Override
        public String strategyVersion() {
            return "1.0.0";
        }

        @Override
        public void writeTo(OutputStream out) throws IOException {
            for (int offset = 0; offset < bytes.length; offset += 1 << 16) {
                out.write(bytes, offset, 1 << 16);
            }
        }
    }
}

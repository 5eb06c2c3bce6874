package io.mercator.platform.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mercator.api.Family;
import io.mercator.api.Model;
import io.mercator.api.ValidationException;
import io.mercator.api.runtime.ModelStore;
import io.mercator.api.runtime.StoredModel;
import io.mercator.platform.store.common.ModelIds;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.NoSuchFileException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ModelStore} promises, run against each implementation: a subclass says how
 * to open a store on its (per-test, empty) storage and how to damage a stored model. Published
 * in this module's test jar for the stores in other modules.
 */
public abstract class ModelStoreContract {

    /**
     * @return a store on this test's storage; every call opens another store on the same storage,
     *     as another start or another node would
     * @throws Exception when it cannot be opened
     */
    protected abstract ModelStore openStore() throws Exception;

    /**
     * Changes one byte of a stored model's bytes behind the store's back.
     *
     * @param model a stored model
     * @throws Exception when the storage cannot be changed
     */
    protected abstract void corrupt(StoredModel model) throws Exception;

    /**
     * Checks that the storage holds nothing of any model of a family, not even a partial write.
     *
     * @param family a family
     * @throws Exception when the storage cannot be read
     */
    protected abstract void assertNothingStored(Family family) throws Exception;

    /** A model whose bytes are given; optionally fails after writing half of them. */
    public record BytesModel(String strategyName, byte[] bytes, boolean failHalfway) implements Model {
        @Override
        public String strategyVersion() {
            return "1.2.0";
        }

        @Override
        public void writeTo(OutputStream out) throws IOException {
            out.write(bytes, 0, bytes.length / 2);
            if (failHalfway) {
                throw new IOException("disk full");
            }
            out.write(bytes, bytes.length / 2, bytes.length - bytes.length / 2);
        }
    }

    /**
     * @param size how many bytes
     * @return bytes in a pattern that does not repeat within 256 bytes
     */
    public static byte[] bytes(int size) {
        byte[] bytes = new byte[size];
        for (int i = 0; i < size; i++) {
            bytes[i] = (byte) (i * 31 + 7 + i / 256);
        }
        return bytes;
    }

    @Test
    public void savedModelIsListedFoundAndReadBack() throws Exception {
        ModelStore store = openStore();
        byte[] bytes = bytes(3_000_000);
        Map<String, String> metadata = Map.of("dataset", "m3 monthly", "note", "ünïcödé, \"quoted\", new\nline");
        StoredModel saved = store.save(Family.FORECASTING, new BytesModel("ets", bytes, false), metadata);

        assertTrue(ModelIds.isId(saved.id()) && saved.id().startsWith("ets-"), saved.id());
        assertEquals(Family.FORECASTING, saved.family());
        assertEquals("ets", saved.strategyName());
        assertEquals("1.2.0", saved.strategyVersion());
        assertEquals(metadata, saved.metadata());
        assertEquals(3_000_000, saved.sizeBytes());
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)), saved.sha256());
        assertEquals(List.of(saved), store.list(Family.FORECASTING));
        assertEquals(List.of(), store.list(Family.PRICING));
        assertEquals(saved, store.find(saved.id()).orElseThrow());
        try (InputStream in = store.open(saved.id())) {
            assertArrayEquals(bytes, in.readAllBytes());
        }
        ModelStore another = openStore();
        assertEquals(List.of(saved), another.list(Family.FORECASTING), "another store on the same storage sees it");
        try (InputStream in = another.open(saved.id())) {
            assertArrayEquals(bytes, in.readAllBytes());
        }
    }

    @Test
    public void emptyModelIsStoredToo() throws Exception {
        ModelStore store = openStore();
        StoredModel saved = store.save(Family.PRICING, new BytesModel("log-log", new byte[0], false), Map.of());
        assertEquals(0, saved.sizeBytes());
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", saved.sha256());
        try (InputStream in = store.open(saved.id())) {
            assertEquals(-1, in.read());
        }
    }

    @Test
    public void listIsNewestFirstAndDeleteRemoves() throws Exception {
        ModelStore store = openStore();
        StoredModel first = store.save(Family.FILTERING, new BytesModel("item-knn", bytes(10), false), Map.of());
        Thread.sleep(5);
        StoredModel second = store.save(Family.FILTERING, new BytesModel("popularity", bytes(20), false), Map.of());
        Thread.sleep(5);
        StoredModel third = store.save(Family.FILTERING, new BytesModel("item-knn", bytes(30), false), Map.of());
        assertEquals(List.of(third, second, first), store.list(Family.FILTERING));

        assertTrue(store.delete(second.id()));
        assertFalse(store.delete(second.id()), "a second delete finds nothing");
        assertEquals(List.of(third, first), store.list(Family.FILTERING));
        assertTrue(store.find(second.id()).isEmpty());
        assertThrows(NoSuchFileException.class, () -> store.open(second.id()));
    }

    @Test
    public void unknownIdsAreNotFound() throws Exception {
        ModelStore store = openStore();
        for (String id : new String[] {"ets-20260101t000000z-0badf00d", "../../etc/passwd", "", "x'; DROP TABLE x;--"}) {
            assertTrue(store.find(id).isEmpty(), id);
            assertFalse(store.delete(id), id);
            NoSuchFileException missing = assertThrows(NoSuchFileException.class, () -> store.open(id));
            assertTrue(missing.getMessage().contains("no stored model with id '" + id + "'"), missing.getMessage());
        }
    }

    @Test
    public void failedWriteLeavesNothingBehind() throws Exception {
        ModelStore store = openStore();
        IOException failure = assertThrows(IOException.class,
                () -> store.save(Family.PRICING, new BytesModel("log-log", bytes(5_000_000), true), Map.of()));
        assertEquals("disk full", failure.getMessage());
        assertEquals(List.of(), store.list(Family.PRICING));
        assertNothingStored(Family.PRICING);
    }

    @Test
    public void corruptBytesAreRefusedWithTheModelNamed() throws Exception {
        ModelStore store = openStore();
        StoredModel saved = store.save(Family.SEGMENTATION, new BytesModel("kmeans", bytes(64), false), Map.of());
        corrupt(saved);
        IOException corrupt = assertThrows(IOException.class, () -> store.open(saved.id()));
        assertTrue(corrupt.getMessage().startsWith("stored model '" + saved.id() + "' is corrupt"), corrupt.getMessage());
    }

    @Test
    public void badStrategyNameIsRejected() throws Exception {
        ModelStore store = openStore();
        ValidationException bad = assertThrows(ValidationException.class,
                () -> store.save(Family.PRICING, new BytesModel("../evil", bytes(4), false), Map.of()));
        assertEquals("strategyName", bad.field());
        assertNothingStored(Family.PRICING);
    }

    /** Two stores (two nodes) save the same strategy's models at the same moments: every id differs. */
    @Test
    public void concurrentSavesFromTwoStoresAllLandWithDistinctIds() throws Exception {
        List<ModelStore> stores = List.of(openStore(), openStore());
        int threads = 4;
        int savesPerThread = 15;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Callable<List<StoredModel>>> writers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                ModelStore store = stores.get(t % 2);
                int seed = t;
                writers.add(() -> {
                    List<StoredModel> saved = new ArrayList<>();
                    for (int i = 0; i < savesPerThread; i++) {
                        saved.add(store.save(Family.OPTIMIZATION,
                                new BytesModel("order-up-to", bytes(1000 + seed * 100 + i), false), Map.of()));
                    }
                    return saved;
                });
            }
            Set<String> ids = new HashSet<>();
            for (Future<List<StoredModel>> done : pool.invokeAll(writers)) {
                done.get().forEach(model -> ids.add(model.id()));
            }
            assertEquals(threads * savesPerThread, ids.size(), "every save got its own id");
            for (ModelStore store : stores) {
                List<StoredModel> listed = store.list(Family.OPTIMIZATION);
                assertEquals(ids, new HashSet<>(listed.stream().map(StoredModel::id).toList()));
                for (int i = 1; i < listed.size(); i++) {
                    assertFalse(listed.get(i).createdAt().isAfter(listed.get(i - 1).createdAt()), "newest first");
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}

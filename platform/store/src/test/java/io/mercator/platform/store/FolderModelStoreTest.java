package io.mercator.platform.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mercator.api.Family;
import io.mercator.api.Model;
import io.mercator.api.ValidationException;
import io.mercator.api.runtime.StoredModel;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FolderModelStoreTest {

    @TempDir
    Path root;

    /** A model whose bytes are given; optionally fails after writing some of them. */
    record BytesModel(String strategyName, byte[] bytes, boolean failHalfway) implements Model {
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

    private static byte[] bytes(int size) {
        byte[] bytes = new byte[size];
        for (int i = 0; i < size; i++) {
            bytes[i] = (byte) (i * 31 + 7);
        }
        return bytes;
    }

    @Test
    void savedModelIsListedFoundAndReadBack() throws Exception {
        FolderModelStore store = new FolderModelStore(root);
        byte[] bytes = bytes(300_000);
        StoredModel saved = store.save(Family.FORECASTING, new BytesModel("ets", bytes, false), Map.of("dataset", "m3"));

        assertTrue(saved.id().startsWith("ets-"), saved.id());
        assertEquals(300_000, saved.sizeBytes());
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)), saved.sha256());
        assertEquals(List.of(saved), store.list(Family.FORECASTING));
        assertEquals(List.of(), store.list(Family.PRICING));
        assertEquals(saved, store.find(saved.id()).orElseThrow());
        try (InputStream in = store.open(saved.id())) {
            assertArrayEquals(bytes, in.readAllBytes());
        }
        // a second store on the same folder (another start, another node) sees the same model
        assertEquals(List.of(saved), new FolderModelStore(root).list(Family.FORECASTING));
    }

    @Test
    void listIsNewestFirstAndDeleteRemoves() throws Exception {
        FolderModelStore store = new FolderModelStore(root);
        StoredModel first = store.save(Family.FILTERING, new BytesModel("item-knn", bytes(10), false), Map.of());
        Thread.sleep(5);
        StoredModel second = store.save(Family.FILTERING, new BytesModel("item-knn", bytes(20), false), Map.of());
        assertEquals(List.of(second, first), store.list(Family.FILTERING));

        assertTrue(store.delete(first.id()));
        assertFalse(store.delete(first.id()));
        assertEquals(List.of(second), store.list(Family.FILTERING));
        assertThrows(NoSuchFileException.class, () -> store.open(first.id()));
        assertTrue(store.find("../../etc/passwd").isEmpty(), "ids outside the store's pattern are never paths");
    }

    @Test
    void failedWriteLeavesNothingBehind() throws Exception {
        FolderModelStore store = new FolderModelStore(root);
        IOException failure = assertThrows(IOException.class,
                () -> store.save(Family.PRICING, new BytesModel("log-log", bytes(1000), true), Map.of()));
        assertEquals("disk full", failure.getMessage());
        assertEquals(List.of(), store.list(Family.PRICING));
        try (Stream<Path> files = Files.list(root.resolve("pricing"))) {
            assertEquals(0, files.count(), "no temporary folder may stay behind");
        }
    }

    @Test
    void corruptBytesAreRefusedWithTheModelNamed() throws Exception {
        FolderModelStore store = new FolderModelStore(root);
        StoredModel saved = store.save(Family.SEGMENTATION, new BytesModel("kmeans", bytes(64), false), Map.of());
        Path file = root.resolve("segmentation").resolve(saved.id()).resolve(FolderModelStore.MODEL_FILE);
        byte[] tampered = Files.readAllBytes(file);
        tampered[10] ^= 1;
        Files.write(file, tampered);
        IOException corrupt = assertThrows(IOException.class, () -> store.open(saved.id()));
        assertTrue(corrupt.getMessage().startsWith("stored model '" + saved.id() + "' is corrupt"), corrupt.getMessage());
    }

    @Test
    void badStrategyNameIsRejected() throws Exception {
        FolderModelStore store = new FolderModelStore(root);
        ValidationException bad = assertThrows(ValidationException.class,
                () -> store.save(Family.PRICING, new BytesModel("../evil", bytes(4), false), Map.of()));
        assertEquals("strategyName", bad.field());
    }

    /** A process killed with SIGKILL in the middle of a save leaves no model, and the next start cleans up. */
    @Test
    void killDuringSaveLeavesNoModel() throws Exception {
        Path javaBin = Path.of(System.getProperty("java.home"), "bin", "java");
        Process writer = new ProcessBuilder(javaBin.toString(), "-cp", System.getProperty("java.class.path"),
                SlowWriter.class.getName(), root.toString()).redirectErrorStream(true).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!temporaryFolderExists()) {
                assertTrue(System.nanoTime() < deadline, "the writer never started writing");
                assertTrue(writer.isAlive(), () -> "the writer ended early: " + output(writer));
                Thread.sleep(10);
            }
            Thread.sleep(200); // well inside the save, which takes several seconds
        } finally {
            writer.destroyForcibly(); // SIGKILL: no shutdown hooks, no finally blocks
            writer.waitFor(10, TimeUnit.SECONDS);
        }
        assertTrue(temporaryFolderExists(), "the killed save left its hidden folder, as expected");
        FolderModelStore reopened = new FolderModelStore(root);
        assertEquals(List.of(), reopened.list(Family.FORECASTING));
        assertFalse(temporaryFolderExists(), "the next start removes what the killed save left");
    }

    private boolean temporaryFolderExists() throws IOException {
        Path folder = root.resolve("forecasting");
        if (!Files.isDirectory(folder)) {
            return false;
        }
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.anyMatch(p -> p.getFileName().toString().startsWith("."));
        }
    }

    private static String output(Process process) {
        try {
            return new String(process.getInputStream().readAllBytes());
        } catch (IOException e) {
            return e.toString();
        }
    }

    /** Run in a child JVM: saves a model that takes about ten seconds to write. */
    public static final class SlowWriter {
        public static void main(String[] args) throws Exception {
            FolderModelStore store = new FolderModelStore(new File(args[0]).toPath());
            store.save(Family.FORECASTING, new Model() {
                @Override
                public String strategyName() {
                    return "slow";
                }

                @Override
                public String strategyVersion() {
                    return "1.0.0";
                }

                @Override
                public void writeTo(OutputStream out) throws IOException {
                    for (int chunk = 0; chunk < 100; chunk++) {
                        out.write(new byte[1 << 16]);
                        out.flush();
                        try {
                            Thread.sleep(100);
                        } catch (InterruptedException e) {
                            throw new IOException(e);
                        }
                    }
                }
            }, Map.of());
        }
    }
}

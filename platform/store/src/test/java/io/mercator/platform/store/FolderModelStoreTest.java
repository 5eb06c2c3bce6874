package io.mercator.platform.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mercator.api.Family;
import io.mercator.api.Model;
import io.mercator.api.runtime.ModelStore;
import io.mercator.api.runtime.StoredModel;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shared {@link ModelStoreContract} on a folder, and what only a folder can suffer: SIGKILL mid-write. */
class FolderModelStoreTest extends ModelStoreContract {

    @TempDir
    Path root;

    @Override
    protected ModelStore openStore() throws IOException {
        return new FolderModelStore(root);
    }

    @Override
    protected void corrupt(StoredModel model) throws IOException {
        Path file = root.resolve(model.family().id()).resolve(model.id()).resolve(FolderModelStore.MODEL_FILE);
        byte[] tampered = Files.readAllBytes(file);
        tampered[tampered.length / 2] ^= 1;
        Files.write(file, tampered);
    }

    @Override
    protected void assertNothingStored(Family family) throws IOException {
        try (Stream<Path> files = Files.list(root.resolve(family.id()))) {
            assertEquals(List.of(), files.toList(), "no model and no temporary folder may stay behind");
        }
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

package io.mercator.platform.store;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import io.mercator.api.Family;
import io.mercator.api.Model;
import io.mercator.api.runtime.ModelStore;
import io.mercator.api.runtime.StoredModel;
import io.mercator.platform.store.common.ModelIds;
import io.mercator.platform.store.common.Sha256;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A {@link ModelStore} in a folder: {@code <root>/<family>/<id>/} holds {@code model.bin} and
 * {@code manifest.json}. A model is written into a hidden temporary folder, flushed to disk, and
 * renamed into place in one atomic step, so a crash leaves either the whole model or only a hidden
 * folder that the next start removes. Plain Java, safe for concurrent use within one process.
 */
public final class FolderModelStore implements ModelStore {

    static final String MODEL_FILE = "model.bin";
    static final String MANIFEST_FILE = "manifest.json";
    private static final String TEMPORARY_PREFIX = ".tmp-";
    private static final String DELETED_PREFIX = ".deleted-";
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    private final Path root;
    private final ModelIds ids = new ModelIds();

    /**
     * Opens (and creates) the store, removing what interrupted saves and deletes left behind.
     *
     * @param root the store's folder
     * @throws IOException when the folder cannot be created or cleaned
     */
    public FolderModelStore(Path root) throws IOException {
        this.root = root.toAbsolutePath();
        for (Family family : Family.values()) {
            Path folder = this.root.resolve(family.id());
            Files.createDirectories(folder);
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder, ".*")) {
                for (Path leftover : entries) {
                    deleteTree(leftover);
                }
            }
        }
    }

    /** @return the store's folder */
    public Path root() {
        return root;
    }

    @Override
    public StoredModel save(Family family, Model model, Map<String, String> metadata) throws IOException {
        ModelIds.checkStrategyName(model);
        Instant now = Instant.now();
        String id = ids.next(model.strategyName(), now);
        Path folder = root.resolve(family.id());
        Path temporary = folder.resolve(TEMPORARY_PREFIX + id);
        try {
            Files.createDirectory(temporary);
            MessageDigest sha256 = Sha256.digest();
            long size;
            Path bytes = temporary.resolve(MODEL_FILE);
            try (FileChannel channel = FileChannel.open(bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                CountingOutputStream counted = new CountingOutputStream(
                        new DigestOutputStream(Channels.newOutputStream(channel), sha256));
                try (OutputStream out = new BufferedOutputStream(counted, 1 << 16)) {
                    model.writeTo(out);
                    out.flush();
                    channel.force(true);
                }
                size = counted.count;
            }
            StoredModel stored = new StoredModel(id, family, model.strategyName(), model.strategyVersion(), now, size,
                    Sha256.hex(sha256), metadata);
            writeDurably(temporary.resolve(MANIFEST_FILE), GSON.toJson(Manifest.of(stored)));
            Files.move(temporary, folder.resolve(id), StandardCopyOption.ATOMIC_MOVE);
            syncFolder(folder);
            return stored;
        } catch (IOException | RuntimeException failed) {
            deleteTree(temporary);
            throw failed;
        }
    }

    @Override
    public Optional<StoredModel> find(String id) throws IOException {
        Optional<Path> folder = folderOf(id);
        return folder.isPresent() ? Optional.of(readManifest(folder.get())) : Optional.empty();
    }

    @Override
    public List<StoredModel> list(Family family) throws IOException {
        List<StoredModel> models = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(root.resolve(family.id()))) {
            for (Path entry : entries) {
                if (!entry.getFileName().toString().startsWith(".")) {
                    models.add(readManifest(entry));
                }
            }
        }
        models.sort(Comparator.comparing(StoredModel::createdAt).reversed().thenComparing(StoredModel::id));
        return models;
    }

    @Override
    public InputStream open(String id) throws IOException {
        Path folder = folderOf(id).orElseThrow(() -> new NoSuchFileException("no stored model with id '" + id + "'"));
        StoredModel stored = readManifest(folder);
        Path bytes = folder.resolve(MODEL_FILE);
        MessageDigest sha256 = Sha256.digest();
        try (InputStream in = Files.newInputStream(bytes)) {
            byte[] buffer = new byte[1 << 16];
            for (int read; (read = in.read(buffer)) > 0; ) {
                sha256.update(buffer, 0, read);
            }
        }
        String actual = Sha256.hex(sha256);
        if (!actual.equals(stored.sha256())) {
            throw new IOException("stored model '" + id + "' is corrupt: the checksum of " + bytes + " is " + actual
                    + ", the manifest says " + stored.sha256());
        }
        // buffered: strategies read their models through DataInputStream, a few bytes per call
        return new BufferedInputStream(Files.newInputStream(bytes), 1 << 16);
    }

    @Override
    public boolean delete(String id) throws IOException {
        Optional<Path> folder = folderOf(id);
        if (folder.isEmpty()) {
            return false;
        }
        Path doomed = folder.get().resolveSibling(DELETED_PREFIX + id);
        try {
            Files.move(folder.get(), doomed, StandardCopyOption.ATOMIC_MOVE);
        } catch (NoSuchFileException deletedMeanwhile) {
            return false;
        }
        deleteTree(doomed);
        return true;
    }

    private Optional<Path> folderOf(String id) {
        if (!ModelIds.isId(id)) {
            return Optional.empty();
        }
        for (Family family : Family.values()) {
            Path folder = root.resolve(family.id()).resolve(id);
            if (Files.isDirectory(folder)) {
                return Optional.of(folder);
            }
        }
        return Optional.empty();
    }

    private static StoredModel readManifest(Path folder) throws IOException {
        Path file = folder.resolve(MANIFEST_FILE);
        try {
            Manifest manifest = GSON.fromJson(Files.readString(file, StandardCharsets.UTF_8), Manifest.class);
            if (manifest == null) {
                throw new IOException(file + " is empty");
            }
            return manifest.toStoredModel();
        } catch (JsonParseException | IllegalArgumentException | NullPointerException broken) {
            throw new IOException(file + " is not a valid model manifest: " + broken.getMessage(), broken);
        }
    }

    private static void writeDurably(Path file, String text) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            channel.write(StandardCharsets.UTF_8.encode(text));
            channel.force(true);
        }
    }

    /** Makes a rename inside the folder durable; some file systems do not allow opening folders. */
    private static void syncFolder(Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException notSupported) {
            // the rename itself is atomic; only its durability across a power cut is weaker here
        }
    }

    private static void deleteTree(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(path)) {
            for (Path each : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(each);
            }
        }
    }

    /** The JSON form of a {@link StoredModel}. */
    private record Manifest(String id, String family, String strategyName, String strategyVersion, String createdAt,
            long sizeBytes, String sha256, Map<String, String> metadata) {

        static Manifest of(StoredModel model) {
            return new Manifest(model.id(), model.family().id(), model.strategyName(), model.strategyVersion(),
                    model.createdAt().toString(), model.sizeBytes(), model.sha256(), model.metadata());
        }

        StoredModel toStoredModel() {
            return new StoredModel(id, Family.fromId(family), strategyName, strategyVersion, Instant.parse(createdAt),
                    sizeBytes, sha256, metadata == null ? Map.of() : metadata);
        }
    }

    /** Counts the bytes a model writes. */
    private static final class CountingOutputStream extends FilterOutputStream {
        long count;

        CountingOutputStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }
}

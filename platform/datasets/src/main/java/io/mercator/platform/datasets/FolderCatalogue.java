package io.mercator.platform.datasets;

import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Data sets in a folder, one sub-folder per data set:
 * <pre>
 * &lt;id&gt;/manifest.json      the {@link DatasetManifest} and the name of the current rows file
 * &lt;id&gt;/rows-&lt;n&gt;.csv.gz    the rows; n grows with each append
 * .import-&lt;name&gt;/          a change in progress (removed at start-up if left by a crash)
 * </pre>
 * A new data set appears by renaming its complete folder; an append writes a new rows file (the old
 * bytes followed by the new gzip member) and then replaces the manifest by a rename, so a reader
 * sees the old or the new data set, never a mix. One node: the data set service serialises the
 * changes of a data set.
 */
final class FolderCatalogue implements DatasetCatalogue {

    /** Prefix of the folders of changes in progress. */
    static final String STAGING_PREFIX = ".import-";
    private static final String MANIFEST = "manifest.json";
    private static final String DATA_FILE = "dataFile";

    private final Path root;

    /**
     * @param root the folder; created when missing; leftovers of interrupted changes are removed
     * @throws IOException when it cannot be created or cleaned
     */
    FolderCatalogue(Path root) throws IOException {
        this.root = createCleaned(root);
    }

    /**
     * @param folder a folder where changes are staged
     * @return the folder, created when missing and without leftovers of interrupted changes
     * @throws IOException when it cannot be created or cleaned
     */
    static Path createCleaned(Path folder) throws IOException {
        Files.createDirectories(folder);
        try (DirectoryStream<Path> children = Files.newDirectoryStream(folder, STAGING_PREFIX + "*")) {
            for (Path leftover : children) {
                deleteTree(leftover);
            }
        }
        return folder;
    }

    @Override
    public void add(DatasetManifest manifest, Path rows) throws IOException {
        Path staging = Files.createDirectory(root.resolve(STAGING_PREFIX + UUID.randomUUID()));
        try {
            String dataFile = "rows-1.csv.gz";
            move(rows, staging.resolve(dataFile));
            writeManifest(staging, manifest, dataFile);
            move(staging, root.resolve(manifest.id()));
        } finally {
            deleteTree(staging);
        }
    }

    @Override
    public void append(DatasetManifest current, Path member, DatasetManifest updated) throws IOException {
        Stored stored = read(current.id()).orElseThrow(() -> new NoSuchFileException("data set " + current.id()
                + " was deleted while rows were being appended to it"));
        if (!stored.manifest().updatedAt().equals(current.updatedAt()) || stored.manifest().rows() != current.rows()) {
            throw new IOException("data set " + current.id() + " changed while rows were being appended to it: "
                    + "import again");
        }
        Path folder = root.resolve(current.id());
        String dataFile = "rows-" + (generation(stored.dataFile()) + 1) + ".csv.gz";
        Path temporary = folder.resolve("." + dataFile);
        try (OutputStream out = Files.newOutputStream(temporary)) {
            Files.copy(folder.resolve(stored.dataFile()), out);
            Files.copy(member, out);
        }
        move(temporary, folder.resolve(dataFile));
        writeManifest(folder, updated, dataFile);
        Files.deleteIfExists(folder.resolve(stored.dataFile()));
    }

    @Override
    public Optional<DatasetManifest> find(String id) throws IOException {
        return read(id).map(Stored::manifest);
    }

    @Override
    public List<DatasetManifest> list() throws IOException {
        List<DatasetManifest> all = new ArrayList<>();
        try (DirectoryStream<Path> children = Files.newDirectoryStream(root)) {
            for (Path child : children) {
                String name = child.getFileName().toString();
                if (DatasetFolder.isId(name)) {
                    read(name).ifPresent(stored -> all.add(stored.manifest()));
                }
            }
        }
        all.sort(Comparator.comparing(DatasetManifest::createdAt).reversed().thenComparing(DatasetManifest::id));
        return all;
    }

    @Override
    public InputStream openRows(String id) throws IOException {
        Stored stored = read(id).orElseThrow(() -> new NoSuchFileException("no data set '" + id + "'"));
        return Files.newInputStream(root.resolve(id).resolve(stored.dataFile()));
    }

    @Override
    public boolean delete(String id) throws IOException {
        if (!DatasetFolder.isId(id) || !Files.isDirectory(root.resolve(id))) {
            return false;
        }
        Path doomed = root.resolve(STAGING_PREFIX + "deleted-" + id);
        try {
            move(root.resolve(id), doomed);
        } catch (NoSuchFileException gone) {
            return false;
        }
        deleteTree(doomed);
        return true;
    }

    /** A data set's manifest and the name of its current rows file. */
    private record Stored(DatasetManifest manifest, String dataFile) {
    }

    private Optional<Stored> read(String id) throws IOException {
        if (!DatasetFolder.isId(id)) {
            return Optional.empty();
        }
        Path file = root.resolve(id).resolve(MANIFEST);
        JsonObject json;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            json = JsonParser.parseReader(reader).getAsJsonObject();
        } catch (NoSuchFileException missing) {
            return Optional.empty();
        } catch (JsonParseException | IllegalStateException corrupt) {
            throw new IOException("the manifest of data set " + id + " cannot be read: " + corrupt.getMessage(),
                    corrupt);
        }
        if (!json.has(DATA_FILE)) {
            throw new IOException("the manifest of data set " + id + " names no rows file (" + DATA_FILE + ")");
        }
        return Optional.of(new Stored(DatasetManifest.fromJson(json, "data set " + id), json.get(DATA_FILE)
                .getAsString()));
    }

    private static void writeManifest(Path folder, DatasetManifest manifest, String dataFile) throws IOException {
        JsonObject json = manifest.toJson().getAsJsonObject();
        json.addProperty(DATA_FILE, dataFile);
        Path temporary = folder.resolve(MANIFEST + ".tmp");
        Files.writeString(temporary, DatasetManifest.JSON.toJson(json), StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.SYNC);
        move(temporary, folder.resolve(MANIFEST));
    }

    private static int generation(String dataFile) {
        return Integer.parseInt(dataFile.substring("rows-".length(), dataFile.indexOf('.')));
    }

    static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException notAtomic) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        Files.walkFileTree(folder, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException failure) throws IOException {
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}

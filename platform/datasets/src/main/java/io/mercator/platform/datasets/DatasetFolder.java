package io.mercator.platform.datasets;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import io.mercator.api.Family;
import io.mercator.api.TrainingContext;
import io.mercator.api.ValidationException;
import io.mercator.api.datasets.DataSource;
import io.mercator.api.datasets.DatasetInfo;
import io.mercator.api.datasets.DatasetService;
import io.mercator.api.datasets.FieldSpec;
import io.mercator.api.datasets.ImportException;
import io.mercator.api.datasets.ImportOptions;
import io.mercator.api.datasets.ValidationReport;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;

/**
 * Data sets in a folder, one sub-folder per data set:
 * <pre>
 * &lt;id&gt;/manifest.json      what the data set is (family, fields, rows, watermark, last report)
 * &lt;id&gt;/rows-&lt;n&gt;.csv.gz    the rows in canonical form; n grows with each append
 * .import-&lt;uuid&gt;/          an import in progress (removed at start-up if left by a crash)
 * </pre>
 * A new data set appears by renaming its complete staging folder; an append writes a new rows file
 * (the old bytes followed by a new gzip member) and then replaces the manifest by a rename, so a
 * reader sees the old or the new data set, never a mix. Public for the benchmarks; the bundle does
 * not export it.
 */
public final class DatasetFolder implements DatasetService {

    private static final String MANIFEST = "manifest.json";
    private static final String STAGING_PREFIX = ".import-";
    private static final Pattern ID = Pattern.compile("[a-z]+-[0-9a-f]{8}");
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    private final Path root;
    private final ConnectionRegistry connections;
    /** Per data set: an append and a delete of the same data set do not overlap. */
    private final ConcurrentMap<String, Object> appendLocks = new ConcurrentHashMap<>();

    /**
     * @param root the folder; created when missing; leftovers of interrupted imports are removed
     */
    public DatasetFolder(Path root) throws IOException {
        this(root, new ConnectionRegistry());
    }

    /**
     * @param root the folder; created when missing; leftovers of interrupted imports are removed
     * @param connections the named database connections that query sources run on
     */
    public DatasetFolder(Path root, ConnectionRegistry connections) throws IOException {
        this.root = Files.createDirectories(root);
        this.connections = connections;
        try (DirectoryStream<Path> children = Files.newDirectoryStream(root, STAGING_PREFIX + "*")) {
            for (Path leftover : children) {
                deleteTree(leftover);
            }
        }
    }

    Path root() {
        return root;
    }

    @Override
    public List<FieldSpec> fields(Family family) {
        return Layouts.of(family).specs();
    }

    @Override
    public Class<?> inputType(Family family) {
        return Layouts.of(family).inputType();
    }

    @Override
    public DatasetInfo importData(Family family, DataSource source, ImportOptions options, TrainingContext progress)
            throws IOException {
        Layout layout = Layouts.of(family);
        if (options.appendTo() != null) {
            return append(layout, source, options, progress);
        }
        if (options.watermarkField() != null && layout.field(options.watermarkField()) == null) {
            throw new ValidationException("watermarkField", "'" + options.watermarkField()
                    + "' is not a field of the " + family.id() + " family");
        }
        String id = family.id() + "-" + UUID.randomUUID().toString().substring(0, 8);
        Path staging = Files.createDirectory(root.resolve(STAGING_PREFIX + UUID.randomUUID()));
        try {
            String dataFile = "rows-1.csv.gz";
            Importer.Result result = new Importer(layout, source, options, connections)
                    .run(staging.resolve(dataFile), null, options.watermarkField(), null, progress);
            requireRows(source, result);
            Instant now = Instant.now();
            Manifest manifest = new Manifest(id, family, options.label(), List.of(source.name()), now.toString(),
                    now.toString(), result.report().rowsImported(), result.storedFields(), dataFile,
                    Files.size(staging.resolve(dataFile)), options.seasonLength(), options.watermarkField(),
                    result.watermark(), result.report());
            writeManifest(staging, manifest);
            move(staging, root.resolve(id));
            return manifest.info();
        } finally {
            deleteTree(staging);
        }
    }

    private DatasetInfo append(Layout layout, DataSource source, ImportOptions options, TrainingContext progress)
            throws IOException {
        synchronized (appendLocks.computeIfAbsent(options.appendTo(), id -> new Object())) {
            Manifest old = manifest(options.appendTo()).orElseThrow(() -> new ValidationException("appendTo",
                    "no data set '" + options.appendTo() + "'"));
            if (old.family() != layout.family()) {
                throw new ValidationException("appendTo", "data set " + old.id() + " holds " + old.family().id()
                        + " data, not " + layout.family().id());
            }
            String watermarkField = options.watermarkField() != null ? options.watermarkField() : old.watermarkField();
            if (watermarkField != null && old.watermarkField() != null && !watermarkField.equals(old.watermarkField())) {
                throw new ValidationException("watermarkField", "data set " + old.id() + " keeps its watermark on "
                        + old.watermarkField() + ", not " + watermarkField);
            }
            Path folder = root.resolve(old.id());
            Path staging = Files.createDirectory(root.resolve(STAGING_PREFIX + UUID.randomUUID()));
            try {
                Path added = staging.resolve("added.csv.gz");
                Importer.Result result = new Importer(layout, source, options, connections).run(added, old.fields(), watermarkField,
                        watermarkField != null && watermarkField.equals(old.watermarkField()) ? old.watermark() : null,
                        progress);
                if (result.report().rowsImported() == 0) {
                    return old.withReport(result.report()).info();
                }
                String dataFile = "rows-" + (generation(old.dataFile()) + 1) + ".csv.gz";
                Path combined = staging.resolve(dataFile);
                try (OutputStream out = Files.newOutputStream(combined)) {
                    Files.copy(folder.resolve(old.dataFile()), out);
                    copyWithoutHeader(added, out);
                }
                move(combined, folder.resolve(dataFile));
                String watermark = result.watermark() == null ? old.watermark()
                        : old.watermark() == null ? result.watermark()
                        : layout.field(watermarkField).compare(result.watermark(), old.watermark()) > 0
                                ? result.watermark() : old.watermark();
                List<String> sources = new ArrayList<>(old.sources());
                sources.add(source.name());
                Manifest updated = new Manifest(old.id(), old.family(), old.label(), sources, old.createdAt(),
                        Instant.now().toString(), old.rows() + result.report().rowsImported(), old.fields(), dataFile,
                        Files.size(folder.resolve(dataFile)), old.seasonLength(), watermarkField, watermark,
                        result.report());
                writeManifest(folder, updated);
                Files.deleteIfExists(folder.resolve(old.dataFile()));
                return updated.info();
            } finally {
                deleteTree(staging);
            }
        }
    }

    /**
     * Appends the rows of a staged file, without its header, as a second gzip member: gzip readers
     * read concatenated members as one stream.
     */
    private static void copyWithoutHeader(Path staged, OutputStream out) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(staged), 1 << 16);
                OutputStream member = new GZIPOutputStream(new NonClosingOutputStream(out), 1 << 16)) {
            int b;
            while ((b = in.read()) >= 0 && b != '\n') {
                // skip the header line
            }
            in.transferTo(member);
        }
    }

    private static int generation(String dataFile) {
        return Integer.parseInt(dataFile.substring("rows-".length(), dataFile.indexOf('.')));
    }

    private static void requireRows(DataSource source, Importer.Result result) {
        if (result.report().rowsImported() == 0) {
            ValidationReport report = result.report();
            throw new ImportException(source.name(), report.rowsRead() == 0 ? "holds no rows"
                    : "holds no usable row (" + report.badRowCount() + " bad; the first: " + report.badRows().stream()
                            .findFirst().map(Object::toString).orElse("-") + ")", report);
        }
    }

    @Override
    public List<DatasetInfo> list() throws IOException {
        List<DatasetInfo> all = new ArrayList<>();
        try (DirectoryStream<Path> children = Files.newDirectoryStream(root)) {
            for (Path child : children) {
                String name = child.getFileName().toString();
                if (ID.matcher(name).matches()) {
                    manifest(name).ifPresent(manifest -> all.add(manifest.info()));
                }
            }
        }
        all.sort(Comparator.comparing(DatasetInfo::createdAt).reversed().thenComparing(DatasetInfo::id));
        return all;
    }

    @Override
    public Optional<DatasetInfo> find(String id) throws IOException {
        return manifest(id).map(Manifest::info);
    }

    @Override
    public boolean delete(String id) throws IOException {
        if (!isId(id) || !Files.isDirectory(root.resolve(id))) {
            return false;
        }
        Path doomed = root.resolve(STAGING_PREFIX + "deleted-" + id);
        synchronized (appendLocks.computeIfAbsent(id, unused -> new Object())) {
            try {
                move(root.resolve(id), doomed);
            } catch (NoSuchFileException gone) {
                return false;
            }
        }
        deleteTree(doomed);
        return true;
    }

    @Override
    public <D> D open(String id, Class<D> type) throws IOException {
        Manifest manifest = manifest(id).orElseThrow(() -> new ValidationException("dataset", "no data set '" + id
                + "'"));
        Layout layout = Layouts.of(manifest.family());
        if (!type.equals(layout.inputType())) {
            throw new ValidationException("dataset", id + " holds " + manifest.family().id() + " data ("
                    + layout.inputType().getSimpleName() + "), not " + type.getSimpleName());
        }
        try (InputStream in = new GZIPInputStream(Files.newInputStream(root.resolve(id).resolve(manifest.dataFile())),
                1 << 16);
                Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
                CSVParser rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build()
                        .parse(reader)) {
            return type.cast(layout.open(rows, manifest.seasonLength()));
        } catch (UncheckedIOException broken) {
            throw broken.getCause();
        }
    }

    private static boolean isId(String id) {
        return id != null && ID.matcher(id).matches();
    }

    private Optional<Manifest> manifest(String id) throws IOException {
        if (!isId(id)) {
            return Optional.empty();
        }
        Path file = root.resolve(id).resolve(MANIFEST);
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return Optional.of(GSON.fromJson(reader, Manifest.class));
        } catch (NoSuchFileException missing) {
            return Optional.empty();
        } catch (JsonParseException corrupt) {
            throw new IOException("the manifest of data set " + id + " cannot be read: " + corrupt.getMessage(),
                    corrupt);
        }
    }

    private static void writeManifest(Path folder, Manifest manifest) throws IOException {
        Path temporary = folder.resolve(MANIFEST + ".tmp");
        Files.writeString(temporary, GSON.toJson(manifest), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.SYNC);
        move(temporary, folder.resolve(MANIFEST));
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException notAtomic) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteTree(Path folder) throws IOException {
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

    /** The JSON kept in {@code manifest.json}; times as ISO instants. */
    private record Manifest(String id, Family family, String label, List<String> sources, String createdAt,
            String updatedAt, long rows, List<String> fields, String dataFile, long sizeBytes, int seasonLength,
            String watermarkField, String watermark, ValidationReport lastImport) {

        DatasetInfo info() {
            return new DatasetInfo(id, family, label, sources, Instant.parse(createdAt), Instant.parse(updatedAt), rows,
                    fields, sizeBytes, watermarkField, watermark, lastImport);
        }

        Manifest withReport(ValidationReport report) {
            return new Manifest(id, family, label, sources, createdAt, updatedAt, rows, fields, dataFile, sizeBytes,
                    seasonLength, watermarkField, watermark, report);
        }
    }
}

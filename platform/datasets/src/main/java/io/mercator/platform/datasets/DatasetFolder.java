package io.mercator.platform.datasets;

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
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
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
 * The platform's {@link DatasetService}: imports a source into a gzip-compressed CSV file in a
 * staging folder ({@code <folder>/.import-<uuid>/}, removed at start-up if left by a crash) and
 * hands the complete file to a {@link DatasetCatalogue}, which keeps the data sets: by default in
 * the same folder ({@link FolderCatalogue}), or in Mercator's PostgreSQL database. Changes of one
 * data set on this node (appends, deletion) take turns. Public for the benchmarks; the bundle does
 * not export it.
 */
public final class DatasetFolder implements DatasetService {

    private static final Pattern ID = Pattern.compile("[a-z]+-[0-9a-f]{8}");

    private final Path staging;
    private final DatasetCatalogue catalogue;
    private final ConnectionRegistry connections;
    /** Per data set: an append and a delete of the same data set do not overlap. */
    private final ConcurrentMap<String, Object> appendLocks = new ConcurrentHashMap<>();

    /**
     * Keeps the data sets in a folder.
     *
     * @param root the folder; created when missing; leftovers of interrupted imports are removed
     * @throws IOException when it cannot be created or cleaned
     */
    public DatasetFolder(Path root) throws IOException {
        this(root, new ConnectionRegistry());
    }

    /**
     * Keeps the data sets in a folder.
     *
     * @param root the folder; created when missing; leftovers of interrupted imports are removed
     * @param connections the named database connections that query sources run on
     * @throws IOException when it cannot be created or cleaned
     */
    public DatasetFolder(Path root, ConnectionRegistry connections) throws IOException {
        this(root, new FolderCatalogue(root), connections);
    }

    /**
     * @param root the staging folder; created when missing; leftovers of interrupted imports are
     *     removed
     * @param catalogue keeps the data sets
     * @throws IOException when the folder cannot be created or cleaned
     */
    DatasetFolder(Path root, DatasetCatalogue catalogue) throws IOException {
        this(root, catalogue, new ConnectionRegistry());
    }

    /**
     * @param root the staging folder; created when missing; leftovers of interrupted imports are
     *     removed
     * @param catalogue keeps the data sets
     * @param connections the named database connections that query sources run on
     * @throws IOException when the folder cannot be created or cleaned
     */
    DatasetFolder(Path root, DatasetCatalogue catalogue, ConnectionRegistry connections) throws IOException {
        this.staging = FolderCatalogue.createCleaned(root);
        this.catalogue = catalogue;
        this.connections = connections;
    }

    Path root() {
        return staging;
    }

    static boolean isId(String id) {
        return id != null && ID.matcher(id).matches();
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
        Path folder = newStagingFolder();
        try {
            Path rows = folder.resolve("rows.csv.gz");
            Importer.Result result = new Importer(layout, source, options, connections)
                    .run(rows, null, options.watermarkField(), null, progress);
            requireRows(source, result);
            Instant now = DatasetManifest.now();
            DatasetManifest manifest = new DatasetManifest(id, family, options.label(), List.of(source.name()), now,
                    now, result.report().rowsImported(), result.storedFields(), Files.size(rows),
                    options.seasonLength(), options.watermarkField(), result.watermark(), result.report());
            catalogue.add(manifest, rows);
            return manifest.info();
        } finally {
            FolderCatalogue.deleteTree(folder);
        }
    }

    private Path newStagingFolder() throws IOException {
        return Files.createDirectory(staging.resolve(FolderCatalogue.STAGING_PREFIX + UUID.randomUUID()));
    }

    private DatasetInfo append(Layout layout, DataSource source, ImportOptions options, TrainingContext progress)
            throws IOException {
        synchronized (appendLocks.computeIfAbsent(options.appendTo(), id -> new Object())) {
            DatasetManifest old = catalogue.find(options.appendTo()).orElseThrow(() -> new ValidationException(
                    "appendTo", "no data set '" + options.appendTo() + "'"));
            if (old.family() != layout.family()) {
                throw new ValidationException("appendTo", "data set " + old.id() + " holds " + old.family().id()
                        + " data, not " + layout.family().id());
            }
            String watermarkField = options.watermarkField() != null ? options.watermarkField() : old.watermarkField();
            if (watermarkField != null && old.watermarkField() != null && !watermarkField.equals(old.watermarkField())) {
                throw new ValidationException("watermarkField", "data set " + old.id() + " keeps its watermark on "
                        + old.watermarkField() + ", not " + watermarkField);
            }
            Path folder = newStagingFolder();
            try {
                Path added = folder.resolve("added.csv.gz");
                Importer.Result result = new Importer(layout, source, options, connections).run(added, old.fields(), watermarkField,
                        watermarkField != null && watermarkField.equals(old.watermarkField()) ? old.watermark() : null,
                        progress);
                if (result.report().rowsImported() == 0) {
                    return old.withReport(result.report()).info();
                }
                Path member = folder.resolve("member.gz");
                try (OutputStream out = Files.newOutputStream(member)) {
                    copyWithoutHeader(added, out);
                }
                String watermark = result.watermark() == null ? old.watermark()
                        : old.watermark() == null ? result.watermark()
                        : layout.field(watermarkField).compare(result.watermark(), old.watermark()) > 0
                                ? result.watermark() : old.watermark();
                List<String> sources = new ArrayList<>(old.sources());
                sources.add(source.name());
                DatasetManifest updated = new DatasetManifest(old.id(), old.family(), old.label(), sources,
                        old.createdAt(), DatasetManifest.now(), old.rows() + result.report().rowsImported(),
                        old.fields(), old.sizeBytes() + Files.size(member), old.seasonLength(), watermarkField,
                        watermark, result.report());
                catalogue.append(old, member, updated);
                return updated.info();
            } finally {
                FolderCatalogue.deleteTree(folder);
            }
        }
    }

    /**
     * Writes the rows of a staged file, without its header, as one gzip member: gzip readers read
     * concatenated members as one stream.
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
        return catalogue.list().stream().map(DatasetManifest::info).toList();
    }

    @Override
    public Optional<DatasetInfo> find(String id) throws IOException {
        return catalogue.find(id).map(DatasetManifest::info);
    }

    @Override
    public boolean delete(String id) throws IOException {
        if (!isId(id)) {
            return false;
        }
        synchronized (appendLocks.computeIfAbsent(id, unused -> new Object())) {
            return catalogue.delete(id);
        }
    }

    @Override
    public <D> D open(String id, Class<D> type) throws IOException {
        DatasetManifest manifest = catalogue.find(id).orElseThrow(() -> new ValidationException("dataset",
                "no data set '" + id + "'"));
        Layout layout = Layouts.of(manifest.family());
        if (!type.equals(layout.inputType())) {
            throw new ValidationException("dataset", id + " holds " + manifest.family().id() + " data ("
                    + layout.inputType().getSimpleName() + "), not " + type.getSimpleName());
        }
        try (InputStream in = new GZIPInputStream(catalogue.openRows(id), 1 << 16);
                Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
                CSVParser rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build()
                        .parse(reader)) {
            return type.cast(layout.open(rows, manifest.seasonLength()));
        } catch (NoSuchFileException deleted) {
            throw new ValidationException("dataset", "no data set '" + id + "'");
        } catch (UncheckedIOException broken) {
            throw broken.getCause();
        }
    }
}

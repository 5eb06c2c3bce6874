package io.mercator.platform.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mercator.api.Family;
import io.mercator.api.TrainingContext;
import io.mercator.api.ValidationException;
import io.mercator.api.datasets.DatasetInfo;
import io.mercator.api.datasets.FileSource;
import io.mercator.api.datasets.ImportException;
import io.mercator.api.datasets.ImportOptions;
import io.mercator.api.forecasting.SeriesSet;
import io.mercator.api.segmentation.Transactions;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every {@link DatasetCatalogue} promises, through the data set service that uses it: a
 * subclass says how to open a catalogue on its (per-test, empty) storage and whether nothing is
 * stored. Each {@link #openDatasets()} opens another service on the same storage, as another start
 * (or, for a shared database, another node) would.
 */
abstract class DatasetCatalogueContract {

    @TempDir
    Path temp;

    /**
     * @return a catalogue on this test's storage; every call opens another one on the same storage
     * @throws Exception when it cannot be opened
     */
    protected abstract DatasetCatalogue openCatalogue() throws Exception;

    /**
     * @return the folder where a service on {@link #openCatalogue()} stages its imports
     * @throws Exception when it cannot be made
     */
    protected abstract Path stagingFolder() throws Exception;

    /**
     * Checks that the storage holds no data set, not even part of one.
     *
     * @throws Exception when the storage cannot be read
     */
    protected abstract void assertNothingStored() throws Exception;

    DatasetFolder openDatasets() throws Exception {
        return new DatasetFolder(stagingFolder(), openCatalogue());
    }

    Path file(String name, String text) throws IOException {
        return Files.writeString(temp.resolve(name), text, StandardCharsets.UTF_8);
    }

    static DatasetInfo load(DatasetFolder datasets, Family family, Path file, ImportOptions options)
            throws IOException {
        return datasets.importData(family, FileSource.of(file), options, TrainingContext.none());
    }

    @Test
    void anImportIsListedFoundAndOpenedByAnotherServiceOnTheSameStorage() throws Exception {
        DatasetFolder first = openDatasets();
        DatasetInfo imported = load(first, Family.FORECASTING, file("weekly.csv", """
                series_id,period,value
                a,2024-01-15,3
                a,2024-01-01,1
                b,2024-01-08,5
                a,2024-01-08,2
                """), ImportOptions.builder().seasonLength(52).label("weekly").build());

        DatasetFolder second = openDatasets();
        assertEquals(List.of(imported), second.list());
        assertEquals(imported, second.find(imported.id()).orElseThrow());
        SeriesSet series = second.open(imported.id(), SeriesSet.class);
        assertEquals(52, series.seasonLength());
        assertArrayEquals(new double[] {1, 2, 3}, series.values(0));
        assertArrayEquals(new double[] {5}, series.values(1));
        assertEquals("weekly", imported.label());
        assertEquals(List.of("weekly.csv"), imported.sources());
    }

    @Test
    void theNewestDataSetIsListedFirst() throws Exception {
        DatasetFolder datasets = openDatasets();
        Path csv = file("d.csv", "sku,period,demand\nx,0,2\n");
        DatasetInfo older = load(datasets, Family.OPTIMIZATION, csv, ImportOptions.defaults());
        DatasetInfo newer = load(datasets, Family.OPTIMIZATION, csv, ImportOptions.defaults());
        assertEquals(List.of(newer.id(), older.id()), openDatasets().list().stream().map(DatasetInfo::id).toList());
    }

    @Test
    void anAppendIsSeenByAnotherServiceWithItsWatermark() throws Exception {
        DatasetInfo created = load(openDatasets(), Family.SEGMENTATION, file("jan.csv",
                "customer_id,date,amount\na,2024-01-01,1\nb,2024-01-31,2\n"),
                ImportOptions.builder().watermarkField("date").build());
        DatasetInfo appended = load(openDatasets(), Family.SEGMENTATION, file("feb.csv",
                "customer_id,date,amount\nb,2024-01-31,2\nc,2024-02-01,3\n"),
                ImportOptions.builder().appendTo(created.id()).build());

        DatasetFolder other = openDatasets();
        assertEquals(appended, other.find(created.id()).orElseThrow());
        assertEquals(3, appended.rows());
        assertEquals("2024-02-01", appended.watermark());
        assertEquals(List.of("jan.csv", "feb.csv"), appended.sources());
        assertTrue(appended.sizeBytes() > created.sizeBytes());
        Transactions all = other.open(created.id(), Transactions.class);
        assertEquals(3, all.size());
        assertEquals(3, all.amount(2));
    }

    @Test
    void anAppendToADataSetChangedMeanwhileIsRefusedAndChangesNothing() throws Exception {
        DatasetFolder datasets = openDatasets();
        DatasetInfo created = load(datasets, Family.SEGMENTATION, file("jan.csv",
                "customer_id,date,amount\na,2024-01-01,1\n"), ImportOptions.defaults());
        DatasetCatalogue catalogue = openCatalogue();
        DatasetManifest before = catalogue.find(created.id()).orElseThrow();
        DatasetInfo changed = load(openDatasets(), Family.SEGMENTATION, file("feb.csv",
                "customer_id,date,amount\nb,2024-02-01,2\n"), ImportOptions.builder().appendTo(created.id()).build());

        Path member = temp.resolve("member.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(member))) {
            out.write("c,2024-03-01,3\n".getBytes(StandardCharsets.UTF_8));
        }
        DatasetManifest stale = new DatasetManifest(before.id(), before.family(), before.label(), before.sources(),
                before.createdAt(), DatasetManifest.now(), before.rows() + 1, before.fields(),
                before.sizeBytes() + Files.size(member), before.seasonLength(), null, null, before.lastImport());
        IOException refused = assertThrows(IOException.class, () -> catalogue.append(before, member, stale));
        assertTrue(refused.getMessage().contains("import again"), refused.getMessage());

        assertEquals(changed, datasets.find(created.id()).orElseThrow());
        assertEquals(2, datasets.open(created.id(), Transactions.class).size());
    }

    @Test
    void aDeleteIsSeenByAnotherServiceAndOpeningThenFailsClearly() throws Exception {
        DatasetFolder datasets = openDatasets();
        DatasetInfo created = load(datasets, Family.OPTIMIZATION, file("d.csv", "sku,period,demand\nx,0,2\n"),
                ImportOptions.defaults());
        assertTrue(openDatasets().delete(created.id()));
        assertFalse(datasets.delete(created.id()));
        assertTrue(datasets.find(created.id()).isEmpty());
        ValidationException gone = assertThrows(ValidationException.class,
                () -> datasets.open(created.id(), SeriesSet.class));
        assertTrue(gone.getMessage().endsWith("no data set '" + created.id() + "'"), gone.getMessage());
        assertThrows(NoSuchFileException.class, () -> openCatalogue().openRows(created.id()));
        assertNothingStored();
    }

    @Test
    void aRejectedOrCancelledImportStoresNothing() throws Exception {
        DatasetFolder datasets = openDatasets();
        Path bad = file("bad.csv", "customer_id,date,amount\na,2024-01-01,1\nb,not a date,2\n");
        assertThrows(ImportException.class, () -> load(datasets, Family.SEGMENTATION, bad, ImportOptions.defaults()));
        TrainingContext cancelled = new TrainingContext() {
            @Override
            public void progress(double fraction, String message) {
            }

            @Override
            public boolean isCancelled() {
                return true;
            }
        };
        StringBuilder good = new StringBuilder("customer_id,date,amount\n");
        for (int row = 0; row < 20_000; row++) {
            good.append('c').append(row % 100).append(",2011-01-01,").append(row).append('\n');
        }
        assertThrows(CancellationException.class, () -> datasets.importData(Family.SEGMENTATION,
                FileSource.of(file("good.csv", good.toString())), ImportOptions.defaults(), cancelled));
        assertTrue(datasets.list().isEmpty());
        assertNothingStored();
        try (var staged = Files.list(stagingFolder())) {
            assertEquals(List.of(), staged.filter(path -> path.getFileName().toString().startsWith(".import-"))
                    .toList());
        }
    }

    @Test
    void rowsLargerThanAChunkComeBackWhole() throws Exception {
        Random random = new Random(7);
        StringBuilder csv = new StringBuilder("series_id,period,value\n");
        LocalDate start = LocalDate.of(2020, 1, 1);
        int series = 80;
        int days = 2500;
        double[] last = new double[series];
        for (int s = 0; s < series; s++) {
            for (int day = 0; day < days; day++) {
                last[s] = random.nextInt(1_000_000) / 1000.0;
                csv.append("s").append(s).append(',').append(start.plusDays(day)).append(',').append(last[s])
                        .append('\n');
            }
        }
        DatasetInfo big = load(openDatasets(), Family.FORECASTING, file("big.csv", csv.toString()),
                ImportOptions.defaults());
        assertTrue(big.sizeBytes() > PostgresCatalogue.CHUNK_SIZE, "compressed rows of " + big.sizeBytes() + " bytes");

        SeriesSet read = openDatasets().open(big.id(), SeriesSet.class);
        assertEquals(series, read.size());
        for (int s = 0; s < series; s++) {
            double[] values = read.values(read.ids().indexOf("s" + s));
            assertEquals(days, values.length);
            assertEquals(last[s], values[days - 1]);
        }
        try (InputStream rows = openCatalogue().openRows(big.id())) {
            assertEquals(big.sizeBytes(), rows.transferTo(OutputStream.nullOutputStream()));
        }
    }
}

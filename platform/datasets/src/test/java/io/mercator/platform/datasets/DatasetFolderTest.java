package io.mercator.platform.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mercator.api.Family;
import io.mercator.api.TrainingContext;
import io.mercator.api.ValidationException;
import io.mercator.api.datasets.BadRow;
import io.mercator.api.datasets.BadRowPolicy;
import io.mercator.api.datasets.DatasetInfo;
import io.mercator.api.datasets.FileSource;
import io.mercator.api.datasets.Format;
import io.mercator.api.datasets.ImportException;
import io.mercator.api.datasets.ImportOptions;
import io.mercator.api.filtering.Interactions;
import io.mercator.api.forecasting.SeriesSet;
import io.mercator.api.pricing.PriceObservations;
import io.mercator.api.segmentation.Transactions;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetFolderTest {

    @TempDir
    Path temp;

    private DatasetFolder datasets;

    @BeforeEach
    void openFolder() throws IOException {
        datasets = new DatasetFolder(temp.resolve("datasets"));
    }

    private Path file(String name, String text) throws IOException {
        return Files.writeString(temp.resolve(name), text, StandardCharsets.UTF_8);
    }

    private DatasetInfo load(Family family, Path file, ImportOptions options) throws IOException {
        return datasets.importData(family, FileSource.of(file), options, TrainingContext.none());
    }

    private static ImportOptions skipping() {
        return ImportOptions.builder().badRowPolicy(BadRowPolicy.SKIP_AND_REPORT).build();
    }

    private List<Path> datasetFolderContents() throws IOException {
        try (Stream<Path> children = Files.list(datasets.root())) {
            return children.toList();
        }
    }

    @Test
    void importsTransactionsAndOpensThemMergingInvoiceLines() throws IOException {
        Path csv = file("tx.csv", """
                invoice_no,stock_code,quantity,invoice_date,unit_price,customer_id
                536365,85123A,6,2010-12-01 08:26:00,2.55,17850
                536365,71053,6,2010-12-01 08:26:00,3.39,17850
                536366,22633,2,2010-12-02 08:28:00,1.85,13047
                """);
        DatasetInfo info = load(Family.SEGMENTATION, csv, ImportOptions.defaults());

        assertEquals(3, info.rows());
        assertEquals(List.of("customer_id", "date", "amount", "invoice_no"), info.fields());
        assertEquals(0, info.lastImport().badRowCount());
        Transactions transactions = datasets.open(info.id(), Transactions.class);
        assertEquals(2, transactions.size());
        assertEquals(6 * 2.55 + 6 * 3.39, transactions.amount(0), 1e-9);
        assertEquals(LocalDate.of(2010, 12, 1).toEpochDay(), transactions.day(0));
        assertEquals("13047", transactions.customers().id(transactions.customer(1)));
        assertEquals(List.of(info), datasets.list());
    }

    @Test
    void quotedFieldsMayHoldDelimitersQuotesAndLineBreaks() throws IOException {
        Path csv = file("quoted.csv", "user_id,item_id,rating\n"
                + "\"u,1\",\"the \"\"best\"\" item\",4\n"
                + "u2,\"two\nlines\",3\n"
                + "u3,x,oops\n");
        ImportException rejected = assertThrows(ImportException.class,
                () -> load(Family.FILTERING, csv, ImportOptions.defaults()));
        BadRow bad = rejected.report().badRows().get(0);
        assertEquals(5, bad.line(), "the quoted line break moves the third row to line 5");

        DatasetInfo info = load(Family.FILTERING, csv, skipping());
        Interactions interactions = datasets.open(info.id(), Interactions.class);
        assertEquals(2, interactions.size());
        assertEquals("u,1", interactions.users().id(interactions.user(0)));
        assertEquals("the \"best\" item", interactions.items().id(interactions.item(0)));
        assertEquals("two\nlines", interactions.items().id(interactions.item(1)));
    }

    @Test
    void readsOtherDelimitersEncodingsDateFormatsAndMappedHeaders() throws IOException {
        Path csv = temp.resolve("latin.csv");
        Files.write(csv, ("Kunde;Tag;Betrag\nMüller;09/12/2011;12.5\nJosé;10/12/2011;-3\n")
                .getBytes(Charset.forName("ISO-8859-1")));
        ImportOptions options = ImportOptions.builder().delimiter(';').encoding("ISO-8859-1")
                .dateFormat("dd/MM/yyyy").column("customer_id", "Kunde").column("date", "Tag")
                .column("amount", "Betrag").build();
        Transactions transactions = datasets.open(load(Family.SEGMENTATION, csv, options).id(), Transactions.class);

        assertEquals("Müller", transactions.customers().id(0));
        assertEquals("José", transactions.customers().id(1));
        assertEquals(LocalDate.of(2011, 12, 9).toEpochDay(), transactions.day(0));
        assertEquals(-3, transactions.amount(1));
    }

    @Test
    void bytesInvalidInTheEncodingRejectTheImportWithTheLine() throws IOException {
        Path csv = temp.resolve("latin.csv");
        Files.write(csv, "customer_id,date,amount\nok,2011-01-01,1\nM\u00fcller,2011-01-02,2\n"
                .getBytes(Charset.forName("ISO-8859-1")));
        ImportException rejected = assertThrows(ImportException.class,
                () -> load(Family.SEGMENTATION, csv, skipping()));
        assertTrue(rejected.getMessage().contains("not valid UTF-8"), rejected.getMessage());
        assertTrue(datasetFolderContents().isEmpty());
    }

    @Test
    void everyKindOfBadValueIsReportedWithFileLineColumnAndField() throws IOException {
        Path csv = file("prices.csv", """
                sku,week,price,units,promo,store,feature
                a,1,2.5,10,0,s1,0
                b,x,2.5,10,0,s1,0
                c,2,0,10,0,s1,0
                d,3,abc,10,0,s1,0
                e,4,2.5,-1,0,s1,0
                f,5,2.5,3,maybe,s1,0
                g,6,2.5,3,1,,0
                h,7,2.5,3,1,s1,1.5
                i,8,Infinity,3,1,s1,0
                """);
        ImportException rejected = assertThrows(ImportException.class,
                () -> load(Family.PRICING, csv, ImportOptions.defaults()));

        assertEquals(8, rejected.report().badRowCount());
        List<String> reported = rejected.report().badRows().stream().map(BadRow::toString).toList();
        assertEquals(List.of(
                "prices.csv line 3 column week (field period): 'x' is not a whole number",
                "prices.csv line 4 column price: 0 must be > 0",
                "prices.csv line 5 column price: 'abc' is not a number",
                "prices.csv line 6 column units: -1 must be >= 0",
                "prices.csv line 7 column promo: 'maybe' is not 1/0, true/false or yes/no",
                "prices.csv line 8 column store (field location): is empty",
                "prices.csv line 9 column feature: 1.5 must be <= 1",
                "prices.csv line 10 column price: 'Infinity' is not a finite number"), reported);
        BadRow first = rejected.report().badRows().get(0);
        assertEquals("week", first.column());
        assertEquals("period", first.field());
        assertEquals("x", first.value());
        assertTrue(rejected.getMessage().contains("8 bad rows; nothing was imported"), rejected.getMessage());
        assertTrue(datasetFolderContents().isEmpty(), "a rejected import stores nothing");
    }

    @Test
    void skipAndReportKeepsTheGoodRowsAndCountsAllBadOnesButListsOnlyTheCap() throws IOException {
        StringBuilder text = new StringBuilder("product,period,price,units\n");
        for (int row = 0; row < 50; row++) {
            text.append("p,").append(row).append(',').append(row % 5 == 0 ? "free" : "2").append(",1\n");
        }
        ImportOptions options = ImportOptions.builder().badRowPolicy(BadRowPolicy.SKIP_AND_REPORT)
                .maxReportedRows(3).build();
        DatasetInfo info = load(Family.PRICING, file("p.csv", text.toString()), options);

        assertEquals(40, info.rows());
        assertEquals(10, info.lastImport().badRowCount());
        assertEquals(3, info.lastImport().badRows().size());
        assertTrue(info.lastImport().truncated());
        assertEquals(List.of(2L, 7L, 12L), info.lastImport().badRows().stream().map(BadRow::line).toList());
        PriceObservations observations = datasets.open(info.id(), PriceObservations.class);
        assertEquals(40, observations.size());
        assertFalse(observations.hasPromo());
    }

    @Test
    void pricingSalesWithACustomerSegmentColumnOpenWithTheirSegments() throws IOException {
        Path csv = file("segments.csv", """
                product,week,price,units,store,customer_segment
                oj,1,2.5,10,s1,loyal
                oj,1,2.5,4,s1,switcher
                aj,2,3.0,7,s2,loyal
                """);
        DatasetInfo info = load(Family.PRICING, csv, ImportOptions.defaults());
        PriceObservations observations = datasets.open(info.id(), PriceObservations.class);
        assertTrue(observations.hasSegments());
        assertEquals(List.of("loyal", "switcher", "loyal"), List.of(
                observations.segments().id(observations.segment(0)), observations.segments().id(observations.segment(1)),
                observations.segments().id(observations.segment(2))));
        assertEquals(2, observations.segments().size());
    }

    @Test
    void missingRequiredColumnNamesTheFieldAndTheColumnsFound() throws IOException {
        Path csv = file("series.csv", "sku,when,qty\na,1,2\n");
        ImportException rejected = assertThrows(ImportException.class,
                () -> load(Family.FORECASTING, csv, ImportOptions.defaults()));
        assertEquals("series.csv: has no column for the field series_id (looked for series_id, series, id); its"
                + " columns are [sku, when, qty]; name the column with --column series_id=COLUMN",
                rejected.getMessage());

        ValidationException unknownField = assertThrows(ValidationException.class, () -> load(Family.FORECASTING, csv,
                ImportOptions.builder().column("sku", "sku").build()));
        assertTrue(unknownField.getMessage().contains("'sku' is not a field of the forecasting family"));

        ImportException unknownColumn = assertThrows(ImportException.class, () -> load(Family.FORECASTING, csv,
                ImportOptions.builder().column("series_id", "SKU_CODE").build()));
        assertTrue(unknownColumn.getMessage().contains("has no column 'SKU_CODE' (mapped to the field series_id)"));
    }

    @Test
    void seriesAreSortedByPeriodWithGapsMissingAndWeeklyDatesStepByAWeek() throws IOException {
        Path csv = file("weekly.csv", """
                series_id,period,value
                a,2024-01-15,3
                a,2024-01-01,1
                b,2024-01-01,NA
                b,2024-01-08,5
                a,2024-01-29,4
                """);
        SeriesSet series = datasets.open(load(Family.FORECASTING, csv,
                ImportOptions.builder().seasonLength(52).build()).id(), SeriesSet.class);

        assertEquals(52, series.seasonLength());
        assertArrayEquals(new double[] {1, Double.NaN, 3, Double.NaN, 4}, series.values(0));
        assertArrayEquals(new double[] {Double.NaN, 5}, series.values(1));
    }

    @Test
    void demandHistoryAddsRowsOfOnePeriodAndFillsGapsWithZero() throws IOException {
        Path csv = file("demand.csv", "sku,period,demand\nx,0,2\nx,0,3\nx,3,1\n");
        SeriesSet demand = datasets.open(load(Family.OPTIMIZATION, csv, ImportOptions.defaults()).id(),
                SeriesSet.class);
        assertArrayEquals(new double[] {5, 0, 0, 1}, demand.values(0));
    }

    @Test
    void readsJsonArraysAndJsonLinesWithTheirLines() throws IOException {
        Path array = file("ratings.json", """
                [
                  {"user_id": "u1", "item_id": "i1", "rating": 4, "timestamp": "2024-01-01 10:00:00"},
                  {"user_id": "u2", "item_id": "i2", "rating": 5, "timestamp": 1704103200}
                ]
                """);
        Interactions interactions = datasets.open(load(Family.FILTERING, array, ImportOptions.defaults()).id(),
                Interactions.class);
        assertEquals(2, interactions.size());
        assertEquals(1704103200L, interactions.timestamp(0));
        assertEquals(5, interactions.value(1));

        Path lines = file("ratings.jsonl", """
                {"user_id": "u1", "item_id": "i1", "rating": 4}

                {"user_id": "u2", "item_id": "i2", "rating": "five"}
                {"user_id": "u3", "item_id": {"nested": 1}, "rating": 2}
                {"user_id": "u4", "item_id"
                {"user_id": "u5", "item_id": "i5"}
                """);
        DatasetInfo skipped = load(Family.FILTERING, lines, skipping());
        assertEquals(1, skipped.rows());
        List<String> reported = skipped.lastImport().badRows().stream().map(BadRow::toString).toList();
        assertEquals("ratings.jsonl line 3 column rating (field value): 'five' is not a number", reported.get(0));
        assertEquals("ratings.jsonl line 4 column item_id: is an object or array, not a value", reported.get(1));
        assertTrue(reported.get(2).startsWith("ratings.jsonl line 5: is not valid JSON"), reported.get(2));
        assertEquals("ratings.jsonl line 6 column rating (field value): is missing", reported.get(3));

        Path arrayWithBadValue = file("array.json", """
                [{"user_id": "u1", "item_id": "i1"},
                 {"user_id": "u2",
                  "item_id": ""},
                 {"user_id": "u3", "item_id": "i3"}]
                """);
        DatasetInfo fromArray = load(Family.FILTERING, arrayWithBadValue, skipping());
        assertEquals(2, fromArray.rows());
        assertEquals("array.json line 2 column item_id: is empty",
                fromArray.lastImport().badRows().get(0).toString(), "the line the object starts on");

        Path badArray = file("bad.json", "[\n {\"user_id\": \"u1\", \"item_id\": \"i1\"},\n {\"user_id\": \"u2\",\n");
        ImportException broken = assertThrows(ImportException.class,
                () -> load(Family.FILTERING, badArray, skipping()));
        assertTrue(broken.getMessage().startsWith("bad.json: line 4 is not valid JSON"), broken.getMessage());
    }

    @Test
    void impossibleDatesAreBadRows() throws IOException {
        Path csv = file("dates.csv", "customer_id,date,amount\na,2024-02-29 10:00:00,1\nb,2023-02-29,1\n"
                + "c,2024-13-01,1\nd,2024-1-5,1\ne,20240105,1\n");
        DatasetInfo info = load(Family.SEGMENTATION, csv, skipping());
        assertEquals(1, info.rows(), "only the leap day of 2024 is a date");
        assertEquals(List.of("'2023-02-29' is not a date YYYY-MM-DD", "'2024-13-01' is not a date YYYY-MM-DD",
                "'2024-1-5' is not a date YYYY-MM-DD", "'20240105' is not a date YYYY-MM-DD"),
                info.lastImport().badRows().stream().map(BadRow::reason).toList());
    }

    @Test
    void aByteOrderMarkIsNotPartOfTheFirstColumnName() throws IOException {
        Path csv = file("excel.csv", "\uFEFFcustomer_id,date,amount\nc1,2011-01-01,5\n");
        assertEquals(1, load(Family.SEGMENTATION, csv, ImportOptions.defaults()).rows());
    }

    @Test
    void aGzNameOnAPlainFileIsRejectedClearly() throws IOException {
        Path fake = file("plain.csv.gz", "customer_id,date,amount\nc1,2011-01-01,5\n");
        ImportException rejected = assertThrows(ImportException.class,
                () -> load(Family.SEGMENTATION, fake, ImportOptions.defaults()));
        assertEquals("plain.csv.gz: is not gzip-compressed although its name ends in .gz;"
                + " nothing was imported", rejected.getMessage());
        assertTrue(datasetFolderContents().isEmpty());
    }

    @Test
    void reportsNameTheSourceAsTheUserKnowsIt() throws IOException {
        Path spooled = file("upload-4711.tmp", "customer_id,date,amount\nc1,yesterday,5\n");
        ImportException rejected = assertThrows(ImportException.class, () -> datasets.importData(Family.SEGMENTATION,
                new FileSource(spooled, Format.CSV, "sales.csv"), ImportOptions.defaults(), TrainingContext.none()));
        assertEquals("sales.csv line 2 column date: 'yesterday' is not a date YYYY-MM-DD",
                rejected.report().badRows().get(0).toString());
        assertTrue(rejected.getMessage().startsWith("sales.csv: 1 bad row"), rejected.getMessage());
    }

    @Test
    void readsGzippedFiles() throws IOException {
        Path gz = temp.resolve("tx.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write("customer_id,date,amount\nc1,2011-01-01,5\n".getBytes(StandardCharsets.UTF_8));
        }
        assertEquals(1, load(Family.SEGMENTATION, gz, ImportOptions.defaults()).rows());
        assertEquals(Format.CSV, FileSource.of(gz).format());
    }

    @Test
    void aFailureMidwayOrACancellationLeavesNoDataSetAndNoTemporaryFile() throws IOException {
        StringBuilder text = new StringBuilder("customer_id,date,amount\n");
        for (int row = 0; row < 20_000; row++) {
            text.append("c").append(row % 100).append(",2011-01-01,").append(row).append('\n');
        }
        text.append("\"broken,2011-01-01,1\nc,2011-01-01,1\n");
        Path csv = file("midway.csv", text.toString());
        ImportException broken = assertThrows(ImportException.class, () -> load(Family.SEGMENTATION, csv, skipping()));
        assertTrue(broken.getMessage().contains("line 20002 is not valid CSV"), broken.getMessage());
        assertEquals(20_000, broken.report().rowsRead());
        assertTrue(datasetFolderContents().isEmpty(), "nothing half-imported: " + datasetFolderContents());

        TrainingContext cancelling = new TrainingContext() {
            @Override
            public void progress(double fraction, String message) {
            }

            @Override
            public boolean isCancelled() {
                return true;
            }
        };
        assertThrows(CancellationException.class, () -> datasets.importData(Family.SEGMENTATION,
                FileSource.of(csv), skipping(), cancelling));
        assertTrue(datasetFolderContents().isEmpty());
    }

    @Test
    void leftoversOfACrashedImportAreRemovedAtStartUp() throws IOException {
        Path leftover = Files.createDirectories(datasets.root().resolve(".import-1234"));
        Files.writeString(leftover.resolve("rows-1.csv.gz"), "half");
        new DatasetFolder(datasets.root());
        assertFalse(Files.exists(leftover));
    }

    @Test
    void appendKeepsOnlyRowsPastTheWatermark() throws IOException {
        Path first = file("jan.csv", "customer_id,date,amount\na,2024-01-01,1\nb,2024-01-31,2\n");
        DatasetInfo created = load(Family.SEGMENTATION, first,
                ImportOptions.builder().watermarkField("date").label("shop").build());
        assertEquals("2024-01-31", created.watermark());

        Path second = file("feb.csv", "customer_id,date,amount\nb,2024-01-31,2\nc,2024-02-01,3\na,2024-02-03,4\n");
        DatasetInfo appended = load(Family.SEGMENTATION, second, ImportOptions.builder().appendTo(created.id()).build());

        assertEquals(created.id(), appended.id());
        assertEquals(4, appended.rows());
        assertEquals(1, appended.lastImport().rowsBelowWatermark());
        assertEquals("2024-02-03", appended.watermark());
        assertEquals(List.of("jan.csv", "feb.csv"), appended.sources());
        Transactions all = datasets.open(created.id(), Transactions.class);
        assertEquals(4, all.size());
        assertEquals(4, all.amount(3));
        try (Stream<Path> files = Files.list(datasets.root().resolve(created.id()))) {
            assertEquals(2, files.count(), "the manifest and one rows file");
        }

        DatasetInfo nothingNew = load(Family.SEGMENTATION, second, ImportOptions.builder().appendTo(created.id())
                .build());
        assertEquals(4, nothingNew.rows());
        assertEquals(3, nothingNew.lastImport().rowsBelowWatermark());
    }

    @Test
    void anIdWatermarkComparesWholeNumbersAsNumbers() throws IOException {
        DatasetInfo created = load(Family.SEGMENTATION, file("a.csv",
                "customer_id,date,amount,invoice_no\na,2024-01-01,1,8\nb,2024-01-01,2,9\n"),
                ImportOptions.builder().watermarkField("invoice_no").build());
        assertEquals("9", created.watermark());
        DatasetInfo appended = load(Family.SEGMENTATION, file("b.csv",
                "customer_id,date,amount,invoice_no\nb,2024-01-01,2,9\nc,2024-01-02,3,10\n"),
                ImportOptions.builder().appendTo(created.id()).build());
        assertEquals(3, appended.rows(), "invoice 10 comes after 9, although '10' < '9' as text");
        assertEquals("10", appended.watermark());
        ValidationException unknown = assertThrows(ValidationException.class, () -> load(Family.SEGMENTATION,
                file("c.csv", "customer_id,date,amount\na,2024-01-01,1\n"),
                ImportOptions.builder().watermarkField("week").build()));
        assertEquals("watermarkField: 'week' is not a field of the segmentation family", unknown.getMessage());
    }

    @Test
    void appendingOtherFieldsOrToAnotherFamilyIsRefused() throws IOException {
        DatasetInfo created = load(Family.SEGMENTATION, file("a.csv", "customer_id,date,amount\na,2024-01-01,1\n"),
                ImportOptions.defaults());
        Path withInvoices = file("b.csv", "customer_id,date,amount,invoice_no\na,2024-01-02,1,7\n");
        ImportException refused = assertThrows(ImportException.class, () -> load(Family.SEGMENTATION, withInvoices,
                ImportOptions.builder().appendTo(created.id()).build()));
        assertTrue(refused.getMessage().contains("but the data set holds [customer_id, date, amount]"));
        assertThrows(ValidationException.class, () -> load(Family.FILTERING, withInvoices,
                ImportOptions.builder().appendTo(created.id()).build()));
        assertEquals(1, datasets.find(created.id()).orElseThrow().rows());
    }

    @Test
    void deleteRemovesTheDataSetAndOpeningAsAnotherFamilyIsRefused() throws IOException {
        DatasetInfo created = load(Family.SEGMENTATION, file("a.csv", "customer_id,date,amount\na,2024-01-01,1\n"),
                ImportOptions.defaults());
        ValidationException wrongType = assertThrows(ValidationException.class,
                () -> datasets.open(created.id(), SeriesSet.class));
        assertTrue(wrongType.getMessage().contains("holds segmentation data (Transactions), not SeriesSet"));
        assertTrue(datasets.delete(created.id()));
        assertFalse(datasets.delete(created.id()));
        assertTrue(datasets.list().isEmpty());
        assertTrue(datasetFolderContents().isEmpty());
        assertFalse(datasets.delete("../etc"));
    }

    @Test
    void aSourceWithoutUsableRowsIsRejected() throws IOException {
        ImportException empty = assertThrows(ImportException.class, () -> load(Family.SEGMENTATION,
                file("empty.csv", "customer_id,date,amount\n"), skipping()));
        assertEquals("empty.csv: holds no rows", empty.getMessage());
        ImportException allBad = assertThrows(ImportException.class, () -> load(Family.SEGMENTATION,
                file("bad.csv", "customer_id,date,amount\n,2024-01-01,1\n"), skipping()));
        assertTrue(allBad.getMessage().contains("holds no usable row (1 bad; the first: bad.csv line 2 column"
                + " customer_id: is empty)"), allBad.getMessage());
    }
}

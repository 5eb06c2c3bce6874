package io.mercator.platform.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mercator.api.Family;
import io.mercator.api.TrainingContext;
import io.mercator.api.datasets.DatasetInfo;
import io.mercator.api.datasets.FileSource;
import io.mercator.api.datasets.ImportOptions;
import io.mercator.api.filtering.Interactions;
import io.mercator.api.forecasting.SeriesSet;
import io.mercator.api.pricing.PriceObservations;
import io.mercator.api.segmentation.Transactions;
import io.mercator.demo.Retailer;
import io.mercator.demo.RetailerCsv;
import io.mercator.demo.RetailerGenerator;
import io.mercator.demo.RetailerSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code mercator generate} writes per family imports with the default options, every row of it. */
class GeneratedRetailerImportTest {

    @TempDir
    static Path temp;

    private static DatasetFolder datasets;
    private static Path generated;

    @BeforeAll
    static void generate() throws IOException {
        Retailer retailer = RetailerGenerator.generate(new RetailerSpec(7, 2, 6, 30, 60, LocalDate.of(2024, 1, 1)));
        generated = temp.resolve("retailer");
        RetailerCsv.write(retailer, generated);
        datasets = new DatasetFolder(temp.resolve("datasets"));
    }

    private static DatasetInfo load(Family family, String file) throws IOException {
        Path csv = generated.resolve(file);
        DatasetInfo info = datasets.importData(family, FileSource.of(csv), ImportOptions.defaults(),
                TrainingContext.none());
        try (var lines = Files.lines(csv)) {
            assertEquals(lines.count() - 1, info.rows(), file + ": every data line is a row");
        }
        return info;
    }

    @Test
    void forecastingSeries() throws IOException {
        SeriesSet series = datasets.open(load(Family.FORECASTING, "forecasting/demand.csv").id(), SeriesSet.class);
        assertEquals(12, series.size(), "2 stores x 6 products");
        assertEquals(60, series.length(0), "60 days");
    }

    @Test
    void optimizationDemandHistory() throws IOException {
        SeriesSet demand = datasets.open(load(Family.OPTIMIZATION, "optimization/demand.csv").id(), SeriesSet.class);
        assertEquals(12, demand.size());
        assertTrue(demand.isNonNegative(0));
    }

    @Test
    void filteringRatings() throws IOException {
        Interactions ratings = datasets.open(load(Family.FILTERING, "filtering/ratings.csv").id(), Interactions.class);
        assertTrue(ratings.hasTimestamps());
        assertTrue(ratings.users().size() <= 30);
    }

    @Test
    void segmentationTransactions() throws IOException {
        Transactions transactions = datasets.open(load(Family.SEGMENTATION, "segmentation/transactions.csv").id(),
                Transactions.class);
        assertTrue(transactions.customers().size() <= 30);
    }

    @Test
    void pricingObservations() throws IOException {
        PriceObservations prices = datasets.open(load(Family.PRICING, "pricing/prices.csv").id(),
                PriceObservations.class);
        assertTrue(prices.hasLocations());
        assertEquals(6, prices.products().size());
    }
}

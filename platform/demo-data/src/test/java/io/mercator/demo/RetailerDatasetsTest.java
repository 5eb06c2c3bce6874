package io.mercator.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mercator.api.filtering.Interactions;
import io.mercator.api.forecasting.SeriesSet;
import io.mercator.api.optimization.ReplenishmentInput;
import io.mercator.api.pricing.PriceObservations;
import io.mercator.api.pricing.PriceRequest;
import io.mercator.api.segmentation.CategorySpend;
import io.mercator.api.segmentation.Transactions;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RetailerDatasetsTest {

    private static final RetailerSpec SPEC = new RetailerSpec(5, 2, 16, 60, 120, java.time.LocalDate.of(2025, 1, 1));
    private static Retailer retailer;
    private static RetailerDatasets datasets;

    @BeforeAll
    static void generate() {
        retailer = RetailerGenerator.generate(SPEC);
        datasets = new RetailerDatasets(retailer);
    }

    @Test
    void demandHasOneWeeklySeriesPerStoreAndProduct() {
        SeriesSet demand = datasets.demand();
        assertEquals(2 * 16, demand.size());
        assertEquals(RetailerDatasets.WEEK, demand.seasonLength());
        assertEquals("S02/SKU-00003", demand.ids().id(16 + 2));
        int[] units = retailer.units(1, 2);
        assertEquals(units[119], demand.value(16 + 2, 119), 0);
    }

    @Test
    void priceObservationsHaveOneRowPerProductStoreAndDay() {
        PriceObservations prices = datasets.prices();
        assertEquals(2 * 16 * 120, prices.size());
    }

    @Test
    void invoicesAddUpTheirLines() {
        Transactions invoices = datasets.invoices();
        Set<Long> invoiceNumbers = new HashSet<>();
        double linesTotal = 0;
        for (int i = 0; i < retailer.transactions.size(); i++) {
            invoiceNumbers.add(retailer.transactions.invoice[i]);
            linesTotal += retailer.transactions.amount[i];
        }
        assertEquals(invoiceNumbers.size(), invoices.size());
        double invoicesTotal = 0;
        for (int i = 0; i < invoices.size(); i++) {
            invoicesTotal += invoices.amount(i);
        }
        assertEquals(linesTotal, invoicesTotal, 0.01 * invoices.size());
        // every line is also a category-spend line, under its product's category
        CategorySpend lines = invoices.categorySpend().orElseThrow();
        assertEquals(retailer.transactions.size(), lines.size());
        assertEquals(retailer.categories[retailer.transactions.sku[0]].label, lines.categories().id(lines.category(0)));
        assertEquals(retailer.transactions.amount[0], lines.amount(0), 0);
    }

    @Test
    void purchasesAreTheInteractionsThatArePurchases() {
        Interactions purchases = datasets.purchases();
        long expected = 0;
        for (int i = 0; i < retailer.interactions.size(); i++) {
            expected += retailer.interactions.event[i] == Columns.Interactions.PURCHASE ? 1 : 0;
        }
        assertEquals(expected, purchases.size());
        assertTrue(purchases.users().size() <= SPEC.customers());
    }

    @Test
    void requestsCoverTheAskedRows() {
        PriceRequest request = datasets.priceRequest(5, 0.2);
        assertEquals(5, request.size());
        ReplenishmentInput input = datasets.replenishment(0.95);
        assertEquals(2 * 16, input.size());
        assertEquals("S01/SKU-00001", input.skus().id(0));
    }
}

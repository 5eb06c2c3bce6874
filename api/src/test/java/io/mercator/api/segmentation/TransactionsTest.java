package io.mercator.api.segmentation;

import static io.mercator.api.Rejections.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mercator.api.ValidationException;
import io.mercator.api.data.IdDictionary;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class TransactionsTest {

    private final IdDictionary customers = IdDictionary.of("customers", "c1", "c2");

    @Test
    void builderRoundTripsReturnsIncluded() {
        LocalDate day = LocalDate.of(2024, 1, 15);
        Transactions data = Transactions.builder()
                .add("c1", day, 49.90)
                .add("c2", (int) day.toEpochDay() + 1, 10.0)
                .add("c1", day, -19.95)
                .build();
        assertEquals(3, data.size());
        assertEquals(2, data.customers().size());
        assertEquals("c1", data.customers().id(data.customer(2)));
        assertEquals(day.toEpochDay() + 1, data.day(1));
        assertEquals(-19.95, data.amount(2));
    }

    @Test
    void builderGrowsPastItsInitialCapacity() {
        Transactions.Builder builder = Transactions.builder();
        for (int row = 0; row < 1000; row++) {
            builder.add("c" + (row % 10), 19_000 + row, row);
        }
        Transactions data = builder.build();
        assertEquals(1000, data.size());
        assertEquals(10, data.customers().size());
        assertEquals(19_999, data.day(999));
        assertEquals(999.0, data.amount(999));
        assertEquals("c9", data.customers().id(data.customer(999)));
    }

    @Test
    void nonFiniteAmountIsRejected() {
        assertRejected("amount", 1, "Infinity is not a finite number",
                () -> Transactions.builder().add("c1", 1, 1).add("c1", 2, Double.NEGATIVE_INFINITY).build());
    }

    @Test
    void dayAsYyyyMmDdIsRejected() {
        assertRejected("day", 1, "20240115 is not an epoch day",
                () -> Transactions.builder().add("c1", 1, 1).add("c1", 20240115, 1).build());
    }

    @Test
    void dayBefore1970IsRejected() {
        assertRejected("day", 0, "-1 is not an epoch day",
                () -> Transactions.builder().add("c1", LocalDate.of(1969, 12, 31), 1).build());
        assertRejected("day", 0, "date is missing", () -> Transactions.builder().add("c1", (LocalDate) null, 1));
    }

    @Test
    void blankCustomerIsRejected() {
        Transactions.Builder builder = Transactions.builder().add("c1", 1, 1);
        assertRejected("customers", 1, "id is empty", () -> builder.add(" ", 1, 1));
    }

    @Test
    void badColumnsAreRejected() {
        assertRejected("customer", 1, "index 5 does not name one of the 2 known ids",
                () -> new Transactions(customers, new int[] {0, 5}, new int[2], new double[2]));
        assertRejected("day", ValidationException.NO_ROW, "has 1 rows, expected 2",
                () -> new Transactions(customers, new int[2], new int[1], new double[2]));
        assertRejected("amount", ValidationException.NO_ROW, "column is missing",
                () -> new Transactions(customers, new int[2], new int[2], null));
        assertRejected("customers", ValidationException.NO_ROW, "id dictionary is missing",
                () -> new Transactions(null, new int[0], new int[0], new double[0]));
    }

    @Test
    void categorySpendTravelsWithTheTransactionsAndIsChecked() {
        Transactions data = Transactions.builder().add("c1", 10, 5).addCategorySpend("c1", 10, "tea", 3)
                .addCategorySpend("c2", 11, "cake", 2).build();
        CategorySpend spend = data.categorySpend().orElseThrow();
        assertEquals(2, spend.size());
        assertEquals("c2", data.customers().id(spend.customer(1)));
        assertEquals("cake", spend.categories().id(spend.category(1)));
        assertEquals(11, spend.day(1));
        assertEquals(2.0, spend.amount(1));
        assertEquals(false, Transactions.builder().add("c1", 10, 5).build().categorySpend().isPresent());

        Transactions plain = new Transactions(customers, new int[] {0}, new int[] {10}, new double[] {5});
        CategorySpend foreign = new CategorySpend(IdDictionary.of("categories", "tea"), new int[] {2}, new int[] {10},
                new int[] {0}, new double[] {1});
        assertRejected("categorySpend.customer", 0, "not a customer index below 2", () -> plain.withCategorySpend(foreign));
        assertRejected("amount", 0, "", () -> Transactions.builder().addCategorySpend("c1", 10, "tea", Double.NaN)
                .build());
        assertRejected("categories", 0, "id is empty", () -> Transactions.builder().addCategorySpend("c1", 10, " ", 1));
    }
}

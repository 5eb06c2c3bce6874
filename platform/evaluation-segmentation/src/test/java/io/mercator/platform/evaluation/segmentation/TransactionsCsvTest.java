package io.mercator.platform.evaluation.segmentation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.mercator.api.ValidationException;
import io.mercator.api.segmentation.CategorySpend;
import io.mercator.api.segmentation.Transactions;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TransactionsCsvTest {

    @TempDir
    Path folder;

    private Path write(String name, String text) throws IOException {
        Path file = folder.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    @Test
    void cdnowLayoutTakesSalesAsTheAmount() throws IOException {
        Path file = write("cdnow.csv", "master_id,customer_id,date,cds,sales\n4,1,1997-01-01,2,29.33\n18,2,1997-01-12,1,11.77\n");
        TransactionsCsv.Result read = TransactionsCsv.read(file);
        Transactions transactions = read.transactions();
        assertEquals(2, transactions.size());
        assertEquals("2", transactions.customers().id(transactions.customer(1)));
        assertEquals(LocalDate.parse("1997-01-12").toEpochDay(), transactions.day(1));
        assertEquals(29.33, transactions.amount(0), 0);
    }

    @Test
    void invoiceLinesBecomeOneTransactionAndBlankCustomersAreSkipped() throws IOException {
        Path file = folder.resolve("retail.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(("invoice_no,stock_code,description,quantity,invoice_date,unit_price,customer_id,country\n"
                    + "536365,85123A,\"HEART, WHITE\",6,2010-12-01 08:26:00,2.55,17850,United Kingdom\n"
                    + "536365,71053,LANTERN,6,2010-12-01 08:26:00,3.39,17850,United Kingdom\n"
                    + "536366,22633,WARMER,6,2010-12-01 08:28:00,1.85,,United Kingdom\n"
                    + "C536379,D,Discount,-1,2010-12-02 09:41:00,27.5,17850,United Kingdom\n").getBytes(StandardCharsets.UTF_8));
        }
        TransactionsCsv.Result read = TransactionsCsv.read(file);
        assertEquals(4, read.lines());
        assertEquals(1, read.skipped());
        Transactions transactions = read.transactions();
        assertEquals(2, transactions.size());
        assertEquals(6 * 2.55 + 6 * 3.39, transactions.amount(0), 1e-9);
        assertEquals(-27.5, transactions.amount(1), 0);
        // the description names what each line of a known customer bought
        CategorySpend lines = transactions.categorySpend().orElseThrow();
        assertEquals(3, lines.size());
        assertEquals("HEART, WHITE", lines.categories().id(lines.category(0)));
        assertEquals(6 * 3.39, lines.amount(1), 1e-9);
        assertEquals("Discount", lines.categories().id(lines.category(2)));
        assertEquals("17850", transactions.customers().id(lines.customer(2)));
    }

    @Test
    void aCategoryColumnIsPreferredAndBlankCategoriesAreLeftOut() throws IOException {
        Path file = write("shop.csv", "customer_id,date,amount,category,description\n"
                + "a,2020-01-01,5,dairy,milk\nb,2020-01-02,7,,bread\n");
        CategorySpend lines = TransactionsCsv.read(file).transactions().categorySpend().orElseThrow();
        assertEquals(1, lines.size());
        assertEquals("dairy", lines.categories().id(lines.category(0)));
        Path plain = write("plain.csv", "customer_id,date,amount\na,2020-01-01,5\n");
        assertEquals(false, TransactionsCsv.read(plain).transactions().categorySpend().isPresent());
    }

    @Test
    void badValuesAreReportedWithFileLineAndColumn() throws IOException {
        Path badDate = write("bad.csv", "customer_id,date,amount\na,2020-01-01,5\nb,01/02/2020,7\n");
        ValidationException date = assertThrows(ValidationException.class, () -> TransactionsCsv.read(badDate));
        assertEquals("bad.csv line 3 column date", date.field());
        Path badAmount = write("amount.csv", "customer_id,date,amount\na,2020-01-01,five\n");
        assertEquals("amount.csv line 2 column amount",
                assertThrows(ValidationException.class, () -> TransactionsCsv.read(badAmount)).field());
        Path noCustomer = write("nocustomer.csv", "client,date,amount\na,2020-01-01,5\n");
        ValidationException column = assertThrows(ValidationException.class, () -> TransactionsCsv.read(noCustomer));
        assertEquals("nocustomer.csv: has no customer_id column; found [client, date, amount]", column.getMessage());
        assertEquals("missing.csv", assertThrows(ValidationException.class,
                () -> TransactionsCsv.read(folder.resolve("missing.csv"))).field());
    }
}

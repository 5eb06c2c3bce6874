package io.mercator.platform.evaluation.optimization;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.mercator.api.ValidationException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemandHistoryTest {

    @TempDir
    Path folder;

    private Path write(String name, String content) throws IOException {
        Path file = folder.resolve(name);
        Files.writeString(file, content);
        return file;
    }

    @Test
    void demandRowsOfOneSkuAndPeriodAddUp() throws IOException {
        DemandHistory history = DemandHistory.read(write("d.csv",
                "sku,period,demand,unit_cost\nA,0,2,3\nB,2,5,1\nA,0,1,5\nA,1,4,4\n"), 7);
        assertArrayEquals(new String[] {"A", "B"}, history.skus());
        assertArrayEquals(new double[] {3, 4, 0}, history.demand()[0], 0);
        assertArrayEquals(new double[] {0, 0, 5}, history.demand()[1], 0);
        assertArrayEquals(new double[] {4, 1}, history.unitCost(), 0);
    }

    @Test
    void monthlySeriesCountMonthsFromTheFirstOne() throws IOException {
        DemandHistory history = DemandHistory.read(write("m.csv",
                "\"series_id\",\"month\",\"turnover\"\n\"X\",\"2016-11\",63.9\n\"X\",\"2017-01\",70\n"
                        + "\"Y\",\"2016-12\",5\n"), 7);
        assertArrayEquals(new String[] {"X", "Y"}, history.skus());
        assertArrayEquals(new double[] {63.9, 0, 70}, history.demand()[0], 0);
        assertArrayEquals(new double[] {0, 5, 0}, history.demand()[1], 0);
        ValidationException month = assertThrows(ValidationException.class, () -> DemandHistory.read(write("m.csv",
                "series_id,month,turnover\nX,2016-13,1\n"), 7));
        assertEquals("m.csv line 2 column month", month.field());
    }

    @Test
    void transactionsAreSummedIntoWholePeriods() throws IOException {
        Path file = folder.resolve("t.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(("invoice_no,stock_code,quantity,invoice_date,unit_price\n"
                    + "1,100A,2,2011-01-01 08:00:00,1.5\n"
                    + "2,100A,3,2011-01-02 09:00:00,2.5\n"
                    + "C3,100A,-1,2011-01-02 09:00:00,2.5\n"
                    + "4,POST,1,2011-01-03 09:00:00,18\n"
                    + "5,200,6,2011-01-04 10:00:00,0\n"
                    + "6,200,9,2011-01-05 10:00:00,4\n").getBytes(StandardCharsets.UTF_8));
        }
        // two-day periods from 2011-01-01: days 1-2, 3-4; day 5 is an incomplete period and dropped
        DemandHistory history = DemandHistory.read(file, 2);
        assertArrayEquals(new String[] {"100A", "200"}, history.skus());
        assertArrayEquals(new double[] {5, 0}, history.demand()[0], 0);
        assertArrayEquals(new double[] {0, 6}, history.demand()[1], 0);
        assertArrayEquals(new double[] {2, 4}, history.unitCost(), 0);
        assertEquals(2, history.skippedRows());
    }

    @Test
    void badValuesNameFileLineAndColumn() throws IOException {
        ValidationException notANumber = assertThrows(ValidationException.class,
                () -> DemandHistory.read(write("d.csv", "sku,period,demand\nA,0,2\nA,1,lots\n"), 7));
        assertEquals("d.csv line 3 column demand: 'lots' is not a finite number", notANumber.getMessage());
        ValidationException negative = assertThrows(ValidationException.class,
                () -> DemandHistory.read(write("d.csv", "sku,period,demand\nA,0,-2\n"), 7));
        assertEquals("d.csv line 2 column demand", negative.field());
        ValidationException fraction = assertThrows(ValidationException.class,
                () -> DemandHistory.read(write("d.csv", "sku,period,demand\nA,0.5,2\n"), 7));
        assertEquals("d.csv line 2 column period", fraction.field());
        ValidationException date = assertThrows(ValidationException.class, () -> DemandHistory.read(write("t.csv",
                "stock_code,quantity,invoice_date,unit_price\n10,1,01/02/2011,2\n"), 7));
        assertEquals("t.csv line 2 column invoice_date", date.field());
        ValidationException layout = assertThrows(ValidationException.class,
                () -> DemandHistory.read(write("x.csv", "item,qty\nA,1\n"), 7));
        assertEquals("x.csv", layout.field());
    }
}

package io.mercator.platform.evaluation.pricing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mercator.api.ValidationException;
import io.mercator.api.pricing.PriceObservations;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PriceFilesTest {

    @TempDir
    Path folder;

    private Path write(String name, String text) throws IOException {
        Path file = folder.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    @Test
    void genericLayoutWithoutLocations() throws IOException {
        PriceObservations data = PriceFiles.read(write("prices.csv",
                "product,period,price,units,promo\nA,1,2.5,10,0\nB,1,3,4,true\nA,2,2.0,14,1\n"));
        assertEquals(3, data.size());
        assertFalse(data.hasLocations());
        assertEquals("A", data.products().id(data.product(2)));
        assertEquals(14, data.units(2));
        assertTrue(data.promo(1));
    }

    @Test
    void dominicksLayoutTakesTheBrandsOwnPriceAndExponentiatesLogmove() throws IOException {
        Path file = folder.resolve("sales.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(("\"store\",\"brand\",\"week\",\"logmove\",\"constant\",\"price1\",\"price2\",\"deal\",\"feat\","
                    + "\"profit\"\n2,1,40,2.302585093,1,0.06,0.04,1,0.5,37\n2,2,40,0,1,0.06,0.04,0,0,12\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        PriceObservations data = PriceFiles.read(file);
        assertEquals("brand2", data.products().id(data.product(1)));
        assertEquals(0.04, data.price(1));
        assertEquals(10, data.units(0), 1e-8);
        assertEquals("2", data.locations().id(data.location(0)));
        assertEquals(0.5, data.feature(0));
        assertTrue(data.promo(0));
    }

    @Test
    void badValuesAreReportedWithFileLineAndColumn() throws IOException {
        ValidationException notNumber = assertThrows(ValidationException.class, () -> PriceFiles.read(
                write("p.csv", "product,period,price,units\nA,1,2.5,10\nA,2,cheap,10\n")));
        assertEquals("p.csv line 3 column price: 'cheap' is not a finite number", notNumber.getMessage());
        ValidationException zeroPrice = assertThrows(ValidationException.class, () -> PriceFiles.read(
                write("z.csv", "product,period,price,units\nA,1,0,10\n")));
        assertEquals("z.csv line 2 column price: 0.0 must be > 0", zeroPrice.getMessage());
        ValidationException negativeUnits = assertThrows(ValidationException.class, () -> PriceFiles.read(
                write("n.csv", "product,period,price,units\nA,1,1,10\nA,2,1,-3\n")));
        assertEquals("n.csv line 3 column units: -3.0 must be a finite number >= 0.0", negativeUnits.getMessage());
        ValidationException missing = assertThrows(ValidationException.class, () -> PriceFiles.read(
                write("m.csv", "product,week,price,units\nA,1,1,10\n")));
        assertTrue(missing.getMessage().startsWith("m.csv line 1: has no column 'period'"), missing.getMessage());
    }

    @Test
    void splitHoldsOutTheLastPeriodsAndDropsProductsNeverTrained() throws IOException {
        PriceObservations data = PriceFiles.read(write("s.csv", "product,period,price,units\n"
                + "A,1,1,1\nA,2,1,1\nA,3,1,1\nA,4,1,1\nNEW,4,1,1\n"));
        PeriodSplit split = PeriodSplit.of(data, 2);
        assertEquals(3, split.firstTestPeriod());
        assertEquals(2, split.training().size());
        assertEquals(2, split.test().size());
        assertEquals(1, split.droppedTestRows());
        ValidationException tooLong = assertThrows(ValidationException.class, () -> PeriodSplit.of(data, 3));
        assertEquals("holdoutPeriods", tooLong.field());
    }

    @Test
    void aSegmentColumnLabelsTheRowsAndTheSplitKeepsIt() throws IOException {
        PriceObservations data = PriceFiles.read(write("seg.csv", "product,period,price,units,segment\n"
                + "A,1,1,1,loyal\nA,1,1,2,switcher\nA,2,1,3,switcher\nA,3,1,4,loyal\n"));
        assertTrue(data.hasSegments());
        assertEquals("switcher", data.segments().id(data.segment(1)));
        PeriodSplit split = PeriodSplit.of(data, 1);
        assertEquals(List.of("loyal", "switcher", "switcher"), List.of(split.training().segments().id(
                split.training().segment(0)), split.training().segments().id(split.training().segment(1)),
                split.training().segments().id(split.training().segment(2))));
        assertEquals("loyal", split.test().segments().id(split.test().segment(0)));
        ValidationException empty = assertThrows(ValidationException.class, () -> PriceFiles.read(write("e.csv",
                "product,period,price,units,segment\nA,1,1,1,\n")));
        assertEquals("e.csv line 2 column segment: is empty", empty.getMessage());
    }
}

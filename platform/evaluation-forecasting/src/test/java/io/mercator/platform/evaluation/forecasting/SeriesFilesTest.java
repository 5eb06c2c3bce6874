package io.mercator.platform.evaluation.forecasting;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.mercator.api.ValidationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SeriesFilesTest {

    @TempDir
    Path folder;

    @Test
    void readsLongFormatWithMissingValues() throws IOException {
        Path file = Files.writeString(folder.resolve("sales.csv"), "sku,week,units\na,1,3\nb,1,7\na,2,\na,3,NA\nb,2,8\n");
        SeriesFiles.Data data = SeriesFiles.read(file);
        assertEquals(List.of("a", "b"), data.ids());
        assertArrayEquals(new double[] {3, Double.NaN, Double.NaN}, data.training().get(0), 0);
        assertArrayEquals(new double[] {7, 8}, data.training().get(1), 0);
        assertNull(data.test());
    }

    @Test
    void readsAFolderWithItsSplitAndFrequencies() throws IOException {
        Files.writeString(folder.resolve("train.csv"), "series_id,t,value\nq,1,1\nq,2,2\ny,1,5\n");
        Files.writeString(folder.resolve("test.csv"), "series_id,t,value\ny,2,6\nq,3,3\nq,4,4\n");
        Files.writeString(folder.resolve("series.csv"), "series_id,period,frequency\nq,QUARTERLY,4\ny,YEARLY,1\n");
        SeriesFiles.Data data = SeriesFiles.read(folder);
        assertArrayEquals(new double[] {3, 4}, data.test().get(0), 0);
        assertArrayEquals(new int[] {4, 1}, data.seasonLength());
    }

    @Test
    void badRowsAreReportedWithFileLineAndColumn() throws IOException {
        Path file = Files.writeString(folder.resolve("bad.csv"), "series_id,t,value\na,1,3\na,2,three\n");
        ValidationException error = assertThrows(ValidationException.class, () -> SeriesFiles.read(file));
        assertEquals("bad.csv line 3, column 3 (value): 'three' is not a number", error.getMessage());
        Path narrow = Files.writeString(folder.resolve("narrow.csv"), "series_id,t,value\na,1\n");
        assertEquals("narrow.csv line 2: needs 3 columns (series id, period, value), has 2",
                assertThrows(ValidationException.class, () -> SeriesFiles.read(narrow)).getMessage());
        Files.writeString(folder.resolve("train.csv"), "series_id,t,value\nz,1,1\n");
        Files.writeString(folder.resolve("test.csv"), "series_id,t,value\nw,2,1\n");
        assertEquals("test.csv: has no rows for series 'z' of the training file",
                assertThrows(ValidationException.class, () -> SeriesFiles.read(folder)).getMessage());
        assertThrows(ValidationException.class, () -> SeriesFiles.read(folder.resolve("absent.csv")));
    }
}

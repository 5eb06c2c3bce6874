package io.mercator.platform.evaluation.filtering;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.mercator.api.ValidationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InteractionsFileTest {

    @TempDir
    Path folder;

    private Path write(String text) throws IOException {
        return Files.writeString(folder.resolve("ratings.csv"), text);
    }

    @Test
    void readsRatingsWithTimesAndFolds() throws IOException {
        InteractionsFile file = InteractionsFile.read(write(
                "user_id,item_id,rating,timestamp,u_fold\n1,10,4,100,2\n2,10,3.5,90,1\n"), "u_fold");
        assertArrayEquals(new String[] {"1", "2"}, file.users());
        assertArrayEquals(new double[] {4, 3.5}, file.values());
        assertArrayEquals(new long[] {100, 90}, file.timestamps());
        assertArrayEquals(new int[] {2, 1}, file.folds());
    }

    @Test
    void alternativeNamesAndOptionalColumns() throws IOException {
        InteractionsFile file = InteractionsFile.read(write("user,item,value\nu,i,1\n"), "u_fold");
        assertNull(file.timestamps());
        assertNull(file.folds());
    }

    @Test
    void badCellsNameFileLineAndColumn() throws IOException {
        Path nan = write("user_id,item_id,rating\n1,10,4\n2,11,NaN\n");
        ValidationException error = assertThrows(ValidationException.class, () -> InteractionsFile.read(nan, "f"));
        assertEquals(nan + " line 3 column 'rating'", error.field());
        Path blank = write("user_id,item_id,rating\n,10,4\n");
        assertEquals(blank + " line 2 column 'user_id'",
                assertThrows(ValidationException.class, () -> InteractionsFile.read(blank, "f")).field());
        Path noItem = write("user_id,rating\n1,4\n");
        assertEquals("line 1: no column 'item_id' (or 'item') in the header [user_id, rating]",
                assertThrows(ValidationException.class, () -> InteractionsFile.read(noItem, "f")).getMessage()
                        .substring(noItem.toString().length() + 2));
        Path empty = write("user_id,item_id,rating\n");
        assertEquals(empty.toString(),
                assertThrows(ValidationException.class, () -> InteractionsFile.read(empty, "f")).field());
    }
}

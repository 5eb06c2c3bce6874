package io.mercator.platform.evaluation.filtering;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.mercator.api.ValidationException;
import io.mercator.api.filtering.ItemCatalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogFileTest {

    @TempDir
    Path folder;

    private Path write(String text) throws IOException {
        return Files.writeString(folder.resolve("items.csv"), text);
    }

    @Test
    void readsTextsValuedAttributesAndFlagColumns() throws IOException {
        ItemCatalog catalog = CatalogFile.read(write("""
                item_id,title,genre_comedy,genre_drama,category,price
                1,Toy Story (1995),1,0,film,3.5
                2,"Heat, the film",0,1,,2
                """), List.of("genre", "category"));
        assertArrayEquals(new String[] {"category", "genre_comedy", "genre_drama"}, catalog.attributeNames());
        assertEquals("Heat, the film", catalog.text(1));
        assertEquals("1", catalog.attribute(1, 0));
        assertNull(catalog.attribute(2, 0), "a 0 flag is a value the item has not");
        assertNull(catalog.attribute(0, 1), "an empty value is missing");
    }

    @Test
    void badCellsNameTheFileLineAndColumn() throws IOException {
        ValidationException flag = assertThrows(ValidationException.class, () -> CatalogFile.read(
                write("sku,name,genre_x\na,A,1\nb,B,yes\n"), List.of("genre")));
        assertEquals(folder.resolve("items.csv") + " line 3 column 'genre_x'", flag.field());
        ValidationException twice = assertThrows(ValidationException.class, () -> CatalogFile.read(
                write("sku,name\na,A\na,B\n"), List.of()));
        assertEquals("items.csv line 3 column 'sku': item 'a' appears twice",
                twice.getMessage().substring(folder.toString().length() + 1));
        ValidationException noId = assertThrows(ValidationException.class, () -> CatalogFile.read(
                write("name\nA\n"), List.of()));
        assertEquals(folder.resolve("items.csv").toString(), noId.field());
    }
}

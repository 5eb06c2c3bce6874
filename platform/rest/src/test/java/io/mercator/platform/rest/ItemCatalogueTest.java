package io.mercator.platform.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ItemCatalogueTest {

    @TempDir
    Path folder;

    @Test
    void readsAProductCatalogueByItsColumnAliasesAndIgnoresOtherColumns() throws IOException {
        Path file = folder.resolve("items.csv");
        Files.writeString(file, "sku,brand,Name,category\nSKU-1,Acme,\"Oat milk, 1 l\",Dairy\nSKU-2,Acme,Rye bread,\n");
        ItemCatalogue catalogue = new ItemCatalogue(file);
        assertEquals(Optional.of(new ItemCatalogue.Item("SKU-1", "Oat milk, 1 l", "Dairy")), catalogue.find("SKU-1"));
        assertEquals(Optional.of(new ItemCatalogue.Item("SKU-2", "Rye bread", "")), catalogue.find("SKU-2"));
        assertFalse(catalogue.find("SKU-3").isPresent());
        assertEquals(List.of("SKU-1", "SKU-2"), catalogue.items().stream().map(ItemCatalogue.Item::id).toList());
    }

    @Test
    void aMissingFileIsAnEmptyCatalogueAndAChangedFileIsReadAgain() throws IOException {
        Path file = folder.resolve("items.csv");
        ItemCatalogue catalogue = new ItemCatalogue(file, 0);
        assertTrue(catalogue.items().isEmpty());
        Files.writeString(file, "item_id,name\nA,Apple\n");
        assertEquals("Apple", catalogue.find("A").orElseThrow().name());
        Files.writeString(file, "item_id,name\nA,Apricot\n");
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));
        assertEquals("Apricot", catalogue.find("A").orElseThrow().name());
        Files.delete(file);
        assertFalse(catalogue.find("A").isPresent());
    }

    @Test
    void aChangedFileIsLookedAtAgainOnlyAfterTheRecheckInterval() throws IOException {
        Path file = folder.resolve("items.csv");
        Files.writeString(file, "item_id,name\nA,Apple\n");
        ItemCatalogue catalogue = new ItemCatalogue(file, 3_600_000_000_000L);
        assertEquals("Apple", catalogue.find("A").orElseThrow().name());
        Files.writeString(file, "item_id,name\nA,Apricot\n");
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));
        assertEquals("Apple", catalogue.find("A").orElseThrow().name(), "within the interval");
        Path upload = folder.resolve(".body-3.upload");
        Files.writeString(upload, "item_id,name\nA,Avocado\n");
        catalogue.replace(upload, "the upload", ',');
        assertEquals("Avocado", catalogue.find("A").orElseThrow().name(), "a replacement is seen at once");
    }

    @Test
    void replaceWritesTheNormalisedCatalogueAndKeepsTheOldOneWhenTheUploadIsBad() throws IOException {
        Path file = folder.resolve("data/items.csv");
        ItemCatalogue catalogue = new ItemCatalogue(file);
        Path upload = folder.resolve(".body-1.upload");
        Files.writeString(upload, "product\ttitle\textra\nP1\tTea\tx\nP2\tCoffee\ty\n");
        assertEquals(2, catalogue.replace(upload, "the upload", '\t'));
        assertEquals("item_id,name,category\r\nP1,Tea,\r\nP2,Coffee,\r\n", Files.readString(file));
        assertEquals("Coffee", catalogue.find("P2").orElseThrow().name());

        Files.writeString(upload, "item_id,name\nQ1,Milk\nQ2,\n");
        Problem.ProblemException noName = assertThrows(Problem.ProblemException.class,
                () -> catalogue.replace(upload, "the upload", ','));
        assertEquals("the upload, line 3, column 2 (name): item 'Q2' has no name", noName.getMessage());
        assertEquals(3L, noName.problem().extensions().get("line"));
        assertEquals("Tea", catalogue.find("P1").orElseThrow().name(), "the old catalogue stays");
        try (var files = Files.list(file.getParent())) {
            assertEquals(List.of(file), files.toList(), "no temporary file is left");
        }
    }

    @Test
    void badFilesAreRefusedNamingTheLineColumnAndField() throws IOException {
        ItemCatalogue catalogue = new ItemCatalogue(folder.resolve("items.csv"));
        Path upload = folder.resolve(".body-2.upload");
        Files.writeString(upload, "code,name\nA,Apple\n");
        Problem.ProblemException noId = assertThrows(Problem.ProblemException.class,
                () -> catalogue.replace(upload, "the upload", ','));
        assertEquals("item_id", noId.problem().extensions().get("field"));
        assertTrue(noId.getMessage().contains("has no column item_id, item, sku"), noId.getMessage());

        Files.writeString(upload, "item_id,name\nA,Apple\nB,Banana\nA,Avocado\n");
        Problem.ProblemException twice = assertThrows(Problem.ProblemException.class,
                () -> catalogue.replace(upload, "fruit.csv", ','));
        assertEquals("fruit.csv, line 4, column 1 (item_id): item 'A' is listed twice (first on line 2)",
                twice.getMessage());
        assertFalse(Files.exists(folder.resolve("items.csv")));
    }
}

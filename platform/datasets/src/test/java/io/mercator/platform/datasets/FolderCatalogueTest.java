package io.mercator.platform.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The catalogue contract on a folder. */
class FolderCatalogueTest extends DatasetCatalogueContract {

    @Override
    protected DatasetCatalogue openCatalogue() throws Exception {
        return new FolderCatalogue(stagingFolder());
    }

    @Override
    protected Path stagingFolder() {
        return temp.resolve("datasets");
    }

    @Override
    protected void assertNothingStored() throws Exception {
        try (Stream<Path> children = Files.list(stagingFolder())) {
            assertEquals(List.of(), children.toList());
        }
    }
}

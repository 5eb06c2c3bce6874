package io.mercator.platform.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigurationFileTest {

    @TempDir
    Path conf;

    @Test
    void replacesTheKeysLineAndKeepsCommentsAndOtherKeys() throws Exception {
        Path file = conf.resolve("io.mercator.registry.cfg");
        Files.write(file, List.of("# default.forecasting = theta (a comment, not a setting)",
                "default.forecasting = combination", "default.pricing: log-log"));

        ConfigurationFile.of(file.toUri().toString()).orElseThrow().set("default.forecasting", "ets@[1,2)");

        assertEquals(List.of("# default.forecasting = theta (a comment, not a setting)",
                "default.forecasting = ets@[1,2)", "default.pricing: log-log"), Files.readAllLines(file));
    }

    @Test
    void appendsAKeyThatIsNotThereAndLeavesNoTemporaryFile() throws Exception {
        Path file = conf.resolve("io.mercator.registry.cfg");
        Files.write(file, List.of("default.pricing = log-log"));

        ConfigurationFile.of(file.toUri().toString()).orElseThrow().set("default.segmentation", "kmeans");

        assertEquals(List.of("default.pricing = log-log", "default.segmentation = kmeans"), Files.readAllLines(file));
        try (Stream<Path> files = Files.list(conf)) {
            assertEquals(List.of(file), files.toList());
        }
    }

    @Test
    void aConfigurationThatDidNotComeFromAFileHasNone() {
        assertTrue(ConfigurationFile.of(null).isEmpty());
        assertTrue(ConfigurationFile.of("not a uri with spaces").isEmpty());
        assertTrue(ConfigurationFile.of("http://example.com/x.cfg").isEmpty());
    }
}

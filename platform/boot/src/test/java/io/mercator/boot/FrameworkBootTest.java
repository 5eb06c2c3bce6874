package io.mercator.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mercator.boot.FrameworkBoot.BundleJar;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRevision;

class FrameworkBootTest {

    @TempDir
    Path folder;

    @Test
    void theSystemBundleExportsTheApiAndSlf4jFromTheClassPath() {
        Framework framework = FrameworkBoot.start(Map.of("org.osgi.framework.storage", folder.resolve("cache").toString(),
                "org.osgi.framework.storage.clean", "onFirstInit"), List.of());
        try {
            assertEquals(Bundle.ACTIVE, framework.getState());
            List<String> exported = framework.adapt(BundleRevision.class).getDeclaredCapabilities("osgi.wiring.package")
                    .stream().map(BundleCapability::getAttributes)
                    .map(attributes -> attributes.get("osgi.wiring.package") + "@" + attributes.get("version")).toList();
            assertTrue(exported.stream().anyMatch(e -> e.startsWith("io.mercator.api.forecasting@")), exported::toString);
            assertTrue(exported.contains("org.slf4j@2.0.17"), exported::toString);
            // nothing else of the class path: JUnit is on it, not exported
            assertTrue(exported.stream().noneMatch(e -> e.startsWith("org.junit")), exported::toString);
        } finally {
            assertTrue(FrameworkBoot.stop(framework, Duration.ofSeconds(10)));
        }
    }

    @Test
    void aBundleThatCannotBeInstalledIsSkippedAndTheRestStarts() throws IOException {
        Path system = Files.createDirectories(folder.resolve("system"));
        Files.writeString(system.resolve("10-not-a-bundle.jar"), "not a jar");
        List<BundleJar> jars = BundleJar.referencesIn(system);
        assertEquals(1, jars.size());

        Framework framework = FrameworkBoot.start(Map.of("org.osgi.framework.storage", folder.resolve("cache").toString(),
                "org.osgi.framework.storage.clean", "onFirstInit"), jars);
        try {
            assertEquals(Bundle.ACTIVE, framework.getState());
            assertEquals(1, framework.getBundleContext().getBundles().length, "only the system bundle");
        } finally {
            FrameworkBoot.stop(framework, Duration.ofSeconds(10));
        }
    }

    @Test
    void aMissingFolderHasNoBundles() {
        assertEquals(List.of(), BundleJar.referencesIn(folder.resolve("absent")));
    }
}

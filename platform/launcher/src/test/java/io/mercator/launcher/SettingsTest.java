package io.mercator.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {

    @TempDir
    Path root;

    @Test
    void fileOverridesDefaultsAndReferencesAreResolved() throws IOException {
        Home home = new Home(root);
        Files.createDirectories(home.conf());
        Files.writeString(home.conf().resolve("mercator.properties"),
                "felix.fileinstall.poll=100\nmercator.control.port=9000\nmy.dir=${mercator.home}/x\n");
        Settings settings = Settings.load(home);

        Map<String, String> framework = settings.frameworkProperties();
        assertEquals("100", framework.get("felix.fileinstall.poll"));
        assertEquals(root + "/x", framework.get("my.dir"));
        assertEquals(root + "/deploy," + root + "/conf", framework.get("felix.fileinstall.dir"));
        assertEquals(9000, settings.controlPort());
        assertFalse(framework.containsKey("mercator.control.port"));
    }
}

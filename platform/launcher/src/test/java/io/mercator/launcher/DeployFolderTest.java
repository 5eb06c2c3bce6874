package io.mercator.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeployFolderTest {

    @TempDir
    Path temp;

    Path deploy;
    DeployFolder folder;

    @BeforeEach
    void setUp() throws IOException {
        deploy = Files.createDirectory(temp.resolve("deploy"));
        folder = new DeployFolder(deploy);
    }

    static Path bundle(Path file, String symbolicName, String version) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (symbolicName != null) {
            manifest.getMainAttributes().putValue("Bundle-SymbolicName", symbolicName);
            manifest.getMainAttributes().putValue("Bundle-Version", version);
        }
        Files.createDirectories(file.getParent());
        try (OutputStream out = Files.newOutputStream(file); JarOutputStream jar = new JarOutputStream(out, manifest)) {
            jar.flush();
        }
        return file;
    }

    @Test
    void identifiesSymbolicNameWithoutDirectivesAndNormalisesTheVersion() throws IOException {
        Path jar = bundle(temp.resolve("a.jar"), "io.x.sample;singleton:=true", "2");
        assertEquals(new DeployFolder.BundleIdentity("io.x.sample", "2.0.0"), DeployFolder.identify(jar));
    }

    @Test
    void rejectsAJarThatIsNotABundle() throws IOException {
        Path jar = bundle(temp.resolve("plain.jar"), null, null);
        DeployFolder.DeployException e = assertThrows(DeployFolder.DeployException.class, () -> folder.install(jar));
        assertTrue(e.getMessage().contains("not an OSGi bundle"), e.getMessage());
    }

    @Test
    void rejectsAMissingFile() {
        DeployFolder.DeployException e = assertThrows(DeployFolder.DeployException.class,
                () -> folder.install(temp.resolve("missing.jar")));
        assertTrue(e.getMessage().endsWith("no such file"), e.getMessage());
    }

    @Test
    void findsTheDeployedFileBySymbolicNameIgnoringHiddenFilesAndOtherJars() throws IOException {
        bundle(deploy.resolve("other.jar"), "io.x.other", "1.0.0");
        bundle(deploy.resolve(".hidden.jar"), "io.x.sample", "9.0.0");
        Files.writeString(deploy.resolve("broken.jar"), "not a zip");
        Path sample = bundle(deploy.resolve("renamed-by-operator.jar"), "io.x.sample", "1.0.0");

        DeployFolder.Deployed found = folder.find("io.x.sample").orElseThrow();
        assertEquals(sample, found.file());
        assertEquals("1.0.0", found.identity().version());
        assertTrue(folder.find("io.x.none").isEmpty());
    }

    @Test
    void installCopiesUnderTheJarNameAndRefusesASecondCopyOfTheSameBundle() throws IOException {
        Path v1 = bundle(temp.resolve("in/sample-1.jar"), "io.x.sample", "1.0.0");
        DeployFolder.Deployed deployed = folder.install(v1);
        assertEquals(deploy.resolve("sample-1.jar"), deployed.file());
        assertTrue(Files.isRegularFile(deployed.file()));

        Path again = bundle(temp.resolve("in/sample-again.jar"), "io.x.sample", "1.0.1");
        DeployFolder.DeployException e = assertThrows(DeployFolder.DeployException.class, () -> folder.install(again));
        assertTrue(e.getMessage().contains("already deployed as sample-1.jar"), e.getMessage());
        assertTrue(e.getMessage().contains("use update"), e.getMessage());
    }

    @Test
    void updateReplacesTheFileHoldingTheSymbolicNameAndKeepsItsName() throws IOException {
        folder.install(bundle(temp.resolve("in/sample-1.jar"), "io.x.sample", "1.0.0"));
        DeployFolder.Deployed updated = folder.update(bundle(temp.resolve("in/sample-2.jar"), "io.x.sample", "2.0.0"));

        assertEquals(deploy.resolve("sample-1.jar"), updated.file());
        assertEquals("2.0.0", DeployFolder.identify(updated.file()).version());
        assertFalse(Files.exists(deploy.resolve("sample-2.jar")));
        assertNoTemporaryFiles();
    }

    @Test
    void updateOfABundleThatIsNotDeployedSaysToInstall() throws IOException {
        Path v2 = bundle(temp.resolve("in/sample-2.jar"), "io.x.sample", "2.0.0");
        DeployFolder.DeployException e = assertThrows(DeployFolder.DeployException.class, () -> folder.update(v2));
        assertEquals("io.x.sample is not deployed; use install", e.getMessage());
    }

    @Test
    void uninstallBySymbolicNameByFileNameOrByPath() throws IOException {
        folder.install(bundle(temp.resolve("in/a.jar"), "io.x.a", "1.0.0"));
        folder.install(bundle(temp.resolve("in/b.jar"), "io.x.b", "1.0.0"));
        folder.install(bundle(temp.resolve("in/c.jar"), "io.x.c", "1.0.0"));

        assertEquals("io.x.a", folder.uninstall("io.x.a").identity().symbolicName());
        assertEquals("io.x.b", folder.uninstall("b.jar").identity().symbolicName());
        assertEquals("io.x.c", folder.uninstall(deploy.resolve("c.jar").toString()).identity().symbolicName());
        assertTrue(folder.list().isEmpty());

        DeployFolder.DeployException e = assertThrows(DeployFolder.DeployException.class,
                () -> folder.uninstall("io.x.a"));
        assertTrue(e.getMessage().startsWith("nothing deployed as io.x.a"), e.getMessage());
    }

    @Test
    void uninstallRefusesAFileOutsideTheDeployFolder() throws IOException {
        Path outside = bundle(temp.resolve("elsewhere/x.jar"), "io.x.x", "1.0.0");
        DeployFolder.DeployException e = assertThrows(DeployFolder.DeployException.class,
                () -> folder.uninstall(outside.toString()));
        assertTrue(e.getMessage().contains("is not in"), e.getMessage());
        assertTrue(Files.exists(outside));
    }

    @Test
    void atomicCopyReplacesTheTargetAndLeavesNoTemporaryFile() throws IOException {
        Path source = Files.writeString(temp.resolve("source"), "new");
        Path target = Files.writeString(deploy.resolve("target.jar"), "old");
        DeployFolder.atomicCopy(source, target);
        assertEquals("new", Files.readString(target));
        assertNoTemporaryFiles();
    }

    @Test
    void atomicCopyOfAMissingSourceLeavesTheTargetAndNoTemporaryFile() throws IOException {
        Path target = Files.writeString(deploy.resolve("target.jar"), "old");
        assertThrows(DeployFolder.DeployException.class, () -> DeployFolder.atomicCopy(temp.resolve("nope"), target));
        assertEquals("old", Files.readString(target));
        assertNoTemporaryFiles();
    }

    private void assertNoTemporaryFiles() throws IOException {
        try (Stream<Path> files = Files.list(deploy)) {
            assertEquals(0, files.filter(f -> f.getFileName().toString().startsWith(".")).count());
        }
    }
}

package io.mercator.embedded;

import io.mercator.api.Family;
import io.mercator.boot.FrameworkBoot.BundleJar;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.Attributes;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The runtime this artefact carries as the resource {@value #RESOURCE}: the distribution's
 * {@code system/} bundles (file names give the start order) and its {@code conf/*.cfg}
 * configurations. Read into memory once per start; the framework copies each bundle into its cache.
 */
final class RuntimeArchive {

    static final String RESOURCE = "/META-INF/mercator/runtime.zip";
    private static final String SYSTEM = "system/";
    private static final String CONF = "conf/";

    private final Map<String, byte[]> bundles;
    private final Map<String, byte[]> configurations;

    private RuntimeArchive(Map<String, byte[]> bundles, Map<String, byte[]> configurations) {
        this.bundles = bundles;
        this.configurations = configurations;
    }

    static RuntimeArchive load() {
        Map<String, byte[]> bundles = new TreeMap<>();
        Map<String, byte[]> configurations = new TreeMap<>();
        try (InputStream resource = RuntimeArchive.class.getResourceAsStream(RESOURCE)) {
            if (resource == null) {
                throw new IllegalStateException("the runtime's bundles (" + RESOURCE + ") are missing from the "
                        + "class path: is mercator-embedded's jar intact?");
            }
            ZipInputStream zip = new ZipInputStream(resource);
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                String name = entry.getName();
                if (name.startsWith(SYSTEM) && name.endsWith(".jar")) {
                    bundles.put(name.substring(SYSTEM.length()), zip.readAllBytes());
                } else if (name.startsWith(CONF) && name.endsWith(".cfg")) {
                    configurations.put(name.substring(CONF.length()), zip.readAllBytes());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the runtime's bundles " + RESOURCE + ": " + e.getMessage(), e);
        }
        return new RuntimeArchive(bundles, configurations);
    }

    /**
     * @param families the families whose strategy bundles to include
     * @param excluded symbolic names to leave out
     * @return the bundles to install, in start order: every bundle that provides no strategy, and
     *     the strategy bundles of the selected families
     * @throws IllegalArgumentException naming the built-in bundles when an excluded name is none of them
     */
    List<BundleJar> bundles(Set<Family> families, Set<String> excluded) {
        List<BundleJar> selected = new ArrayList<>();
        Set<String> builtIn = new TreeSet<>();
        bundles.forEach((file, bytes) -> {
            Attributes manifest = manifest(file, bytes);
            String symbolicName = String.valueOf(manifest.getValue("Bundle-SymbolicName")).split(";", 2)[0].trim();
            builtIn.add(symbolicName);
            String capabilities = String.valueOf(manifest.getValue("Provide-Capability"));
            boolean strategies = false;
            boolean wanted = false;
            for (Family family : Family.values()) {
                if (capabilities.contains(family.strategyType().getName())) {
                    strategies = true;
                    wanted |= families.contains(family);
                }
            }
            if (!excluded.contains(symbolicName) && (!strategies || wanted)) {
                selected.add(new BundleJar("mercator:system/" + file, () -> new ByteArrayInputStream(bytes)));
            }
        });
        Set<String> unknown = new TreeSet<>(excluded);
        unknown.removeAll(builtIn);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("withoutBundles: " + String.join(", ", unknown)
                    + " is not a built-in bundle; the built-in bundles are " + String.join(", ", builtIn));
        }
        return selected;
    }

    /**
     * Writes the configurations the distribution ships in {@code conf/} (such as the default
     * strategy per family) into {@code folder}, leaving files already there alone: the host's and
     * the runtime's own changes win.
     */
    void writeMissingConfigurations(Path folder) {
        configurations.forEach((file, bytes) -> {
            Path target = folder.resolve(file);
            if (!Files.exists(target)) {
                try {
                    Path temporary = Files.createTempFile(folder, ".", ".tmp");
                    Files.write(temporary, bytes);
                    Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
                }
            }
        });
    }

    private static Attributes manifest(String file, byte[] bytes) {
        try (JarInputStream jar = new JarInputStream(new ByteArrayInputStream(bytes))) {
            Manifest manifest = jar.getManifest();
            if (manifest == null) {
                throw new IllegalStateException("the runtime's bundle " + file + " has no manifest");
            }
            return manifest.getMainAttributes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the runtime's bundle " + file + ": " + e.getMessage(), e);
        }
    }
}

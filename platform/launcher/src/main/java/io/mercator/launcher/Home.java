package io.mercator.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The folders of an installed Mercator (the distribution). Everything the runtime reads or writes
 * lives under one home folder:
 *
 * <pre>
 * bin/      the mercator command
 * lib/      the launcher class path (this jar, the API, Felix, logging, picocli, gson)
 * system/   bundles installed and started at every start, in file-name order
 * deploy/   watched by FileInstall: strategy bundles
 * conf/     mercator.properties, logback.xml, *.cfg files for Config Admin
 * data/     felix-cache (cleaned at every start), config (Config Admin), models, datasets, jobs, schedules, demo data
 * logs/     mercator.log
 * run/      pid, port and control token while running
 * </pre>
 *
 * @param root the home folder, absolute and normalised
 */
public record Home(Path root) {

    /** System property naming the home folder; set by {@code bin/mercator}. */
    public static final String HOME_PROPERTY = "mercator.home";

    public Home {
        root = root.toAbsolutePath().normalize();
    }

    /**
     * Finds the home folder: the explicit option, else {@code -Dmercator.home}, else the parent of
     * the {@code lib/} folder holding this class, else the working directory.
     *
     * @param explicit the {@code --home} option, may be null
     * @return the home
     */
    public static Home locate(Path explicit) {
        if (explicit != null) {
            return new Home(explicit);
        }
        String property = System.getProperty(HOME_PROPERTY);
        if (property != null && !property.isBlank()) {
            return new Home(Path.of(property));
        }
        try {
            Path codeSource = Path.of(Home.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path lib = codeSource.getParent();
            if (lib != null && lib.getFileName() != null && lib.getFileName().toString().equals("lib")) {
                return new Home(lib.getParent());
            }
        } catch (URISyntaxException | RuntimeException notAFile) {
            // fall through to the working directory
        }
        return new Home(Path.of(""));
    }

    public Path bin() {
        return root.resolve("bin");
    }

    public Path lib() {
        return root.resolve("lib");
    }

    public Path system() {
        return root.resolve("system");
    }

    public Path deploy() {
        return root.resolve("deploy");
    }

    public Path conf() {
        return root.resolve("conf");
    }

    public Path data() {
        return root.resolve("data");
    }

    public Path logs() {
        return root.resolve("logs");
    }

    public Path run() {
        return root.resolve("run");
    }

    public Path samples() {
        return root.resolve("samples");
    }

    /** Creates the folders the runtime writes to, if missing. */
    public void createRuntimeFolders() {
        for (Path folder : new Path[] {deploy(), conf(), data(), logs(), run()}) {
            try {
                Files.createDirectories(folder);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create " + folder + ": " + e.getMessage(), e);
            }
        }
    }
}

package io.mercator.launcher;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import org.osgi.framework.Version;

/**
 * The {@code deploy/} folder, the single deployment path: FileInstall installs, updates and
 * uninstalls whatever appears, changes or disappears here. The CLI only changes files; a new or
 * replaced jar is first written under a hidden temporary name and then moved into place
 * atomically, so FileInstall never sees a half-written jar.
 */
public final class DeployFolder {

    private final Path folder;

    /** @param folder the watched folder */
    public DeployFolder(Path folder) {
        this.folder = folder;
    }

    /** @return the watched folder */
    public Path folder() {
        return folder;
    }

    /** What identifies a bundle jar. */
    public record BundleIdentity(String symbolicName, String version) {
        @Override
        public String toString() {
            return symbolicName + " " + version;
        }
    }

    /** A deployed jar and the bundle it holds. */
    public record Deployed(Path file, BundleIdentity identity) {
    }

    /**
     * @param jar a jar file
     * @return its bundle symbolic name (without directives) and normalised version
     * @throws DeployException when the file is missing, not a jar or not a bundle
     */
    public static BundleIdentity identify(Path jar) {
        if (!Files.isRegularFile(jar)) {
            throw new DeployException(jar + ": no such file");
        }
        Manifest manifest;
        try (JarFile file = new JarFile(jar.toFile())) {
            manifest = file.getManifest();
        } catch (IOException e) {
            throw new DeployException(jar + " is not a jar: " + e.getMessage());
        }
        String name = manifest == null ? null : manifest.getMainAttributes().getValue("Bundle-SymbolicName");
        if (name == null || name.isBlank()) {
            throw new DeployException(jar + " is not an OSGi bundle: its manifest has no Bundle-SymbolicName");
        }
        Attributes attributes = manifest.getMainAttributes();
        String version;
        try {
            version = Version.parseVersion(attributes.getValue("Bundle-Version")).toString();
        } catch (IllegalArgumentException e) {
            throw new DeployException(jar + " has an invalid Bundle-Version: " + e.getMessage());
        }
        return new BundleIdentity(name.split(";", 2)[0].trim(), version);
    }

    /**
     * @return every bundle jar in the folder that FileInstall watches (hidden files and jars
     *     that are not bundles are skipped), sorted by file name
     */
    public List<Deployed> list() {
        List<Deployed> deployed = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return deployed;
        }
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(folder, "*.jar")) {
            for (Path jar : jars) {
                if (jar.getFileName().toString().startsWith(".")) {
                    continue;
                }
                try {
                    deployed.add(new Deployed(jar, identify(jar)));
                } catch (DeployException notABundle) {
                    // FileInstall reports it; it does not hold any symbolic name
                }
            }
        } catch (IOException e) {
            throw new DeployException("cannot list " + folder + ": " + e.getMessage());
        }
        deployed.sort((a, b) -> a.file().getFileName().compareTo(b.file().getFileName()));
        return deployed;
    }

    /**
     * @param symbolicName a bundle symbolic name
     * @return the deployed jar holding that bundle
     */
    public Optional<Deployed> find(String symbolicName) {
        return list().stream().filter(d -> d.identity().symbolicName().equals(symbolicName)).findFirst();
    }

    /**
     * Copies a bundle into the folder under its own file name.
     *
     * @param jar the bundle to deploy
     * @return the deployed file and its identity
     * @throws DeployException when it is not a bundle, its symbolic name is already deployed, or
     *     a different file of the same name is there
     */
    public Deployed install(Path jar) {
        BundleIdentity identity = identify(jar);
        Optional<Deployed> existing = find(identity.symbolicName());
        if (existing.isPresent()) {
            throw new DeployException(identity.symbolicName() + " is already deployed as "
                    + existing.get().file().getFileName() + " (" + existing.get().identity().version()
                    + "); use update to replace it");
        }
        Path target = folder.resolve(jar.getFileName().toString());
        if (Files.exists(target)) {
            throw new DeployException(target + " already exists; rename the jar or remove that file");
        }
        atomicCopy(jar, target);
        return new Deployed(target, identity);
    }

    /**
     * Replaces the deployed jar holding the same symbolic name, keeping its file name so that
     * FileInstall updates the bundle in place.
     *
     * @param jar the new version
     * @return the replaced file and the new identity
     * @throws DeployException when it is not a bundle or nothing with its symbolic name is deployed
     */
    public Deployed update(Path jar) {
        BundleIdentity identity = identify(jar);
        Deployed existing = find(identity.symbolicName()).orElseThrow(() -> new DeployException(
                identity.symbolicName() + " is not deployed; use install"));
        atomicCopy(jar, existing.file());
        return new Deployed(existing.file(), identity);
    }

    /**
     * Deletes a deployed jar.
     *
     * @param nameOrFile a bundle symbolic name, a file name in the folder, or a path to a file in it
     * @return the deleted file and the identity it held
     * @throws DeployException when nothing matches
     */
    public Deployed uninstall(String nameOrFile) {
        Deployed target = resolve(nameOrFile);
        try {
            Files.delete(target.file());
        } catch (NoSuchFileException gone) {
            // removed meanwhile: the outcome is the same
        } catch (IOException e) {
            throw new DeployException("cannot delete " + target.file() + ": " + e.getMessage());
        }
        return target;
    }

    /**
     * @param nameOrFile a bundle symbolic name, a file name in the folder, or a path to a file in it
     * @return the deployed jar it designates
     * @throws DeployException when nothing matches
     */
    public Deployed resolve(String nameOrFile) {
        if (nameOrFile == null || nameOrFile.isBlank()) {
            throw new DeployException("give a bundle symbolic name or a jar in " + folder);
        }
        Optional<Deployed> byName = find(nameOrFile.trim());
        if (byName.isPresent()) {
            return byName.get();
        }
        Path asPath = Path.of(nameOrFile.trim());
        Path candidate = asPath.isAbsolute() || asPath.getNameCount() > 1 ? asPath : folder.resolve(asPath);
        if (Files.isRegularFile(candidate)) {
            Path real = candidate.toAbsolutePath().normalize();
            if (!folder.toAbsolutePath().normalize().equals(real.getParent())) {
                throw new DeployException(nameOrFile + " is not in " + folder);
            }
            return new Deployed(real, identify(real));
        }
        throw new DeployException("nothing deployed as " + nameOrFile + " in " + folder);
    }

    /**
     * Copies a file next to the target under a hidden temporary name, then moves it over the
     * target in one step.
     *
     * @param source the file to copy
     * @param target where it must appear
     * @throws DeployException when copying fails; no temporary file is left behind
     */
    public static void atomicCopy(Path source, Path target) {
        Path temporary = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            Files.copy(source, temporary);
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new DeployException("cannot copy " + source + " to " + target + ": " + e.getMessage());
        } finally {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException ignored) {
                // best effort
            }
        }
    }

    /** A deployment request that cannot be carried out; the message is fit for the user. */
    public static final class DeployException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public DeployException(String message) {
            super(message);
        }
    }
}

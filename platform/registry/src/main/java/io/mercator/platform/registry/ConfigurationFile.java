package io.mercator.platform.registry;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A {@code conf/*.cfg} file that FileInstall applies. Mercator changes such a file itself, through
 * a temporary file renamed into place, instead of letting FileInstall write configuration changes
 * back: FileInstall 3.7.4 rewrites the file in place, and its own watcher can read the truncated
 * file and apply an empty configuration.
 */
final class ConfigurationFile {

    /** The property FileInstall adds to the configurations it made from a file: the file's URL. */
    static final String FILE_PROPERTY = "felix.fileinstall.filename";

    private final Path file;

    ConfigurationFile(Path file) {
        this.file = file;
    }

    /** @return the file a FileInstall configuration came from, if the property names a file URL */
    static Optional<ConfigurationFile> of(Object fileInstallFilename) {
        if (fileInstallFilename == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ConfigurationFile(Path.of(URI.create(fileInstallFilename.toString()))));
        } catch (IllegalArgumentException | FileSystemNotFoundException notAFile) {
            return Optional.empty();
        }
    }

    /**
     * Sets one {@code key = value} line, keeping every other line (comments included) as it is and
     * appending the line when the key is not there yet.
     */
    void set(String key, String value) throws IOException {
        List<String> lines = new ArrayList<>();
        if (Files.exists(file)) {
            lines.addAll(Files.readAllLines(file, StandardCharsets.UTF_8));
        }
        String line = key + " = " + value;
        int existing = -1;
        for (int i = 0; i < lines.size(); i++) {
            String text = lines.get(i).trim();
            if (!text.startsWith("#") && text.split("[=:]", 2)[0].trim().equals(key)) {
                existing = i;
            }
        }
        if (existing < 0) {
            lines.add(line);
        } else {
            lines.set(existing, line);
        }
        Path temporary = Files.createTempFile(file.getParent(), ".", ".tmp");
        try {
            Files.write(temporary, lines, StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}

package io.mercator.api.datasets;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A file to import, readable by the server. A name ending in {@code .gz} is decompressed.
 *
 * @param file the file
 * @param format its format
 * @param name the name reports use for it: the file name, or the name the user knows when the
 *     file is a copy (an upload spooled to a temporary file)
 */
public record FileSource(Path file, Format format, String name) implements DataSource {

    /** Checks that nothing is missing; a null or blank name becomes the file name. */
    public FileSource {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(format, "format");
        name = name == null || name.isBlank() ? file.getFileName().toString() : name;
    }

    /**
     * @param file the file
     * @param format its format
     */
    public FileSource(Path file, Format format) {
        this(file, format, null);
    }

    /**
     * @param file a file whose format follows from its extension (see {@link Format#ofFileName})
     * @return the source
     * @throws io.mercator.api.ValidationException when the extension tells no format
     */
    public static FileSource of(Path file) {
        return new FileSource(file, Format.ofFileName(file.getFileName().toString()));
    }
}

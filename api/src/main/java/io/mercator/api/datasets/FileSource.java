package io.mercator.api.datasets;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A file to import, readable by the server. A name ending in {@code .gz} is decompressed.
 *
 * @param file the file
 * @param format its format
 */
public record FileSource(Path file, Format format) implements DataSource {

    /** Checks that nothing is missing. */
    public FileSource {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(format, "format");
    }

    /**
     * @param file a file whose format follows from its extension (see {@link Format#ofFileName})
     * @return the source
     * @throws io.mercator.api.ValidationException when the extension tells no format
     */
    public static FileSource of(Path file) {
        return new FileSource(file, Format.ofFileName(file.getFileName().toString()));
    }

    @Override
    public String name() {
        return file.getFileName().toString();
    }
}

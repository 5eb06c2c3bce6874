package io.mercator.api.datasets;

import io.mercator.api.ValidationException;
import java.util.Locale;

/** The text formats data is imported from and results are exported to. */
public enum Format {
    /** RFC 4180 comma-separated values with a header row; the delimiter is configurable. */
    CSV,
    /**
     * JSON: either one array of objects, or JSON Lines (one object per line). Each object is a
     * row; its member names are the columns; members are strings, numbers, booleans or null.
     */
    JSON;

    /**
     * Guesses the format from a file name: {@code .json}, {@code .jsonl} and {@code .ndjson}
     * are JSON, {@code .csv}, {@code .tsv} and {@code .txt} are CSV, each optionally followed by
     * {@code .gz}.
     *
     * @param fileName a file name
     * @return its format
     * @throws ValidationException when the extension is none of these
     */
    public static Format ofFileName(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".gz")) {
            name = name.substring(0, name.length() - 3);
        }
        if (name.endsWith(".json") || name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
            return JSON;
        }
        if (name.endsWith(".csv") || name.endsWith(".tsv") || name.endsWith(".txt")) {
            return CSV;
        }
        throw new ValidationException("format", "cannot tell the format of '" + fileName
                + "' from its extension; name it .csv or .json (optionally .gz) or give the format");
    }
}

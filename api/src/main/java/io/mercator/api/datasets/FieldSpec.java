package io.mercator.api.datasets;

import java.util.List;

/**
 * One field of a family's import format.
 *
 * @param name the field's name, also the column name looked for by default
 * @param type how its text is read
 * @param required whether every row needs it; an optional field may be absent from the source
 *     altogether (when present, its cells follow the same rules)
 * @param aliases other column names accepted for it when it is not mapped explicitly
 * @param description what it holds, with its unit and range
 */
public record FieldSpec(String name, Type type, boolean required, List<String> aliases, String description) {

    /** Copies the aliases. */
    public FieldSpec {
        aliases = List.copyOf(aliases);
    }

    /** How a field's text is read. */
    public enum Type {
        /** Non-empty text, trimmed. */
        TEXT,
        /** A finite decimal number ({@code 12.5}, {@code -3}, {@code 1e3}). */
        NUMBER,
        /** A whole number. */
        INTEGER,
        /** A calendar date, ISO or as {@link ImportOptions#dateFormat()} says. */
        DATE,
        /**
         * A whole period number, or a date; dated series step by the largest step that divides
         * every gap between their dates (7 days for weekly data).
         */
        PERIOD,
        /** Seconds since 1970-01-01T00:00:00Z, or a date and time (UTC). */
        TIMESTAMP,
        /** {@code 1}/{@code 0}, {@code true}/{@code false} or {@code yes}/{@code no}. */
        BOOLEAN
    }
}

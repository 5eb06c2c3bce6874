package io.mercator.platform.datasets;

import io.mercator.api.datasets.FieldSpec;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import java.util.Locale;

/**
 * One field of a family's import format with the rules its values follow, and how its text
 * becomes the stored (canonical) text: dates as ISO dates, periods as whole numbers, timestamps
 * as epoch seconds, booleans as 1 or 0.
 *
 * @param spec the published description
 * @param emptyAllowed whether an empty cell is a missing value (stored empty) rather than an error
 * @param min the smallest number allowed (numbers only)
 * @param minInclusive whether {@code min} itself is allowed
 * @param max the largest number allowed (numbers only)
 */
record Field(FieldSpec spec, boolean emptyAllowed, double min, boolean minInclusive, double max) {

    /** A value was not acceptable; the message is the reason. */
    static final class BadValue extends Exception {
        private static final long serialVersionUID = 1L;

        BadValue(String reason) {
            super(reason, null, false, false);
        }
    }

    static Field text(String name, boolean required, String description, String... aliases) {
        return new Field(new FieldSpec(name, FieldSpec.Type.TEXT, required, List.of(aliases), description), false,
                Double.NEGATIVE_INFINITY, true, Double.POSITIVE_INFINITY);
    }

    static Field of(FieldSpec.Type type, String name, boolean required, String description, String... aliases) {
        return new Field(new FieldSpec(name, type, required, List.of(aliases), description), false,
                Double.NEGATIVE_INFINITY, true, Double.POSITIVE_INFINITY);
    }

    Field atLeast(double bound) {
        return new Field(spec, emptyAllowed, bound, true, max);
    }

    Field above(double bound) {
        return new Field(spec, emptyAllowed, bound, false, max);
    }

    Field atMost(double bound) {
        return new Field(spec, emptyAllowed, min, minInclusive, bound);
    }

    Field emptyIsMissing() {
        return new Field(spec, true, min, minInclusive, max);
    }

    String name() {
        return spec.name();
    }

    /**
     * @param text the cell, trimmed; null or empty when missing
     * @param dates the date pattern, or null for ISO
     * @return the canonical text; empty for an allowed missing value
     * @throws BadValue with the reason
     */
    String parse(String text, DateTimeFormatter dates) throws BadValue {
        if (text == null || text.isEmpty() || (emptyAllowed && text.equalsIgnoreCase("NA"))) {
            if (emptyAllowed) {
                return "";
            }
            throw new BadValue("is empty");
        }
        return switch (spec.type()) {
            case TEXT -> text;
            case NUMBER -> number(text);
            case INTEGER -> Long.toString(whole(text));
            case DATE -> date(text, dates).toString();
            case PERIOD -> isWhole(text) ? Long.toString(whole(text)) : date(text, dates).toString();
            case TIMESTAMP -> Long.toString(isWhole(text) ? whole(text) : epochSecond(text, dates));
            case BOOLEAN -> bool(text);
        };
    }

    private String number(String text) throws BadValue {
        double value;
        try {
            value = Double.parseDouble(text);
        } catch (NumberFormatException notNumber) {
            throw new BadValue("'" + shorten(text) + "' is not a number");
        }
        if (!Double.isFinite(value)) {
            throw new BadValue("'" + shorten(text) + "' is not a finite number");
        }
        checkRange(value);
        return text;
    }

    private void checkRange(double value) throws BadValue {
        if (minInclusive ? value < min : value <= min) {
            throw new BadValue(text(value) + " must be " + (minInclusive ? ">= " : "> ") + text(min));
        }
        if (value > max) {
            throw new BadValue(text(value) + " must be <= " + text(max));
        }
    }

    private static String text(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
    }

    private static boolean isWhole(String text) {
        int start = text.startsWith("-") ? 1 : 0;
        if (start == text.length() || text.length() > 18) {
            return false;
        }
        for (int i = start; i < text.length(); i++) {
            if (!Character.isDigit(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private long whole(String text) throws BadValue {
        if (!isWhole(text)) {
            throw new BadValue("'" + shorten(text) + "' is not a whole number");
        }
        long value = Long.parseLong(text);
        if (spec.type() == FieldSpec.Type.INTEGER && (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE)) {
            throw new BadValue(value + " is too large");
        }
        checkRange(value);
        return value;
    }

    private static LocalDate date(String text, DateTimeFormatter dates) throws BadValue {
        try {
            if (dates != null) {
                return LocalDate.from(dates.parse(text));
            }
            boolean timed = text.length() > 10 && (text.charAt(10) == ' ' || text.charAt(10) == 'T');
            return isoDate(timed ? text.substring(0, 10) : text);
        } catch (DateTimeException notDate) {
            throw new BadValue("'" + shorten(text) + "' is not a date "
                    + (dates == null ? "YYYY-MM-DD" : "of the given format"));
        }
    }

    /**
     * Reads {@code yyyy-MM-dd} without the cost of a formatter (most dates are in this form and
     * stored dates always are), falling back to {@link LocalDate#parse} for the rest.
     *
     * @param text an ISO date
     * @return the date
     * @throws DateTimeException when it is not one
     */
    static LocalDate isoDate(String text) {
        if (text.length() == 10 && text.charAt(4) == '-' && text.charAt(7) == '-') {
            int year = digits(text, 0, 4);
            int month = digits(text, 5, 7);
            int day = digits(text, 8, 10);
            if (year >= 0 && month >= 0 && day >= 0) {
                return LocalDate.of(year, month, day);
            }
        }
        return LocalDate.parse(text);
    }

    /** @return the number written by the ASCII digits in [from, to), or -1 when one is not a digit */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static long epochSecond(String text, DateTimeFormatter dates) throws BadValue {
        try {
            if (dates != null) {
                TemporalAccessor parsed = dates.parse(text);
                return parsed.isSupported(ChronoField.HOUR_OF_DAY)
                        ? LocalDateTime.from(parsed).toEpochSecond(ZoneOffset.UTC)
                        : LocalDate.from(parsed).atStartOfDay().toEpochSecond(ZoneOffset.UTC);
            }
            if (text.length() == 10) {
                return LocalDate.parse(text).atStartOfDay().toEpochSecond(ZoneOffset.UTC);
            }
            String iso = text.replace(' ', 'T');
            if (iso.endsWith("Z") || iso.matches(".*[+-]\\d\\d:\\d\\d$")) {
                return OffsetDateTime.parse(iso).toEpochSecond();
            }
            return LocalDateTime.parse(iso).toEpochSecond(ZoneOffset.UTC);
        } catch (DateTimeException notTime) {
            throw new BadValue("'" + shorten(text) + "' is neither epoch seconds nor a date and time"
                    + (dates == null ? " like 2011-12-09 12:50:00" : " of the given format"));
        }
    }

    private static String bool(String text) throws BadValue {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "1", "true", "yes", "y" -> "1";
            case "0", "false", "no", "n" -> "0";
            default -> throw new BadValue("'" + shorten(text) + "' is not 1/0, true/false or yes/no");
        };
    }

    static String shorten(String text) {
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }

    /**
     * Orders canonical values for watermarks: numbers, periods and timestamps by value, dates
     * by date, text numerically when both are whole numbers (ids) and else alphabetically.
     */
    int compare(String left, String right) {
        return switch (spec.type()) {
            case NUMBER, INTEGER, TIMESTAMP -> Double.compare(Double.parseDouble(left), Double.parseDouble(right));
            case DATE, BOOLEAN -> left.compareTo(right);
            case TEXT, PERIOD -> isWhole(left) && isWhole(right) ? Long.compare(Long.parseLong(left), Long.parseLong(right))
                    : left.compareTo(right);
        };
    }
}

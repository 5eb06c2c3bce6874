package io.mercator.api;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Declares one typed hyper-parameter of a strategy: its name, type, default and allowed range.
 * Create instances with the static factories; the default is checked against the range.
 */
public final class ParameterSpec {

    /** The value types a parameter can have. */
    public enum Type {
        /** A whole number, delivered as {@link Integer}. */
        INTEGER,
        /** A finite real number, delivered as {@link Double}. */
        DOUBLE,
        /** true or false, delivered as {@link Boolean}. */
        BOOLEAN,
        /** Free text, delivered as {@link String}. */
        STRING,
        /** One of a fixed list of strings, delivered as {@link String}. */
        CHOICE
    }

    private final String name;
    private final Type type;
    private final String description;
    private final Object defaultValue;
    private final double min;
    private final double max;
    private final List<String> choices;

    private ParameterSpec(String name, Type type, String description, Object defaultValue,
            double min, double max, List<String> choices) {
        if (name == null || !name.matches("[a-zA-Z][a-zA-Z0-9._-]*")) {
            throw new ValidationException("parameter name",
                    "'" + name + "' must start with a letter and hold only letters, digits, '.', '_' or '-'");
        }
        this.name = name;
        this.type = type;
        this.description = Objects.requireNonNullElse(description, "");
        this.min = min;
        this.max = max;
        this.choices = List.copyOf(choices);
        if (min > max) {
            throw new ValidationException(name, "minimum " + min + " is above maximum " + max);
        }
        this.defaultValue = validate(defaultValue);
    }

    /**
     * @param name the parameter name
     * @param description what it controls
     * @param defaultValue used when the caller gives no value
     * @param min smallest allowed value (inclusive)
     * @param max largest allowed value (inclusive)
     * @return an integer parameter
     */
    public static ParameterSpec integer(String name, String description, int defaultValue, int min, int max) {
        return new ParameterSpec(name, Type.INTEGER, description, defaultValue, min, max, List.of());
    }

    /**
     * @param name the parameter name
     * @param description what it controls
     * @param defaultValue used when the caller gives no value
     * @param min smallest allowed value (inclusive)
     * @param max largest allowed value (inclusive)
     * @return a real-valued parameter
     */
    public static ParameterSpec real(String name, String description, double defaultValue, double min, double max) {
        return new ParameterSpec(name, Type.DOUBLE, description, defaultValue, min, max, List.of());
    }

    /**
     * @param name the parameter name
     * @param description what it controls
     * @param defaultValue used when the caller gives no value
     * @return a boolean parameter
     */
    public static ParameterSpec bool(String name, String description, boolean defaultValue) {
        return new ParameterSpec(name, Type.BOOLEAN, description, defaultValue,
                Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, List.of());
    }

    /**
     * @param name the parameter name
     * @param description what it controls
     * @param defaultValue used when the caller gives no value
     * @return a free-text parameter
     */
    public static ParameterSpec text(String name, String description, String defaultValue) {
        return new ParameterSpec(name, Type.STRING, description, defaultValue,
                Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, List.of());
    }

    /**
     * @param name the parameter name
     * @param description what it controls
     * @param defaultValue used when the caller gives no value; must be one of {@code choices}
     * @param choices the allowed values
     * @return a parameter restricted to a list of strings
     */
    public static ParameterSpec choice(String name, String description, String defaultValue, String... choices) {
        if (choices.length == 0) {
            throw new ValidationException(name, "a choice parameter needs at least one choice");
        }
        return new ParameterSpec(name, Type.CHOICE, description, defaultValue,
                Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, List.of(choices));
    }

    /**
     * Converts a value given by a caller (a number, a boolean, or their text form as typed on a
     * command line or sent in JSON) to this parameter's type and checks its range.
     *
     * @param value the given value
     * @return the value as {@link Integer}, {@link Double}, {@link Boolean} or {@link String}
     * @throws ValidationException naming this parameter when the value has the wrong type or is
     *     out of range
     */
    public Object validate(Object value) {
        if (value == null) {
            throw new ValidationException(name, "a value is required");
        }
        switch (type) {
            case INTEGER: {
                long whole = toWholeNumber(value);
                checkRange(whole);
                return (int) whole;
            }
            case DOUBLE: {
                double real = toReal(value);
                checkRange(real);
                return real;
            }
            case BOOLEAN:
                return toBoolean(value);
            case CHOICE: {
                String text = value.toString();
                if (!choices.contains(text)) {
                    throw new ValidationException(name, "'" + text + "' is not one of " + choices);
                }
                return text;
            }
            default:
                return value.toString();
        }
    }

    private long toWholeNumber(Object value) {
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof Number) {
            double real = ((Number) value).doubleValue();
            if (real == Math.rint(real) && Math.abs(real) < 1e15) {
                return (long) real;
            }
        } else {
            try {
                return Long.parseLong(value.toString().trim());
            } catch (NumberFormatException notWhole) {
                // reported below
            }
        }
        throw new ValidationException(name, "'" + value + "' is not a whole number");
    }

    private double toReal(Object value) {
        double real;
        if (value instanceof Number) {
            real = ((Number) value).doubleValue();
        } else {
            try {
                real = Double.parseDouble(value.toString().trim());
            } catch (NumberFormatException notNumber) {
                throw new ValidationException(name, "'" + value + "' is not a number");
            }
        }
        if (!Double.isFinite(real)) {
            throw new ValidationException(name, "'" + value + "' is not a finite number");
        }
        return real;
    }

    private boolean toBoolean(Object value) {
        if (value instanceof Boolean) {
            return (Boolean) value;
        }
        String text = value.toString().trim().toLowerCase(Locale.ROOT);
        if (text.equals("true") || text.equals("false")) {
            return Boolean.parseBoolean(text);
        }
        throw new ValidationException(name, "'" + value + "' is not true or false");
    }

    private void checkRange(double value) {
        if (value < min || value > max) {
            throw new ValidationException(name, format(value) + " is outside the allowed range ["
                    + format(min) + ", " + format(max) + "]");
        }
    }

    private String format(double value) {
        return type == Type.INTEGER ? Long.toString((long) value) : Double.toString(value);
    }

    /** @return the parameter name */
    public String name() {
        return name;
    }

    /** @return the value type */
    public Type type() {
        return type;
    }

    /** @return what the parameter controls */
    public String description() {
        return description;
    }

    /** @return the default, already of the parameter's type */
    public Object defaultValue() {
        return defaultValue;
    }

    /** @return the smallest allowed value for numbers; negative infinity otherwise */
    public double min() {
        return min;
    }

    /** @return the largest allowed value for numbers; positive infinity otherwise */
    public double max() {
        return max;
    }

    /** @return the allowed values of a {@link Type#CHOICE} parameter; empty otherwise */
    public List<String> choices() {
        return choices;
    }

    @Override
    public String toString() {
        return name + ":" + type.name().toLowerCase(Locale.ROOT) + "=" + defaultValue;
    }
}

package io.mercator.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The validated parameter values a strategy is fitted with: one value for every declared
 * {@link ParameterSpec}, either given by the caller or the declared default. Immutable.
 */
public final class Parameters {

    private final Map<String, Object> values;

    private Parameters(Map<String, Object> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    /**
     * Checks caller-given values against the declared parameters and fills in defaults.
     *
     * @param specs the declared parameters (from {@link StrategyDescriptor#parameters()})
     * @param given values by parameter name; may be empty
     * @return a value for every declared parameter
     * @throws ValidationException for an unknown name or a value of the wrong type or range
     */
    public static Parameters resolve(List<ParameterSpec> specs, Map<String, ?> given) {
        Map<String, ParameterSpec> byName = new LinkedHashMap<>();
        specs.forEach(spec -> byName.put(spec.name(), spec));
        for (String name : given.keySet()) {
            if (!byName.containsKey(name)) {
                throw new ValidationException(name, "unknown parameter; this strategy takes "
                        + (byName.isEmpty() ? "no parameters" : String.join(", ", byName.keySet())));
            }
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (ParameterSpec spec : specs) {
            Object value = given.get(spec.name());
            values.put(spec.name(), value == null ? spec.defaultValue() : spec.validate(value));
        }
        return new Parameters(values);
    }

    /**
     * @param specs the declared parameters
     * @return every parameter at its default
     */
    public static Parameters defaults(List<ParameterSpec> specs) {
        return resolve(specs, Map.of());
    }

    /**
     * @param name an {@link ParameterSpec.Type#INTEGER} parameter
     * @return its value
     */
    public int getInt(String name) {
        return (Integer) get(name, Integer.class);
    }

    /**
     * @param name a {@link ParameterSpec.Type#DOUBLE} parameter
     * @return its value
     */
    public double getDouble(String name) {
        return (Double) get(name, Double.class);
    }

    /**
     * @param name a {@link ParameterSpec.Type#BOOLEAN} parameter
     * @return its value
     */
    public boolean getBoolean(String name) {
        return (Boolean) get(name, Boolean.class);
    }

    /**
     * @param name a {@link ParameterSpec.Type#STRING} or {@link ParameterSpec.Type#CHOICE} parameter
     * @return its value
     */
    public String getString(String name) {
        return (String) get(name, String.class);
    }

    private Object get(String name, Class<?> type) {
        Object value = values.get(name);
        if (value == null) {
            throw new ValidationException(name, "no such parameter");
        }
        if (!type.isInstance(value)) {
            throw new ValidationException(name, "is a " + value.getClass().getSimpleName()
                    + ", not a " + type.getSimpleName());
        }
        return value;
    }

    /** @return all values by name, in declaration order */
    public Map<String, Object> asMap() {
        return values;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Parameters && ((Parameters) other).values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return values.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", ", "{", "}"));
    }
}

package io.mercator.api;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How a strategy describes itself: family, name, version, vendor, description and parameters.
 * Build one with {@link #builder(Family, String, String)}; it validates every field.
 */
public final class StrategyDescriptor {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*");
    private static final Pattern VERSION = Pattern.compile("\\d+(\\.\\d+){0,2}(\\.[A-Za-z0-9_-]+)?");

    private final Family family;
    private final String name;
    private final String version;
    private final String vendor;
    private final String description;
    private final List<ParameterSpec> parameters;

    private StrategyDescriptor(Builder builder) {
        this.family = Objects.requireNonNull(builder.family, "family");
        if (builder.name == null || !NAME.matcher(builder.name).matches()) {
            throw new ValidationException("name", "'" + builder.name
                    + "' must be lower-case letters, digits and '-', starting with a letter");
        }
        if (builder.version == null || !VERSION.matcher(builder.version).matches()) {
            throw new ValidationException("version", "'" + builder.version
                    + "' is not a version of the form major.minor.micro[.qualifier]");
        }
        Set<String> seen = new HashSet<>();
        for (ParameterSpec parameter : builder.parameters) {
            if (!seen.add(parameter.name())) {
                throw new ValidationException("parameters", "'" + parameter.name() + "' is declared twice");
            }
        }
        this.name = builder.name;
        this.version = builder.version;
        this.vendor = Objects.requireNonNullElse(builder.vendor, "");
        this.description = Objects.requireNonNullElse(builder.description, "");
        this.parameters = List.copyOf(builder.parameters);
    }

    /**
     * @param family the family the strategy belongs to
     * @param name a short lower-case name, unique within the family (e.g. {@code seasonal-naive})
     * @param version the strategy version, {@code major.minor.micro}; a new major version may
     *     change the model format
     * @return a builder
     */
    public static Builder builder(Family family, String name, String version) {
        return new Builder(family, name, version);
    }

    /** @return the family */
    public Family family() {
        return family;
    }

    /** @return the name, unique within the family */
    public String name() {
        return name;
    }

    /** @return the version, {@code major.minor.micro[.qualifier]} */
    public String version() {
        return version;
    }

    /** @return who ships the strategy; may be empty */
    public String vendor() {
        return vendor;
    }

    /** @return one or two sentences for operators; may be empty */
    public String description() {
        return description;
    }

    /** @return the declared hyper-parameters, in display order */
    public List<ParameterSpec> parameters() {
        return parameters;
    }

    /** @return {@code family/name@version} */
    @Override
    public String toString() {
        return family.id() + "/" + name + "@" + version;
    }

    /** Collects the optional fields of a descriptor. */
    public static final class Builder {
        private final Family family;
        private final String name;
        private final String version;
        private String vendor;
        private String description;
        private final List<ParameterSpec> parameters = new ArrayList<>();

        private Builder(Family family, String name, String version) {
            this.family = family;
            this.name = name;
            this.version = version;
        }

        /**
         * @param vendor who ships the strategy
         * @return this builder
         */
        public Builder vendor(String vendor) {
            this.vendor = vendor;
            return this;
        }

        /**
         * @param description one or two sentences for operators
         * @return this builder
         */
        public Builder description(String description) {
            this.description = description;
            return this;
        }

        /**
         * @param parameter a declared hyper-parameter; names must be unique
         * @return this builder
         */
        public Builder parameter(ParameterSpec parameter) {
            parameters.add(Objects.requireNonNull(parameter, "parameter"));
            return this;
        }

        /** @return the validated descriptor */
        public StrategyDescriptor build() {
            return new StrategyDescriptor(this);
        }
    }
}

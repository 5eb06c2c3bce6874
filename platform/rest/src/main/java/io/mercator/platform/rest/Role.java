package io.mercator.platform.rest;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What a token may do; each role includes the ones before it. */
public enum Role {
    /** Reads: bundles, strategies, metrics, the API document. */
    VIEWER,
    /** Also queries (forecasts, recommendations, ...) and family defaults. */
    OPERATOR,
    /** Also bundles (upload, start, stop, uninstall) and tokens. */
    ADMIN;

    /** @return the lower-case name used in JSON */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param needed the role an endpoint needs
     * @return whether this role includes it
     */
    public boolean includes(Role needed) {
        return ordinal() >= needed.ordinal();
    }

    /**
     * @param id viewer, operator or admin (any case)
     * @return the role
     * @throws IllegalArgumentException naming the roles when the id is none of them
     */
    public static Role fromId(String id) {
        for (Role role : values()) {
            if (role.id().equalsIgnoreCase(id == null ? "" : id.trim())) {
                return role;
            }
        }
        throw new IllegalArgumentException("'" + id + "' is not a role; expected one of "
                + Arrays.stream(values()).map(Role::id).collect(Collectors.joining(", ")));
    }
}

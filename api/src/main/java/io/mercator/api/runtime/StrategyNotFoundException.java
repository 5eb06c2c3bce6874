package io.mercator.api.runtime;

import io.mercator.api.Family;

/** Thrown when no registered strategy matches a request. The message is fit to show a user. */
public class StrategyNotFoundException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final Family family;
    private final String spec;

    /**
     * @param family the family asked for
     * @param spec what was asked for, e.g. {@code seasonal-naive@[2,3)}; empty for the default
     * @param detail why nothing matched, e.g. the strategies that are registered
     */
    public StrategyNotFoundException(Family family, String spec, String detail) {
        super("no such strategy: " + family.id() + "/" + (spec.isEmpty() ? "(default)" : spec)
                + (detail.isEmpty() ? "" : " (" + detail + ")"));
        this.family = family;
        this.spec = spec;
    }

    /** @return the family asked for */
    public Family family() {
        return family;
    }

    /** @return what was asked for; empty for the family's default */
    public String spec() {
        return spec;
    }
}

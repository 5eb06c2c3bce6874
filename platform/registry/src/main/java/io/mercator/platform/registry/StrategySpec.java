package io.mercator.platform.registry;

import io.mercator.api.ValidationException;
import java.util.regex.Pattern;
import org.osgi.framework.Version;
import org.osgi.framework.VersionRange;

/** A parsed request for a strategy: {@code name} or {@code name@range} (OSGi version range syntax). */
record StrategySpec(String name, VersionRange range) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*");
    private static final VersionRange ANY = new VersionRange(VersionRange.LEFT_CLOSED, Version.emptyVersion, null,
            VersionRange.RIGHT_OPEN);

    /**
     * @param text {@code name}, {@code name@1.2} (1.2 or later) or {@code name@[1,2)}
     * @return the spec
     * @throws ValidationException naming the field {@code strategy} when the text is malformed
     */
    static StrategySpec parse(String text) {
        String trimmed = text.trim();
        int at = trimmed.indexOf('@');
        String name = at < 0 ? trimmed : trimmed.substring(0, at);
        if (!NAME.matcher(name).matches()) {
            throw new ValidationException("strategy", "'" + text
                    + "' does not start with a strategy name (lower-case letters, digits and '-')");
        }
        if (at < 0) {
            return new StrategySpec(name, ANY);
        }
        try {
            return new StrategySpec(name, VersionRange.valueOf(trimmed.substring(at + 1)));
        } catch (IllegalArgumentException malformed) {
            throw new ValidationException("strategy", "'" + text + "' has no valid version range after '@' "
                    + "(expected e.g. 1.2, [1,2) or [1.0.0,1.5.0])");
        }
    }

    boolean matches(String candidateName, Version version) {
        return name.equals(candidateName) && range.includes(version);
    }

    @Override
    public String toString() {
        return range == ANY ? name : name + "@" + range;
    }
}

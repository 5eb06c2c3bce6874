package io.mercator.api.runtime;

import io.mercator.api.StrategyDescriptor;
import java.util.Objects;

/**
 * A registered strategy as the registry sees it: its descriptor and the bundle that provides it.
 *
 * @param descriptor what the strategy says about itself
 * @param bundleId the id of the providing bundle
 * @param bundleSymbolicName the symbolic name of the providing bundle
 * @param bundleVersion the version of the providing bundle
 * @param isDefault whether requests without a name go to this strategy
 * @param health how the strategy has behaved in protected calls so far
 */
public record StrategyInfo(StrategyDescriptor descriptor, long bundleId, String bundleSymbolicName,
        String bundleVersion, boolean isDefault, StrategyHealth health) {

    /** Checks that no component is missing. */
    public StrategyInfo {
        Objects.requireNonNull(descriptor, "descriptor");
        Objects.requireNonNull(bundleSymbolicName, "bundleSymbolicName");
        Objects.requireNonNull(bundleVersion, "bundleVersion");
        Objects.requireNonNull(health, "health");
    }
}

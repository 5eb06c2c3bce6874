package io.mercator.launcher;

import io.mercator.api.Family;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.osgi.framework.Bundle;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRevision;

/**
 * How many strategy services a bundle declares: its {@code osgi.service} capabilities (bnd writes
 * one per Declarative Services component) whose {@code objectClass} names a family's strategy
 * interface.
 */
final class StrategyCapabilities {

    static final Set<String> STRATEGY_TYPES = Stream.of(Family.values())
            .map(family -> family.strategyType().getName())
            .collect(Collectors.toUnmodifiableSet());

    private StrategyCapabilities() {
    }

    /**
     * @param bundle a bundle
     * @return the number of strategy services it declares; 0 for a bundle without a revision
     */
    static int declared(Bundle bundle) {
        BundleRevision revision = bundle.adapt(BundleRevision.class);
        if (revision == null) {
            return 0;
        }
        int count = 0;
        for (BundleCapability capability : revision.getDeclaredCapabilities("osgi.service")) {
            if (namesStrategy(capability.getAttributes().get("objectClass"))) {
                count++;
            }
        }
        return count;
    }

    static boolean namesStrategy(Object objectClass) {
        if (objectClass instanceof String single) {
            return STRATEGY_TYPES.contains(single);
        }
        if (objectClass instanceof String[] array) {
            return namesStrategy(List.of(array));
        }
        if (objectClass instanceof Collection<?> many) {
            return many.stream().anyMatch(STRATEGY_TYPES::contains);
        }
        return false;
    }
}

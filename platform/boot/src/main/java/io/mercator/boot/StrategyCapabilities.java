package io.mercator.boot;

import io.mercator.api.Family;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.osgi.framework.Bundle;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRevision;

/**
 * How many strategy services a bundle declares. Two sources, the larger count wins: its
 * {@code osgi.service} capabilities whose {@code objectClass} names a family's strategy interface
 * (bnd writes them from the Declarative Services components, but merges components that provide
 * the same interfaces into one capability), and its Declarative Services component descriptions
 * that provide a strategy interface (one per component).
 */
public final class StrategyCapabilities {

    static final Set<String> STRATEGY_TYPES = Stream.of(Family.values())
            .map(family -> family.strategyType().getName())
            .collect(Collectors.toUnmodifiableSet());

    private StrategyCapabilities() {
    }

    /**
     * @param bundle a bundle
     * @return the number of strategy services it declares; 0 for a bundle without a revision
     */
    public static int declared(Bundle bundle) {
        BundleRevision revision = bundle.adapt(BundleRevision.class);
        if (revision == null) {
            return 0;
        }
        int capabilities = 0;
        for (BundleCapability capability : revision.getDeclaredCapabilities("osgi.service")) {
            if (namesStrategy(capability.getAttributes().get("objectClass"))) {
                capabilities++;
            }
        }
        return Math.max(capabilities, components(bundle));
    }

    private static final Pattern COMPONENT = Pattern.compile("<(?:[\\w-]+:)?component\\b.*?</(?:[\\w-]+:)?component>",
            Pattern.DOTALL);
    private static final Pattern PROVIDE = Pattern.compile("<provide\\s+interface\\s*=\\s*[\"']([^\"']+)[\"']");

    /** @return the number of DS components of the bundle that provide a strategy interface */
    static int components(Bundle bundle) {
        String header = bundle.getHeaders("").get("Service-Component");
        if (header == null || header.isBlank()) {
            return 0;
        }
        int count = 0;
        for (String path : header.split(",")) {
            URL entry = bundle.getEntry(path.split(";", 2)[0].trim());
            if (entry == null) {
                continue;
            }
            try (InputStream in = entry.openStream()) {
                count += countStrategyComponents(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException unreadable) {
                // SCR reports it
            }
        }
        return count;
    }

    /**
     * @param xml a DS component description
     * @return the number of its components that provide a strategy interface
     */
    static int countStrategyComponents(String xml) {
        int count = 0;
        Matcher component = COMPONENT.matcher(xml);
        while (component.find()) {
            Matcher provide = PROVIDE.matcher(component.group());
            while (provide.find()) {
                if (STRATEGY_TYPES.contains(provide.group(1).trim())) {
                    count++;
                    break;
                }
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

package io.mercator.platform.registry;

import io.mercator.api.Family;
import io.mercator.api.StrategyDescriptor;
import io.mercator.api.runtime.StrategyHealth;
import io.mercator.api.runtime.StrategyInfo;
import io.mercator.api.runtime.StrategyNotFoundException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import org.osgi.framework.Version;

/**
 * The registry's state without OSGi: registered strategies, defaults per family, and strategies
 * that are briefly gone because their bundle is being redeployed. Callers asking for a strategy
 * in that window wait for it to come back instead of failing.
 */
final class StrategyTable {

    /** One registered strategy service. */
    static final class Entry {
        final StrategyDescriptor descriptor;
        final Version version;
        final Object service;
        final long bundleId;
        final String bundleSymbolicName;
        final String bundleVersion;
        final long serviceId;
        final AtomicInteger callsInFlight = new AtomicInteger();
        final Health health = new Health();

        Entry(StrategyDescriptor descriptor, Object service, long bundleId, String bundleSymbolicName,
                String bundleVersion, long serviceId) {
            this.descriptor = descriptor;
            this.version = Version.parseVersion(descriptor.version());
            this.service = service;
            this.bundleId = bundleId;
            this.bundleSymbolicName = bundleSymbolicName;
            this.bundleVersion = bundleVersion;
            this.serviceId = serviceId;
        }

        Family family() {
            return descriptor.family();
        }

        String name() {
            return descriptor.name();
        }
    }

    /** Outcomes of protected calls of one strategy, and its circuit breaker. */
    static final class Health {
        private long calls;
        private long failures;
        private long consecutiveFailures;
        private long totalNanos;
        private long outOfRoutingUntilNanos;
        private String lastError = "";

        synchronized void succeeded(long nanos) {
            calls++;
            totalNanos += nanos;
            consecutiveFailures = 0;
            outOfRoutingUntilNanos = 0;
        }

        /** @return true when this failure takes the strategy out of routing */
        synchronized boolean failed(long nanos, String error, int threshold, long cooldownNanos) {
            calls++;
            failures++;
            consecutiveFailures++;
            totalNanos += nanos;
            lastError = error;
            if (consecutiveFailures >= threshold) {
                outOfRoutingUntilNanos = System.nanoTime() + cooldownNanos;
                return true;
            }
            return false;
        }

        synchronized boolean outOfRouting() {
            return outOfRoutingUntilNanos != 0 && System.nanoTime() - outOfRoutingUntilNanos < 0;
        }

        synchronized StrategyHealth snapshot() {
            return new StrategyHealth(calls, failures, consecutiveFailures,
                    calls == 0 ? 0 : totalNanos / 1e6 / calls, outOfRouting(), lastError);
        }
    }

    /** A strategy that went away while its bundle stayed installed, so it is expected back. */
    private record Absence(long bundleId, long deadlineNanos) {
    }

    /** Highest version first; for equal versions the oldest service wins. */
    private static final Comparator<Entry> PREFERENCE = Comparator.comparing((Entry e) -> e.version)
            .reversed().thenComparingLong(e -> e.serviceId);

    private final long graceNanos;
    private final int breakerFailures;
    private final long breakerCooldownNanos;
    private final Map<Family, List<Entry>> entries = new EnumMap<>(Family.class);
    private final Map<String, Absence> absences = new HashMap<>();
    private final Map<Family, StrategySpec> defaults = new EnumMap<>(Family.class);
    private boolean closed;

    /** @param graceMillis how long a caller waits for a strategy whose bundle is being redeployed */
    StrategyTable(long graceMillis) {
        this(graceMillis, 5, 30_000);
    }

    /**
     * @param graceMillis how long a caller waits for a strategy whose bundle is being redeployed
     * @param breakerFailures failures in a row that take a strategy out of routing
     * @param breakerCooldownMillis how long it stays out before it is tried again
     */
    StrategyTable(long graceMillis, int breakerFailures, long breakerCooldownMillis) {
        this.graceNanos = graceMillis * 1_000_000L;
        this.breakerFailures = breakerFailures;
        this.breakerCooldownNanos = breakerCooldownMillis * 1_000_000L;
        for (Family family : Family.values()) {
            entries.put(family, new ArrayList<>());
        }
    }

    private static String key(Family family, String name) {
        return family.id() + "/" + name;
    }

    synchronized void add(Entry entry) {
        entries.get(entry.family()).add(entry);
        absences.remove(key(entry.family(), entry.name()));
        notifyAll();
    }

    /**
     * @param entry the strategy that was unregistered
     * @param expectedBack true when its bundle is still installed (an update or refresh is under way)
     */
    synchronized void remove(Entry entry, boolean expectedBack) {
        List<Entry> family = entries.get(entry.family());
        family.remove(entry);
        boolean othersLeft = family.stream().anyMatch(e -> e.name().equals(entry.name()));
        if (expectedBack && !othersLeft) {
            absences.put(key(entry.family(), entry.name()),
                    new Absence(entry.bundleId, System.nanoTime() + graceNanos));
        }
        notifyAll();
    }

    /** A bundle was uninstalled: its strategies are not coming back, so nobody waits for them. */
    synchronized void bundleUninstalled(long bundleId) {
        if (absences.values().removeIf(absence -> absence.bundleId == bundleId)) {
            notifyAll();
        }
    }

    synchronized void setDefaults(Map<Family, StrategySpec> newDefaults) {
        defaults.clear();
        defaults.putAll(newDefaults);
        notifyAll();
    }

    synchronized void setDefault(Family family, StrategySpec spec) {
        defaults.put(family, spec);
        notifyAll();
    }

    synchronized Optional<StrategySpec> defaultSpec(Family family) {
        return Optional.ofNullable(defaults.get(family));
    }

    /** Wakes every waiting caller; later requests fail at once. */
    synchronized void close() {
        closed = true;
        absences.clear();
        notifyAll();
    }

    /**
     * Finds the strategy a spec selects, waiting while it is being redeployed.
     *
     * @param family the family
     * @param specText {@code ""} for the default, {@code name} or {@code name@range}
     */
    synchronized Entry await(Family family, String specText) {
        StrategySpec requested = specText.isBlank() ? null : StrategySpec.parse(specText);
        boolean interrupted = false;
        try {
            while (true) {
                StrategySpec spec = requested != null ? requested : effectiveDefault(family, specText);
                Entry found = find(family, spec);
                if (found != null) {
                    return found;
                }
                Absence absence = closed ? null : absences.get(key(family, spec.name()));
                long remaining = absence == null ? 0 : absence.deadlineNanos - System.nanoTime();
                if (remaining <= 0) {
                    throw notFound(family, specText, spec);
                }
                try {
                    wait(Math.max(1, remaining / 1_000_000L));
                } catch (InterruptedException e) {
                    interrupted = true;
                    throw new StrategyNotFoundException(family, specText.trim(), "interrupted while it was being redeployed");
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Like {@link #await} but never waits. */
    synchronized Entry resolve(Family family, String specText) {
        StrategySpec spec = specText.isBlank() ? effectiveDefault(family, specText) : StrategySpec.parse(specText);
        Entry found = find(family, spec);
        if (found == null) {
            throw notFound(family, specText, spec);
        }
        return found;
    }

    private StrategySpec effectiveDefault(Family family, String specText) {
        StrategySpec configured = defaults.get(family);
        if (configured != null) {
            return configured;
        }
        TreeSet<String> names = namesIn(family);
        if (names.size() == 1) {
            return StrategySpec.parse(names.first());
        }
        throw new StrategyNotFoundException(family, specText.trim(), names.isEmpty()
                ? "no strategy of this family is registered"
                : "no default is set and several are registered: " + String.join(", ", names));
    }

    /** @return true when the failure took the strategy out of routing */
    boolean failed(Entry entry, long nanos, String error) {
        return entry.health.failed(nanos, error, breakerFailures, breakerCooldownNanos);
    }

    private Entry find(Family family, StrategySpec spec) {
        return entries.get(family).stream()
                .filter(e -> spec.matches(e.name(), e.version) && !e.health.outOfRouting())
                .min(PREFERENCE)
                .orElse(null);
    }

    private TreeSet<String> namesIn(Family family) {
        TreeSet<String> names = new TreeSet<>();
        entries.get(family).forEach(e -> names.add(e.name()));
        return names;
    }

    private StrategyNotFoundException notFound(Family family, String specText, StrategySpec spec) {
        List<String> versions = entries.get(family).stream()
                .filter(e -> e.name().equals(spec.name()))
                .sorted(PREFERENCE)
                .map(e -> e.descriptor.version())
                .toList();
        TreeSet<String> names = namesIn(family);
        Entry blocked = entries.get(family).stream()
                .filter(e -> spec.matches(e.name(), e.version) && e.health.outOfRouting())
                .min(PREFERENCE).orElse(null);
        String detail = blocked != null
                ? blocked.descriptor + " is out of routing after " + blocked.health.snapshot().consecutiveFailures()
                        + " failures in a row (last: " + blocked.health.snapshot().lastError() + ")"
                : !versions.isEmpty()
                ? "registered versions of " + spec.name() + ": " + String.join(", ", versions)
                : names.isEmpty() ? "no strategy of this family is registered"
                : "registered: " + String.join(", ", names);
        String asked = specText.isBlank() ? "(default) " + spec : specText.trim();
        return new StrategyNotFoundException(family, asked, detail);
    }

    synchronized List<StrategyInfo> list(Family family) {
        Entry flagged = defaultEntry(family);
        return entries.get(family).stream()
                .sorted(Comparator.comparing(Entry::name).thenComparing(PREFERENCE))
                .map(e -> info(e, e == flagged))
                .toList();
    }

    /** @return what callers see of an entry, with its default flag as of now */
    synchronized StrategyInfo describe(Entry entry) {
        return info(entry, entry == defaultEntry(entry.family()));
    }

    private Entry defaultEntry(Family family) {
        try {
            return find(family, effectiveDefault(family, ""));
        } catch (StrategyNotFoundException noDefault) {
            return null;
        }
    }

    private static StrategyInfo info(Entry entry, boolean isDefault) {
        return new StrategyInfo(entry.descriptor, entry.bundleId, entry.bundleSymbolicName, entry.bundleVersion,
                isDefault, entry.health.snapshot());
    }
}

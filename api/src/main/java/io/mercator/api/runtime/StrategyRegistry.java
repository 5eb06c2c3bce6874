package io.mercator.api.runtime;

import io.mercator.api.Family;
import io.mercator.api.Strategy;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Tracks every strategy service of every family and routes requests to them.
 *
 * <p>A request names a strategy with a <em>spec</em>:
 * <ul>
 * <li>{@code ""} (empty): the family's default;</li>
 * <li>{@code name}: the highest registered version of that strategy;</li>
 * <li>{@code name@range}: the highest version inside an OSGi version range, such as
 * {@code seasonal-naive@[1,2)}; a bare version ({@code name@1.2}) means "1.2 or later".</li>
 * </ul>
 *
 * <p>Strategies are third-party code. {@link #call} contains them: a call has a deadline, and a
 * strategy that throws, returns an invalid result or misses deadlines is counted and, after a
 * configured number of failures in a row, taken out of routing for a cool-down period, while the
 * platform keeps serving the others.
 *
 * <p>While a strategy's bundle is being updated there is a short window in which no service is
 * registered. {@link #acquire} waits out that window (bounded by the registry's configured grace
 * period) instead of failing, so callers see no errors during a hot swap.
 */
@ProviderType
public interface StrategyRegistry {

    /** @return every registered strategy, ordered by family, name and descending version */
    List<StrategyInfo> list();

    /**
     * @param family a family
     * @return the registered strategies of that family, ordered by name and descending version
     */
    List<StrategyInfo> list(Family family);

    /**
     * Finds the strategy a spec selects, without holding it.
     *
     * @param family the family
     * @param spec see the class description
     * @return the selected strategy
     * @throws StrategyNotFoundException when nothing matches
     * @throws io.mercator.api.ValidationException when the spec is malformed
     */
    StrategyInfo resolve(Family family, String spec);

    /**
     * Selects a strategy and holds it for one call.
     *
     * @param <S> the family's strategy type
     * @param strategyType the family's strategy interface, e.g. {@code ForecastStrategy.class}
     * @param spec see the class description
     * @return an open lease; close it when the call is done
     * @throws StrategyNotFoundException when nothing matches, after waiting out a redeployment
     * @throws io.mercator.api.ValidationException when the spec is malformed or the type is not a
     *     family's strategy interface
     */
    <S extends Strategy<?, ?>> StrategyLease<S> acquire(Class<S> strategyType, String spec);

    /**
     * Calls a strategy with the platform's protection: the call runs with a deadline, its outcome
     * is counted in the strategy's {@link StrategyHealth}, and a strategy that failed too often in
     * a row is skipped (another registered version that matches the spec serves instead, if any).
     * Calls already running when the strategy's bundle is updated finish on the old version.
     *
     * @param <S> the family's strategy type
     * @param <R> the result type
     * @param strategyType the family's strategy interface, e.g. {@code ForecastStrategy.class}
     * @param spec see the class description
     * @param deadline how long the call may take
     * @param call what to do with the strategy
     * @return the call's result
     * @throws StrategyNotFoundException when nothing matches or every match is out of routing
     * @throws StrategyCallException when the strategy threw or missed the deadline
     * @throws io.mercator.api.ValidationException when the spec is malformed, or when the
     *     strategy rejected the caller's input (a caller error: not counted against the strategy)
     */
    <S extends Strategy<?, ?>, R> R call(Class<S> strategyType, String spec, Duration deadline,
            StrategyCall<S, R> call);

    /**
     * @param family a family
     * @return the configured default spec of the family, if any
     */
    Optional<String> defaultSpec(Family family);

    /**
     * Sets the family's default. The setting is persisted and survives restarts. The strategy
     * does not have to be registered yet.
     *
     * @param family the family
     * @param spec a non-empty spec ({@code name} or {@code name@range})
     * @throws io.mercator.api.ValidationException when the spec is malformed
     */
    void setDefault(Family family, String spec);
}

package io.mercator.api.runtime;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The registry's measurements of every strategy use, whoever made it (REST, CLI, embedding API,
 * training jobs, evaluations): counts, failures and a latency histogram per strategy version.
 * Registered by the platform beside {@link StrategyRegistry}; the REST API renders it in its
 * Prometheus metrics.
 */
@ProviderType
public interface StrategyMetrics {

    /**
     * @return the upper bounds of the duration buckets in seconds, ascending; the same for every
     *     strategy and for the life of the runtime
     */
    double[] durationBounds();

    /** @return one line per strategy version and use that was used at least once */
    List<StrategyCallStatistics> statistics();
}

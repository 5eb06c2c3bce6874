package io.mercator.api.runtime;

import io.mercator.api.Strategy;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A strategy held for the length of one call. While a lease is open, the strategy object stays
 * usable even if its bundle is updated or removed meanwhile: calls already running finish on the
 * version they started on. Close the lease when the call is done, preferably with
 * try-with-resources.
 *
 * @param <S> the family's strategy type
 */
@ProviderType
public interface StrategyLease<S extends Strategy<?, ?>> extends AutoCloseable {

    /** @return the strategy to call */
    S strategy();

    /** @return which strategy and bundle version this lease holds */
    StrategyInfo info();

    /** Releases the strategy. Idempotent. */
    @Override
    void close();
}

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

    /**
     * Reports that the strategy failed while this lease held it (it threw, or returned an invalid
     * result), so that the registry's metrics count the failure. Not for errors of the holder's own
     * input or for cancellations.
     *
     * <p>The registry's leases count it; the default, for leases made elsewhere (tests, a
     * strategy combining others), ignores it.
     *
     * @param cause what the strategy threw or why its result was refused
     */
    default void failed(Throwable cause) {
    }

    /** Releases the strategy. Idempotent. */
    @Override
    void close();
}

package io.mercator.api;

import java.io.IOException;
import java.io.OutputStream;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A fitted model: the expensive, immutable result of {@link Strategy#fit}. Family sub-interfaces
 * add the queries the model answers.
 *
 * <p>Implementations must be immutable and safe to query from many threads at once. A model
 * must be readable by {@link Strategy#readModel} of the strategy (same name, same major version)
 * that wrote it.
 */
@ConsumerType
public interface Model {

    /** @return the name of the strategy that fitted this model */
    String strategyName();

    /** @return the version of the strategy that fitted this model */
    String strategyVersion();

    /**
     * Writes the model in the strategy's own format. The platform stores the bytes atomically;
     * the implementation must not close {@code out}.
     *
     * @param out where to write
     * @throws IOException when writing fails
     */
    void writeTo(OutputStream out) throws IOException;
}

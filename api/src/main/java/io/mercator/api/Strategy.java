package io.mercator.api;

import java.io.IOException;
import java.io.InputStream;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * An algorithm of one family, registered as an OSGi service under its family interface (for
 * example {@link io.mercator.api.forecasting.ForecastStrategy}). Vendors implement the family
 * interfaces, not this one directly.
 *
 * <p>A strategy is stateless: everything learnt from data lives in the {@link Model} that
 * {@link #fit} returns. The platform may call {@code fit} and {@code readModel} from several
 * threads at once, and calls already running when the bundle is updated finish on the old
 * version.
 *
 * <p>Register the service with Declarative Services, e.g.
 * <pre>{@code
 * @Component(service = ForecastStrategy.class)
 * public final class SeasonalNaive implements ForecastStrategy { ... }
 * }</pre>
 *
 * @param <D> the family's data set type
 * @param <M> the family's model type
 */
@ConsumerType
public interface Strategy<D, M extends Model> {

    /**
     * Describes this strategy. Must return the same value for the life of the service; the
     * registry reads it once, when the service appears.
     *
     * @return family, name, version, vendor, description and parameters
     */
    StrategyDescriptor descriptor();

    /**
     * Fits a model. Long fits should report progress and stop early, by throwing
     * {@link java.util.concurrent.CancellationException}, once the context says they are
     * cancelled.
     *
     * @param data the training data, already validated by its constructor
     * @param parameters values for every parameter in {@link #descriptor()}, already validated
     *     against the declared types and ranges (see {@link Parameters#resolve})
     * @param context progress reporting and cancellation
     * @return the fitted model
     * @throws ValidationException when the data cannot be used by this strategy (too short, wrong
     *     shape), naming the field at fault
     */
    M fit(D data, Parameters parameters, TrainingContext context);

    /**
     * Reads a model written by {@link Model#writeTo} of this strategy (same name, same major
     * version).
     *
     * @param in the bytes; the implementation must not close the stream
     * @return the model
     * @throws IOException when the bytes are not a model of this strategy or cannot be read
     */
    M readModel(InputStream in) throws IOException;
}

package io.mercator.api;

import java.util.concurrent.CancellationException;
import org.osgi.annotation.versioning.ProviderType;

/**
 * What a running {@link Strategy#fit} may ask of the job that runs it: report progress, learn
 * whether it was cancelled. Implemented by the platform; {@link #none()} serves tests and plain
 * Java callers.
 */
@ProviderType
public interface TrainingContext {

    /**
     * Reports progress.
     *
     * @param fraction done so far, from 0 to 1
     * @param message a short human-readable step description, may be empty
     */
    void progress(double fraction, String message);

    /** @return true once the caller no longer wants the result */
    boolean isCancelled();

    /**
     * Throws if the fit was cancelled; call between units of work.
     *
     * @throws CancellationException when {@link #isCancelled()} is true
     */
    default void checkCancelled() {
        if (isCancelled()) {
            throw new CancellationException("training was cancelled");
        }
    }

    /** @return a context that ignores progress and is never cancelled */
    static TrainingContext none() {
        return NoTrainingContext.INSTANCE;
    }
}

/** The do-nothing context behind {@link TrainingContext#none()}. */
enum NoTrainingContext implements TrainingContext {
    INSTANCE;

    @Override
    public void progress(double fraction, String message) {
        // nobody is listening
    }

    @Override
    public boolean isCancelled() {
        return false;
    }
}

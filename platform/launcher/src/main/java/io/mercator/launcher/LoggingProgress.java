package io.mercator.launcher;

import io.mercator.api.TrainingContext;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs the progress of work run for a control request every few seconds; such work cannot be cancelled. */
final class LoggingProgress implements TrainingContext {

    private static final Logger LOG = LoggerFactory.getLogger(LoggingProgress.class);
    private static final long INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(5);

    private final String what;
    private long lastLogged = System.nanoTime();

    /** @param what the work, e.g. "Evaluating forecasting" */
    LoggingProgress(String what) {
        this.what = what;
    }

    @Override
    public synchronized void progress(double fraction, String message) {
        long now = System.nanoTime();
        if (now - lastLogged >= INTERVAL_NANOS) {
            lastLogged = now;
            LOG.info("{}: {}% {}", what, Math.round(fraction * 100), message);
        }
    }

    @Override
    public boolean isCancelled() {
        return false;
    }
}

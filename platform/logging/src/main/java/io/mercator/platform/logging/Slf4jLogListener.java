package io.mercator.platform.logging;

import org.osgi.framework.Bundle;
import org.osgi.service.log.LogEntry;
import org.osgi.service.log.LogListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forwards Log Service entries to SLF4J: the logger is named after the bundle that logged, the
 * level is mapped one to one (AUDIT becomes INFO), the exception is passed on. The framework
 * events the Log Service records on its own (bundle, service and framework events at INFO) go to
 * DEBUG so that they do not drown the console.
 */
final class Slf4jLogListener implements LogListener {

    private final long skipUpTo;

    /** @param skipUpTo entries with this sequence number or lower were already forwarded */
    Slf4jLogListener(long skipUpTo) {
        this.skipUpTo = skipUpTo;
    }

    @Override
    public void logged(LogEntry entry) {
        if (entry.getSequence() > skipUpTo) {
            forward(entry);
        }
    }

    static void forward(LogEntry entry) {
        Bundle bundle = entry.getBundle();
        String name = bundle == null || bundle.getSymbolicName() == null ? "osgi" : bundle.getSymbolicName();
        Logger logger = LoggerFactory.getLogger(name);
        String message = entry.getMessage();
        Throwable exception = entry.getException();
        boolean frameworkEvent = entry.getLoggerName() != null && entry.getLoggerName().startsWith("Events.");
        switch (entry.getLogLevel()) {
            case ERROR -> logger.error(message, exception);
            case WARN -> logger.warn(message, exception);
            case INFO, AUDIT -> {
                if (frameworkEvent) {
                    logger.debug(message, exception);
                } else {
                    logger.info(message, exception);
                }
            }
            case DEBUG -> logger.debug(message, exception);
            default -> logger.trace(message, exception);
        }
    }
}

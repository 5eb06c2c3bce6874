package io.mercator.boot;

import org.apache.felix.framework.Logger;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;
import org.slf4j.LoggerFactory;

/** Sends the framework's own messages (resolver, bundle errors) to SLF4J. */
final class FelixLogger extends Logger {

    private final org.slf4j.Logger log = LoggerFactory.getLogger("org.apache.felix.framework");

    FelixLogger() {
        setLogLevel(log.isDebugEnabled() ? LOG_DEBUG : log.isInfoEnabled() ? LOG_INFO : LOG_WARNING);
    }

    @Override
    protected void doLog(Bundle bundle, ServiceReference sr, int level, String msg, Throwable throwable) {
        String text = bundle == null ? msg : bundle.getSymbolicName() + " [" + bundle.getBundleId() + "]: " + msg;
        switch (level) {
            case LOG_ERROR -> log.error(text, throwable);
            case LOG_WARNING -> log.warn(text, throwable);
            case LOG_INFO -> log.info(text, throwable);
            default -> log.debug(text, throwable);
        }
    }

    @Override
    protected void doLog(int level, String msg, Throwable throwable) {
        doLog(null, null, level, msg, throwable);
    }
}

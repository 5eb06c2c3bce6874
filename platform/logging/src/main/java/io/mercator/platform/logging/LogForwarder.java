package io.mercator.platform.logging;

import java.util.Collections;
import java.util.Enumeration;
import java.util.IdentityHashMap;
import java.util.Map;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.log.LogEntry;
import org.osgi.service.log.LogReaderService;

/**
 * Listens to every {@link LogReaderService} and forwards its entries to SLF4J. Entries logged
 * before this component came up (while the framework was starting) are replayed from the
 * reader's history once, oldest first.
 */
@Component(immediate = true)
public final class LogForwarder {

    private final Map<LogReaderService, Slf4jLogListener> listeners =
            Collections.synchronizedMap(new IdentityHashMap<>());

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addReader(LogReaderService reader) {
        long replayedUpTo = -1;
        java.util.List<LogEntry> history = new java.util.ArrayList<>();
        for (Enumeration<LogEntry> entries = reader.getLog(); entries.hasMoreElements();) {
            LogEntry entry = entries.nextElement();
            history.add(entry);
            replayedUpTo = Math.max(replayedUpTo, entry.getSequence());
        }
        Slf4jLogListener listener = new Slf4jLogListener(replayedUpTo);
        listeners.put(reader, listener);
        reader.addLogListener(listener);
        // getLog() is newest first
        Collections.reverse(history);
        history.forEach(Slf4jLogListener::forward);
    }

    void removeReader(LogReaderService reader) {
        Slf4jLogListener listener = listeners.remove(reader);
        if (listener != null) {
            reader.removeLogListener(listener);
        }
    }

    @Deactivate
    void deactivate() {
        // the readers are unbound one by one before this runs; nothing is left to release
        listeners.clear();
    }
}

package io.mercator.platform.registry;

import io.mercator.api.Strategy;
import io.mercator.api.ValidationException;
import io.mercator.api.runtime.StrategyCall;
import io.mercator.api.runtime.StrategyCallException;
import io.mercator.api.runtime.StrategyCallStatistics;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.osgi.service.log.Logger;

/**
 * Runs strategy calls on worker threads so that the caller can give up at the deadline even when
 * the strategy hangs, and records each outcome in the strategy's health. A worker stuck in a hung
 * strategy stays stuck (Java cannot stop it), but the circuit breaker soon stops sending it calls.
 */
final class ProtectedCalls {

    private final StrategyTable table;
    private final Logger logger;
    private final AtomicInteger threads = new AtomicInteger();
    private final ExecutorService workers = Executors.newCachedThreadPool(task -> {
        // a worker is created on the calling thread, which may be an embedding host's: it inherits
        // neither its inheritable thread locals nor its context class loader (that would show the
        // host's class path to strategy code that looks classes up through it)
        Thread thread = new Thread(null, task, "mercator-strategy-call-" + threads.incrementAndGet(), 0, false);
        thread.setContextClassLoader(ProtectedCalls.class.getClassLoader());
        thread.setDaemon(true);
        return thread;
    });

    private final CallMetrics metrics;

    ProtectedCalls(StrategyTable table, CallMetrics metrics, Logger logger) {
        this.table = table;
        this.metrics = metrics;
        this.logger = logger;
    }

    <S extends Strategy<?, ?>, R> R run(StrategyTable.Entry entry, S strategy, Duration deadline,
            StrategyCall<S, R> call) {
        entry.callsInFlight.incrementAndGet();
        CallMetrics.Recorder recorder = metrics.recorder(entry.descriptor, StrategyCallStatistics.Use.CALL);
        long start = System.nanoTime();
        Future<R> running = workers.submit(() -> call.apply(strategy));
        try {
            R result = running.get(deadline.toNanos(), TimeUnit.NANOSECONDS);
            long nanos = System.nanoTime() - start;
            entry.health.succeeded(nanos);
            recorder.finished(nanos, false);
            return result;
        } catch (TimeoutException late) {
            running.cancel(true);
            recorder.timedOut(System.nanoTime() - start);
            throw failure(entry, start, "missed its deadline of " + deadline.toMillis() + " ms", null);
        } catch (ExecutionException thrown) {
            Throwable cause = thrown.getCause();
            if (cause instanceof ValidationException rejectedInput) {
                // the caller's input was refused: a caller error, not the strategy's
                recorder.finished(System.nanoTime() - start, false);
                throw rejectedInput;
            }
            recorder.finished(System.nanoTime() - start, true);
            throw failure(entry, start, "failed: " + cause, cause);
        } catch (InterruptedException interrupted) {
            running.cancel(true);
            Thread.currentThread().interrupt();
            throw new StrategyCallException(entry.descriptor + ": the caller was interrupted", interrupted);
        } finally {
            entry.callsInFlight.decrementAndGet();
        }
    }

    private StrategyCallException failure(StrategyTable.Entry entry, long start, String what, Throwable cause) {
        String message = entry.descriptor + " " + what;
        if (table.failed(entry, System.nanoTime() - start, message)) {
            logger.error("{}; taken out of routing after {} failures in a row", message,
                    entry.health.snapshot().consecutiveFailures());
        } else {
            logger.warn(message);
        }
        return new StrategyCallException(message, cause);
    }

    void close() {
        workers.shutdownNow();
    }
}

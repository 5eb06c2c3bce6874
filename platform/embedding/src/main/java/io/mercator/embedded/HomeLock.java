package io.mercator.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Keeps a home folder to one running Mercator: two runtimes sharing a framework cache, Config
 * Admin folder and model store would corrupt each other. An OS file lock on
 * {@code data/embedded.lock}, released by {@link #close()} or when the process ends.
 */
final class HomeLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private HomeLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * @param home the home folder; its {@code data/} folder must exist
     * @return the held lock
     * @throws IllegalStateException when another Mercator, in this JVM or another process, runs from it
     */
    static HomeLock acquire(Path home) {
        Path file = home.resolve("data").resolve("embedded.lock");
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw new IllegalStateException("the Mercator home " + home + " is in use by another process");
            }
            return new HomeLock(channel, lock);
        } catch (OverlappingFileLockException inThisJvm) {
            close(channel);
            throw new IllegalStateException("the Mercator home " + home + " is in use by another Mercator in this JVM; "
                    + "close it first or give each its own home");
        } catch (IOException e) {
            close(channel);
            throw new UncheckedIOException("cannot lock " + file + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            close(channel);
            throw e;
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException ignored) {
            // closing the channel releases it as well
        }
        close(channel);
    }

    private static void close(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing left to release
            }
        }
    }
}

package io.mercator.api.filtering;

import io.mercator.api.ValidationException;
import io.mercator.api.data.IdDictionary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Writes top-N recommendations for many users to a file: the nightly job that fills a table of
 * recommendations for every customer.
 *
 * <p>Users are read from an iterator in chunks; a fixed number of threads asks the model for each
 * chunk's lists and formats them, and the calling thread writes the chunks in input order. At most
 * {@code 2 × threads} chunks are in flight, so memory stays bounded however many users there are,
 * and the output streams to disk as it is produced. A file is written under a temporary name next
 * to it and moved into place only when every user has been scored: a failed run never leaves a
 * half-written file.
 *
 * <p>Two formats: CSV with a header {@code user,rank,item,score} and one row per recommendation
 * (rank from 1; ids quoted per RFC 4180 when needed), or JSON lines with one object per user,
 * {@code {"user":"u","items":[{"item":"i","score":4.5},...]}}. A user with no recommendation gets
 * no CSV row and an empty JSON list.
 *
 * <p>Each user's list leaves out the user's items in an optional history
 * ({@link Builder#excludeSeen}) and the items an optional {@link ItemFilter} rejects.
 *
 * <p>Immutable and thread-safe; each {@code score} call starts and stops its own threads.
 */
public final class BatchScorer {

    /** Output formats. */
    public enum Format {
        /** Comma-separated, one row per recommendation, with a header. */
        CSV,
        /** One JSON object per user and line. */
        JSON_LINES
    }

    /** Users per task: large enough to amortise the hand-off, small enough to keep memory low. */
    private static final int CHUNK = 256;

    private final RecommenderModel model;
    private final int count;
    private final Format format;
    private final int threads;
    private final SeenItems seen;
    private final Set<String> rejected;

    private BatchScorer(Builder builder) {
        this.model = builder.model;
        this.count = builder.count;
        this.format = builder.format;
        this.threads = builder.threads;
        this.seen = builder.seen;
        this.rejected = Set.copyOf(builder.filter.rejected(model.items()));
    }

    /**
     * @param model the fitted model to ask
     * @return a builder with 10 items per user, CSV, as many threads as processors, nothing excluded
     * @throws ValidationException naming {@code model} when it is null
     */
    public static Builder builder(RecommenderModel model) {
        if (model == null) {
            throw new ValidationException("model", "is missing");
        }
        return new Builder(model);
    }

    /**
     * What a run did.
     *
     * @param users the users scored
     * @param recommendations the recommendations written, over all users
     * @param nanos the wall-clock time of the run
     */
    public record Summary(long users, long recommendations, long nanos) {

        /** @return users scored per second of wall-clock time */
        public double usersPerSecond() {
            return nanos == 0 ? 0 : users * 1e9 / nanos;
        }
    }

    /**
     * Scores every user the model was trained on, in the order of {@link RecommenderModel#users()}.
     *
     * @param file the output file; replaced atomically when the run succeeds
     * @return what was written
     * @throws ValidationException naming {@code file} when it cannot be written
     */
    public Summary scoreAll(Path file) {
        return score(allUsers(model.users()), file);
    }

    /**
     * Scores the given users, in their order; unknown users get the model's fallback ranking.
     *
     * @param userIds non-blank user ids, e.g. the lines of a file
     * @param file the output file; replaced atomically when the run succeeds
     * @return what was written
     * @throws ValidationException naming {@code users} and the position of a blank id (the file is
     *     then left as it was), or {@code file} when it cannot be written
     */
    public Summary score(Iterator<String> userIds, Path file) {
        if (file == null) {
            throw new ValidationException("file", "is missing");
        }
        Path target = file.toAbsolutePath();
        Path temporary = target.resolveSibling("." + target.getFileName() + ".part");
        try {
            Summary summary;
            try (Writer out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                summary = score(userIds, out);
            }
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return summary;
        } catch (IOException | UncheckedIOException e) {
            throw new ValidationException("file", target + " cannot be written: " + e.getMessage());
        } finally {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException ignored) {
                // the temporary file is hidden and overwritten by the next run
            }
        }
    }

    /**
     * Scores the given users into a writer, in their order. The writer is flushed, not closed.
     *
     * @param userIds non-blank user ids
     * @param out where the lines go
     * @return what was written
     * @throws ValidationException naming {@code users} and the position of a blank id
     * @throws UncheckedIOException when the writer fails
     */
    public Summary score(Iterator<String> userIds, Writer out) {
        if (userIds == null || out == null) {
            throw new ValidationException(userIds == null ? "users" : "out", "is missing");
        }
        long start = System.nanoTime();
        AtomicInteger threadNumber = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "mercator-batch-scoring-" + threadNumber.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        ArrayDeque<Future<Chunk>> inFlight = new ArrayDeque<>();
        long users = 0;
        long recommendations = 0;
        try {
            if (format == Format.CSV) {
                out.write("user,rank,item,score\n");
            }
            while (userIds.hasNext()) {
                String[] chunk = new String[CHUNK];
                int size = 0;
                while (size < CHUNK && userIds.hasNext()) {
                    String userId = userIds.next();
                    if (userId == null || userId.isBlank()) {
                        throw new ValidationException("users", (int) Math.min(users, Integer.MAX_VALUE),
                                "user id is blank");
                    }
                    chunk[size++] = userId;
                    users++;
                }
                String[] chunkUsers = Arrays.copyOf(chunk, size);
                inFlight.add(pool.submit(() -> scoreChunk(chunkUsers)));
                if (inFlight.size() >= 2 * threads) {
                    recommendations += write(inFlight.poll(), out);
                }
            }
            while (!inFlight.isEmpty()) {
                recommendations += write(inFlight.poll(), out);
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            inFlight.forEach(future -> future.cancel(true));
            pool.shutdownNow();
        }
        return new Summary(users, recommendations, System.nanoTime() - start);
    }

    private long write(Future<Chunk> future, Writer out) throws IOException {
        try {
            Chunk chunk = future.get();
            out.write(chunk.text);
            return chunk.recommendations;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("batch scoring was interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private record Chunk(String text, long recommendations) {
    }

    private Chunk scoreChunk(String[] userIds) {
        StringBuilder text = new StringBuilder(userIds.length * count * 24);
        long written = 0;
        for (String userId : userIds) {
            Recommendations list = model.recommend(userId, count, seen.of(userId, rejected));
            written += list.size();
            if (format == Format.CSV) {
                String user = csv(userId);
                for (int rank = 0; rank < list.size(); rank++) {
                    text.append(user).append(',').append(rank + 1).append(',')
                            .append(csv(list.itemId(rank))).append(',').append(list.score(rank)).append('\n');
                }
            } else {
                text.append("{\"user\":");
                json(text, userId);
                text.append(",\"items\":[");
                for (int rank = 0; rank < list.size(); rank++) {
                    text.append(rank == 0 ? "{\"item\":" : ",{\"item\":");
                    json(text, list.itemId(rank));
                    text.append(",\"score\":").append(list.score(rank)).append('}');
                }
                text.append("]}\n");
            }
        }
        return new Chunk(text.toString(), written);
    }

    private static String csv(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                return '"' + value.replace("\"", "\"\"") + '"';
            }
        }
        return value;
    }

    private static void json(StringBuilder text, String value) {
        text.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> text.append("\\\"");
                case '\\' -> text.append("\\\\");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                case '\t' -> text.append("\\t");
                default -> {
                    if (c < 0x20) {
                        text.append(String.format("\\u%04x", (int) c));
                    } else {
                        text.append(c);
                    }
                }
            }
        }
        text.append('"');
    }

    private static Iterator<String> allUsers(IdDictionary users) {
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < users.size();
            }

            @Override
            public String next() {
                return users.id(next++);
            }
        };
    }

    /** Each user's items in a history, as compact arrays indexed by the history's users. */
    private static final class SeenItems {
        private static final SeenItems NONE = new SeenItems(null, null, null);

        private final Interactions history;
        private final int[] offsets;
        private final int[] items;

        private SeenItems(Interactions history, int[] offsets, int[] items) {
            this.history = history;
            this.offsets = offsets;
            this.items = items;
        }

        static SeenItems of(Interactions history) {
            int[] offsets = new int[history.users().size() + 1];
            for (int row = 0; row < history.size(); row++) {
                offsets[history.user(row) + 1]++;
            }
            for (int user = 0; user < history.users().size(); user++) {
                offsets[user + 1] += offsets[user];
            }
            int[] fill = Arrays.copyOf(offsets, offsets.length - 1);
            int[] items = new int[history.size()];
            for (int row = 0; row < history.size(); row++) {
                items[fill[history.user(row)]++] = history.item(row);
            }
            return new SeenItems(history, offsets, items);
        }

        /** @return the user's items in the history together with {@code alsoExcluded} */
        Set<String> of(String userId, Set<String> alsoExcluded) {
            int user = history == null ? -1 : history.users().indexOf(userId);
            if (user < 0) {
                return alsoExcluded;
            }
            Set<String> ids = new HashSet<>(alsoExcluded);
            for (int at = offsets[user]; at < offsets[user + 1]; at++) {
                ids.add(history.items().id(items[at]));
            }
            return ids;
        }
    }

    /** Settings of a {@link BatchScorer}. Not thread-safe. */
    public static final class Builder {
        private final RecommenderModel model;
        private int count = 10;
        private Format format = Format.CSV;
        private int threads = Runtime.getRuntime().availableProcessors();
        private SeenItems seen = SeenItems.NONE;
        private ItemFilter filter = ItemFilter.none();

        private Builder(RecommenderModel model) {
            this.model = model;
        }

        /**
         * @param itemsPerUser the most items per user, at least 1
         * @return this builder
         * @throws ValidationException naming {@code count} when below 1
         */
        public Builder count(int itemsPerUser) {
            if (itemsPerUser < 1) {
                throw new ValidationException("count", itemsPerUser + " must be at least 1");
            }
            this.count = itemsPerUser;
            return this;
        }

        /**
         * @param outputFormat CSV or JSON lines
         * @return this builder
         * @throws ValidationException naming {@code format} when null
         */
        public Builder format(Format outputFormat) {
            if (outputFormat == null) {
                throw new ValidationException("format", "is missing; use CSV or JSON_LINES");
            }
            this.format = outputFormat;
            return this;
        }

        /**
         * @param workers threads that ask the model, at least 1
         * @return this builder
         * @throws ValidationException naming {@code threads} when below 1
         */
        public Builder threads(int workers) {
            if (workers < 1) {
                throw new ValidationException("threads", workers + " must be at least 1");
            }
            this.threads = workers;
            return this;
        }

        /**
         * Leaves out of each user's list the items that user has in {@code history}, usually the
         * training data, so that only new items are recommended.
         *
         * @param history the interactions whose items to exclude per user
         * @return this builder
         * @throws ValidationException naming {@code history} when null
         */
        public Builder excludeSeen(Interactions history) {
            if (history == null) {
                throw new ValidationException("history", "is missing");
            }
            this.seen = SeenItems.of(history);
            return this;
        }

        /**
         * @param restrictions which items may be recommended to anyone: in stock, in some categories
         * @return this builder
         * @throws ValidationException naming {@code filter} when null
         */
        public Builder filter(ItemFilter restrictions) {
            if (restrictions == null) {
                throw new ValidationException("filter", "is missing; use ItemFilter.none()");
            }
            this.filter = restrictions;
            return this;
        }

        /** @return the scorer */
        public BatchScorer build() {
            return new BatchScorer(this);
        }
    }
}

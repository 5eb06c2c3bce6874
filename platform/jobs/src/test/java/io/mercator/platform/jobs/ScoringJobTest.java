package io.mercator.platform.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.mercator.api.Family;
import io.mercator.api.Parameters;
import io.mercator.api.StrategyDescriptor;
import io.mercator.api.TrainingContext;
import io.mercator.api.ValidationException;
import io.mercator.api.data.IdDictionary;
import io.mercator.api.filtering.BatchScorer;
import io.mercator.api.filtering.Interactions;
import io.mercator.api.filtering.RecommenderModel;
import io.mercator.api.filtering.RecommenderStrategy;
import io.mercator.api.filtering.Recommendations;
import io.mercator.api.jobs.JobInfo;
import io.mercator.api.jobs.JobKind;
import io.mercator.api.jobs.JobState;
import io.mercator.api.jobs.ScoringRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Batch-scoring jobs: known lists in the output file, progress to the end, cancellation, refused requests. */
class ScoringJobTest {

    private static final String DATASET = "filtering-00000001";

    @TempDir
    Path folder;

    private final CountDownLatch slowUserReached = new CountDownLatch(1);
    private final CountDownLatch releaseSlowUser = new CountDownLatch(1);
    private final MemoryStore store = new MemoryStore();
    private JobManager jobs;

    private JobManager jobs() throws IOException {
        OneDataset choices = new OneDataset(DATASET, Family.FILTERING, List.of("user_id", "item_id"),
                Interactions.builder().add("u1", "a", 1).add("u1", "b", 1).add("u2", "a", 1).add("u3", "c", 1).build());
        jobs = new JobManager(new FolderJobHistory(folder.resolve("jobs")), choices,
                new OneStrategyRegistry(new FixedOrder()), store, 1);
        return jobs;
    }

    @AfterEach
    void close() {
        releaseSlowUser.countDown();
        if (jobs != null) {
            jobs.close();
        }
    }

    private static JobInfo awaitFinal(JobManager jobs, String id) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        JobInfo info = jobs.find(id).orElseThrow();
        while (!info.state().isFinal() && System.nanoTime() < deadline) {
            Thread.sleep(10);
            info = jobs.find(id).orElseThrow();
        }
        return info;
    }

    @Test
    void trainsStoresAndWritesEveryUsersListWithoutTheirItems() throws Exception {
        JobManager jobs = jobs();
        Path output = folder.resolve("lists.csv");
        JobInfo queued = jobs.startScoring(new ScoringRequest(null, DATASET, "", Map.of(), null, output,
                BatchScorer.Format.CSV, 2, true));
        assertEquals(JobKind.SCORING, queued.kind());
        JobInfo done = awaitFinal(jobs, queued.id());
        assertEquals(JobState.SUCCEEDED, done.state(), done.toString());
        assertEquals(1, done.progress());
        assertEquals(store.saved.get(0).id(), done.modelId());
        assertEquals("3 users, 6 recommendations written to " + output, done.message());
        // everyone is offered a, b, c, d in that order, less what they chose: u1 chose a and b, u2 a, u3 c
        assertEquals(List.of("user,rank,item,score", "u1,1,c,0.0", "u1,2,d,0.0", "u2,1,b,0.0", "u2,2,c,0.0",
                "u3,1,a,0.0", "u3,2,b,0.0"), Files.readAllLines(output));
    }

    @Test
    void scoresTheUsersOfAFileWithAStoredModelAsJsonLines() throws Exception {
        JobManager jobs = jobs();
        JobInfo trained = awaitFinal(jobs, jobs.startScoring(new ScoringRequest(null, DATASET, "", Map.of(), null,
                folder.resolve("first.csv"), BatchScorer.Format.CSV, 1, false)).id());
        Path users = Files.writeString(folder.resolve("users.txt"), "u3\n\n  new \n");
        Path output = folder.resolve("lists.jsonl");
        JobInfo done = awaitFinal(jobs, jobs.startScoring(new ScoringRequest(trained.modelId(), null, null, null,
                users, output, BatchScorer.Format.JSON_LINES, 1, true)).id());
        assertEquals(JobState.SUCCEEDED, done.state(), done.toString());
        assertEquals(DATASET, done.datasetId(), "the history is the data set the model was trained on");
        assertEquals(List.of("{\"user\":\"u3\",\"items\":[{\"item\":\"a\",\"score\":0.0}]}",
                "{\"user\":\"new\",\"items\":[{\"item\":\"a\",\"score\":0.0}]}"), Files.readAllLines(output));
    }

    @Test
    void aCancelledJobLeavesTheEarlierFileAsItWas() throws Exception {
        JobManager jobs = jobs();
        Path output = Files.writeString(folder.resolve("lists.csv"), "yesterday's lists\n");
        // the scorer reads users ahead of the lists it is waiting for, a few chunks of them: enough users
        // that it takes more after the slow one, where the job sees the cancellation
        StringBuilder many = new StringBuilder("u1\nslow\n");
        for (int user = 0; user < 20_000; user++) {
            many.append("user-").append(user).append('\n');
        }
        Path users = Files.writeString(folder.resolve("users.txt"), many);
        JobInfo queued = jobs.startScoring(new ScoringRequest(null, DATASET, "", Map.of(), users, output,
                BatchScorer.Format.CSV, 2, false));
        slowUserReached.await(10, TimeUnit.SECONDS);
        jobs.cancel(queued.id());
        releaseSlowUser.countDown();
        JobInfo done = awaitFinal(jobs, queued.id());
        assertEquals(JobState.CANCELLED, done.state(), done.toString());
        assertEquals("yesterday's lists\n", Files.readString(output));
        try (var left = Files.list(folder)) {
            assertFalse(left.anyMatch(file -> file.getFileName().toString().endsWith(".part")));
        }
    }

    @Test
    void badRequestsAreRefusedNamingTheField() throws Exception {
        JobManager jobs = jobs();
        Path output = folder.resolve("lists.csv");
        assertEquals("output", assertThrows(ValidationException.class, () -> jobs.startScoring(new ScoringRequest(
                null, DATASET, "", Map.of(), null, folder.resolve("missing/lists.csv"), BatchScorer.Format.CSV, 2,
                true))).field());
        assertEquals("model", assertThrows(ValidationException.class, () -> jobs.startScoring(new ScoringRequest(
                "model-9", null, null, null, null, output, BatchScorer.Format.CSV, 2, true))).field());
        assertEquals("users", assertThrows(ValidationException.class, () -> jobs.startScoring(new ScoringRequest(
                null, DATASET, "", Map.of(), folder.resolve("nobody.txt"), output, BatchScorer.Format.CSV, 2,
                true))).field());
        assertEquals("dataset", assertThrows(ValidationException.class, () -> jobs.startScoring(new ScoringRequest(
                null, "filtering-00000002", "", Map.of(), null, output, BatchScorer.Format.CSV, 2, true))).field());
        assertEquals("count", assertThrows(ValidationException.class, () -> new ScoringRequest(null, DATASET, "",
                Map.of(), null, output, BatchScorer.Format.CSV, 0, true)).field());
        assertEquals(List.of(), jobs.list(), "nothing was queued");
    }

    /** Offers a, b, c, d in that order, less the excluded items; user "slow" waits for the test. */
    private final class FixedOrder implements RecommenderStrategy {
        @Override
        public StrategyDescriptor descriptor() {
            return StrategyDescriptor.builder(Family.FILTERING, "fixed", "1.0.0").build();
        }

        @Override
        public RecommenderModel fit(Interactions data, Parameters parameters, TrainingContext context) {
            return model(data.users());
        }

        @Override
        public RecommenderModel readModel(InputStream in) throws IOException {
            String[] users = new String(in.readAllBytes(), StandardCharsets.UTF_8).split(",");
            return model(IdDictionary.of("users", users));
        }

        private RecommenderModel model(IdDictionary users) {
            return new RecommenderModel() {
                @Override
                public IdDictionary users() {
                    return users;
                }

                @Override
                public IdDictionary items() {
                    return IdDictionary.of("items", "a", "b", "c", "d");
                }

                @Override
                public Recommendations recommend(String userId, int count, Set<String> exclude) {
                    if (userId.equals("slow")) {
                        slowUserReached.countDown();
                        try {
                            releaseSlowUser.await(10, TimeUnit.SECONDS);
                        } catch (InterruptedException interrupted) {
                            Thread.currentThread().interrupt();
                        }
                    }
                    String[] listed = Arrays.stream(items().toArray()).filter(item -> !exclude.contains(item))
                            .limit(count).toArray(String[]::new);
                    return new Recommendations(listed, new double[listed.length]);
                }

                @Override
                public Recommendations similarItems(String itemId, int count) {
                    return new Recommendations(new String[0], new double[0]);
                }

                @Override
                public double predict(String userId, String itemId) {
                    return 0;
                }

                @Override
                public String strategyName() {
                    return "fixed";
                }

                @Override
                public String strategyVersion() {
                    return "1.0.0";
                }

                @Override
                public void writeTo(OutputStream out) throws IOException {
                    out.write(String.join(",", users.toArray()).getBytes(StandardCharsets.UTF_8));
                }
            };
        }
    }
}

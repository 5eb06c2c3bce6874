package io.mercator.api.filtering;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.mercator.api.ValidationException;
import io.mercator.api.data.IdDictionary;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchScorerTest {

    private static Interactions history() {
        return Interactions.builder().add("ann", "milk", 1).add("ann", "tea, green", 1).add("bob", "bread", 1).build();
    }

    @Test
    void csvHasOneRowPerRecommendationWithoutSeenItemsAndQuotesIds(@TempDir Path folder) throws Exception {
        RecommenderModel model = new FixedOrderModel(IdDictionary.of("users", "ann", "bob", "cy"),
                "milk", "bread", "tea, green", "jam");
        Path file = folder.resolve("top.csv");

        BatchScorer.Summary summary = BatchScorer.builder(model).count(2).excludeSeen(history()).build().scoreAll(file);

        assertEquals("""
                user,rank,item,score
                ann,1,bread,3.0
                ann,2,jam,2.0
                bob,1,milk,3.0
                bob,2,"tea, green",2.0
                cy,1,milk,3.0
                cy,2,bread,2.0
                """, Files.readString(file));
        assertEquals(3, summary.users());
        assertEquals(6, summary.recommendations());
        assertEquals(List.of("top.csv"), Arrays.stream(folder.toFile().list()).toList(), "no temporary file is left");
    }

    @Test
    void jsonLinesHaveOneEscapedObjectPerUserInInputOrder() {
        RecommenderModel model = new FixedOrderModel(IdDictionary.of("users", "ann"), "say \"hi\"", "a\\b");
        StringWriter out = new StringWriter();

        BatchScorer.builder(model).format(BatchScorer.Format.JSON_LINES).build()
                .score(List.of("zoe", "ann").iterator(), out);

        String expected = "{\"user\":\"zoe\",\"items\":[{\"item\":\"say \\\"hi\\\"\",\"score\":3.0},"
                + "{\"item\":\"a\\\\b\",\"score\":2.0}]}\n";
        assertEquals(expected + expected.replace("zoe", "ann"), out.toString());
    }

    @Test
    void manyUsersOverSeveralThreadsComeOutInInputOrder() {
        List<String> users = IntStream.range(0, 5_000).mapToObj(u -> "u" + u).toList();
        RecommenderModel model = new FixedOrderModel(IdDictionary.of("users", users.toArray(String[]::new)), "x");
        StringWriter out = new StringWriter();

        BatchScorer.Summary summary = BatchScorer.builder(model).threads(3).build().score(users.iterator(), out);

        List<String> lines = out.toString().lines().skip(1).map(line -> line.substring(0, line.indexOf(','))).toList();
        assertEquals(users, lines);
        assertEquals(5_000, summary.users());
    }

    @Test
    void blankUserIdIsRejectedWithItsPositionAndLeavesTheOldFileAlone(@TempDir Path folder) throws Exception {
        RecommenderModel model = new FixedOrderModel(IdDictionary.of("users", "ann"), "milk");
        Path file = folder.resolve("top.csv");
        Files.writeString(file, "yesterday's lists\n");
        List<String> users = Arrays.asList("ann", "bob", " ");

        ValidationException error = assertThrows(ValidationException.class,
                () -> BatchScorer.builder(model).build().score(users.iterator(), file));

        assertEquals("users", error.field());
        assertEquals(2, error.row());
        assertEquals("yesterday's lists\n", Files.readString(file, StandardCharsets.UTF_8));
        assertFalse(Files.exists(folder.resolve(".top.csv.part")));
    }

    @Test
    void badSettingsNameTheSetting() {
        RecommenderModel model = new FixedOrderModel(IdDictionary.of("users", "ann"), "milk");
        assertEquals("count", assertThrows(ValidationException.class,
                () -> BatchScorer.builder(model).count(0)).field());
        assertEquals("threads", assertThrows(ValidationException.class,
                () -> BatchScorer.builder(model).threads(0)).field());
        assertEquals("model", assertThrows(ValidationException.class, () -> BatchScorer.builder(null)).field());
        assertEquals("file", assertThrows(ValidationException.class,
                () -> BatchScorer.builder(model).build().score(List.of("ann").iterator(), folderThatIsAFile())).field());
    }

    private static Path folderThatIsAFile() {
        return Path.of("/dev/null/top.csv");
    }
}

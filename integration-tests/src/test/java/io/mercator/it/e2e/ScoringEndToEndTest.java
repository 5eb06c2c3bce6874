package io.mercator.it.e2e;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.Test;

/**
 * Batch scoring through the CLI of the shipped distribution: {@code mercator score} trains a
 * popularity model on an imported data set and writes every user's top-N without the items they
 * have, then scores the users of a file with the stored model as JSON lines; bad requests fail
 * with one line naming what is wrong and leave an earlier output file as it was.
 */
public class ScoringEndToEndTest extends StartedInstallation {

    @Test
    public void scoresEveryUserThenTheUsersOfAFileAndRefusesBadRequests() throws Exception {
        Path folder = TEMP.getRoot().toPath();
        // a is chosen by three users, b by two, c by one
        Path ratings = folder.resolve("choices.csv");
        Files.writeString(ratings, "user_id,item_id\nu1,a\nu1,b\nu2,a\nu2,c\nu3,a\nu4,b\n");
        Installation.Result imported = installation.cli("import", "filtering", ratings.toString());
        assertEquals(imported.toString(), 0, imported.exit());
        Matcher dataset = Pattern.compile("into (filtering-[0-9a-f]{8})").matcher(imported.out());
        assertTrue(imported.toString(), dataset.find());

        Path all = folder.resolve("all.csv");
        Installation.Result trained = installation.cli("score", "--dataset", dataset.group(1), "-s", "popularity",
                "-n", "2", "--out", all.toString());
        assertEquals(trained.toString(), 0, trained.exit());
        assertTrue(trained.out(), trained.out().contains("] 100% "));
        Matcher model = Pattern.compile("Scored with model (\\S+) \\(popularity@").matcher(trained.out());
        assertTrue(trained.toString(), model.find());
        assertTrue(trained.out(), trained.out().contains("4 users, 6 recommendations written to " + all));
        List<String> lines = Files.readAllLines(all, StandardCharsets.UTF_8);
        assertEquals("user,rank,item,score", lines.get(0));
        // each user's most popular items that they do not have yet
        assertEquals(List.of("u1,1,c", "u2,1,b", "u3,1,b", "u3,2,c", "u4,1,a", "u4,2,c"),
                lines.subList(1, lines.size()).stream().map(line -> line.substring(0, line.lastIndexOf(','))).toList());

        Path users = folder.resolve("users.txt");
        Files.writeString(users, "u3\n\n  new-user \n");
        Path top = folder.resolve("top.jsonl");
        Installation.Result listed = installation.cli("score", "--model", model.group(1), "--users", users.toString(),
                "-n", "2", "--out", top.toString());
        assertEquals(listed.toString(), 0, listed.exit());
        List<String> json = Files.readAllLines(top, StandardCharsets.UTF_8);
        assertEquals(2, json.size());
        assertTrue(json.get(0), json.get(0).matches("\\{\"user\":\"u3\",\"items\":\\[\\{\"item\":\"b\",\"score\":[^}]+\\},"
                + "\\{\"item\":\"c\",\"score\":[^}]+\\}]}"));
        // an unknown user gets the fallback: the most popular items
        assertTrue(json.get(1), json.get(1).startsWith("{\"user\":\"new-user\",\"items\":[{\"item\":\"a\","));

        Installation.Result jobs = installation.cli("jobs");
        assertTrue(jobs.out(), jobs.out().lines().filter(line -> line.contains(" scoring ")).count() == 2);

        Installation.Result noFolder = installation.cli("score", "--model", model.group(1), "--out",
                folder.resolve("missing/out.csv").toString());
        assertEquals(noFolder.toString(), 1, noFolder.exit());
        assertEquals("mercator: the server answered 400 to score: output: the folder " + folder.resolve("missing")
                + " does not exist", noFolder.err().strip());
        Installation.Result noModel = installation.cli("score", "--model", "nope", "--out", all.toString());
        assertEquals("mercator: the server answered 400 to score: model: no stored model 'nope'",
                noModel.err().strip());
        Installation.Result noUsers = installation.cli("score", "--users", folder.resolve("gone.txt").toString(),
                "--out", all.toString());
        assertEquals("mercator: the server answered 400 to score: users: " + folder.resolve("gone.txt")
                + " cannot be read", noUsers.err().strip());
        assertEquals("refused requests leave the earlier file", 7, Files.readAllLines(all).size());
    }
}

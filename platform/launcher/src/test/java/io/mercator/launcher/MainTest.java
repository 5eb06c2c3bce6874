package io.mercator.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Command-line errors are one line on stderr and a non-zero exit code. */
class MainTest {

    @TempDir
    Path home;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream originalOut;
    private PrintStream originalErr;

    @BeforeEach
    void capture() {
        originalOut = System.out;
        originalErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(originalOut);
        System.setErr(originalErr);
    }

    private int run(String... args) {
        return Main.execute(args);
    }

    private String errLines() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void unknownCommandIsOneLineWithASuggestion() {
        assertEquals(2, run("--home", home.toString(), "strategy"));
        String text = errLines();
        assertEquals(1, text.lines().count(), text);
        assertTrue(text.startsWith("mercator: unknown command 'strategy'; did you mean 'strategies'?"), text);
    }

    @Test
    void missingParameterIsOneLine() {
        assertEquals(2, run("--home", home.toString(), "install"));
        String text = errLines();
        assertEquals(1, text.lines().count(), text);
        assertTrue(text.contains("Missing required parameter: 'JAR'"), text);
        assertTrue(text.contains("see 'mercator install --help'"), text);
    }

    @Test
    void noCommandIsAnError() {
        assertEquals(2, run());
        assertEquals(1, errLines().lines().count(), errLines());
    }

    @Test
    void failedCommandIsOneLineWithoutStackTrace() {
        assertEquals(1, run("--home", home.toString(), "install", home.resolve("missing.jar").toString()));
        String text = errLines();
        assertEquals(1, text.lines().count(), text);
        assertTrue(text.startsWith("mercator: ") && text.trim().endsWith("missing.jar: no such file"), text);
    }

    @Test
    void verbosePrintsTheStackTrace() {
        assertEquals(1, run("--home", home.toString(), "--verbose", "uninstall", "io.x.none"));
        assertTrue(errLines().lines().count() > 1, errLines());
    }

    @Test
    void commandsThatNeedTheServerExitWithThreeWhenItIsNotRunning() {
        assertEquals(3, run("--home", home.toString(), "strategies"));
        assertEquals("mercator: Mercator is not running (home " + home.toAbsolutePath().normalize() + ")",
                errLines().trim());
        assertEquals(3, run("--home", home.toString(), "status"));
    }

    @Test
    void dataCommandsNeedTheServer() throws IOException {
        Path data = Files.writeString(home.resolve("tx.csv"), "customer_id,date,amount\n");
        assertEquals(3, run("--home", home.toString(), "import", "segmentation", data.toString()));
        assertEquals(3, run("--home", home.toString(), "datasets"));
        assertEquals(3, run("--home", home.toString(), "train", "segmentation", "segmentation-0000abcd"));
        assertEquals(3, run("--home", home.toString(), "jobs"));
        assertEquals(3, run("--home", home.toString(), "models"));
        assertEquals(1, run("--home", home.toString(), "import", "segmentation", home.resolve("none.csv").toString()));
        assertTrue(errLines().trim().endsWith("cannot read the file " + home.resolve("none.csv")), errLines());
    }

    @Test
    void stopWhenNotRunningSucceeds() {
        assertEquals(0, run("--home", home.toString(), "stop"));
        assertEquals("Mercator is not running", out.toString(StandardCharsets.UTF_8).trim());
    }
}

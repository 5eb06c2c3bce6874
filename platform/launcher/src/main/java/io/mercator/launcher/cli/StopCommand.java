package io.mercator.launcher.cli;

import io.mercator.launcher.Main;
import io.mercator.launcher.RunFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mercator stop}: asks the server to stop and waits until its process is gone. */
@Command(name = "stop", mixinStandardHelpOptions = true,
        description = "Stop the running Mercator (through the control channel, else SIGTERM) and wait until it is gone.")
public final class StopCommand extends ClientCommand implements Callable<Integer> {

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30",
            description = "How long to wait for the process to end (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Override
    public Integer call() throws InterruptedException {
        RunFiles runFiles = new RunFiles(home().run());
        Optional<ProcessHandle> process = runFiles.pid().flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive);
        if (process.isEmpty()) {
            runFiles.pid().ifPresent(runFiles::remove);
            out().println("Mercator is not running");
            return 0;
        }
        long pid = process.get().pid();
        long begin = System.nanoTime();
        try {
            client().shutdown();
        } catch (ControlClient.ControlException | Main.ExitException e) {
            err().println("mercator: " + e.getMessage() + "; sending SIGTERM to pid " + pid);
            process.get().destroy();
        }
        long deadline = begin + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        while (!gone(process.get())) {
            if (System.nanoTime() > deadline) {
                throw new Main.ExitException(1, "Mercator (pid " + pid + ") did not stop within " + timeoutSeconds + " s");
            }
            Thread.sleep(20);
        }
        out().printf("Mercator stopped (pid %d) in %d ms%n", pid, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin));
        return 0;
    }

    /** @return true once the process has ended; a zombie waiting for its parent to reap it has ended too */
    static boolean gone(ProcessHandle process) {
        if (!process.isAlive()) {
            return true;
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
            int afterName = stat.lastIndexOf(')');
            return afterName > 0 && afterName + 2 < stat.length() && stat.charAt(afterName + 2) == 'Z';
        } catch (IOException | RuntimeException noProcFs) {
            return false;
        }
    }
}

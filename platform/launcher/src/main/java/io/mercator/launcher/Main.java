package io.mercator.launcher;

import io.mercator.launcher.cli.BundlesCommand;
import io.mercator.launcher.cli.DatasetsCommand;
import io.mercator.launcher.cli.EvaluateCommand;
import io.mercator.launcher.cli.ForecastCommand;
import io.mercator.launcher.cli.GenerateCommand;
import io.mercator.launcher.cli.ImportCommand;
import io.mercator.launcher.cli.InstallCommand;
import io.mercator.launcher.cli.JobsCommand;
import io.mercator.launcher.cli.ModelsCommand;
import io.mercator.launcher.cli.PlanCommand;
import io.mercator.launcher.cli.PriceCommand;
import io.mercator.launcher.cli.RecommendCommand;
import io.mercator.launcher.cli.SchedulesCommand;
import io.mercator.launcher.cli.ScoreCommand;
import io.mercator.launcher.cli.SegmentCommand;
import io.mercator.launcher.cli.StartCommand;
import io.mercator.launcher.cli.StatusCommand;
import io.mercator.launcher.cli.StopCommand;
import io.mercator.launcher.cli.StrategiesCommand;
import io.mercator.launcher.cli.TrainCommand;
import io.mercator.launcher.cli.UninstallCommand;
import io.mercator.launcher.cli.UpdateCommand;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * {@code bin/mercator}: starts the runtime in the foreground ({@code start}) or talks to a
 * running one through its local control channel. Errors are one line on stderr and a non-zero
 * exit code (1 for a failed command, 2 for a bad command line, 3 when the server is not running
 * and the command needs it); {@code --verbose} adds the stack trace.
 */
@Command(name = "mercator", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Mercator: an OSGi runtime for retail decision strategies.",
        subcommands = {StartCommand.class, StopCommand.class, StatusCommand.class, BundlesCommand.class,
            StrategiesCommand.class, InstallCommand.class, UpdateCommand.class, UninstallCommand.class,
            EvaluateCommand.class, GenerateCommand.class,
            ImportCommand.class, DatasetsCommand.class, TrainCommand.class, ScoreCommand.class, JobsCommand.class,
            SchedulesCommand.class, ModelsCommand.class,
            ForecastCommand.class, RecommendCommand.class, PlanCommand.class, SegmentCommand.class, PriceCommand.class,
            CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    /** Exit code when a command needs a running server and none runs. */
    public static final int NOT_RUNNING = 3;

    @Option(names = "--home", scope = ScopeType.INHERIT, paramLabel = "DIR",
            description = "The Mercator home folder (default: the folder bin/mercator was started from).")
    Path home;

    @Option(names = "--verbose", scope = ScopeType.INHERIT,
            description = "Print stack traces of errors.")
    boolean verbose;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** @return the home folder selected by {@code --home} or found from the installation */
    public Home home() {
        return Home.locate(home);
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "a command is required");
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /**
     * Runs one command line.
     *
     * @param args the arguments
     * @return the exit code
     */
    public static int execute(String... args) {
        Main main = new Main();
        CommandLine commandLine = new CommandLine(main);
        commandLine.setExecutionExceptionHandler((e, cl, parsed) -> {
            PrintWriter err = cl.getErr();
            err.println("mercator: " + message(e));
            if (main.verbose) {
                e.printStackTrace(err);
            }
            err.flush();
            return e instanceof ExitException exit ? exit.code() : 1;
        });
        commandLine.setParameterExceptionHandler((e, args1) -> {
            PrintWriter err = e.getCommandLine().getErr();
            err.println("mercator: " + parameterMessage(e) + "; see 'mercator "
                    + (e.getCommandLine().getParent() == null ? "" : e.getCommandLine().getCommandName() + " ")
                    + "--help'");
            err.flush();
            return 2;
        });
        return commandLine.execute(args);
    }

    private static String parameterMessage(ParameterException e) {
        if (e instanceof UnmatchedArgumentException unmatched && e.getCommandLine().getParent() == null
                && !unmatched.getUnmatched().isEmpty()) {
            String word = unmatched.getUnmatched().get(0);
            List<String> suggestions = unmatched.getSuggestions();
            return (word.startsWith("-") ? "unknown option '" : "unknown command '") + word + "'"
                    + (suggestions.isEmpty() ? "" : "; did you mean '" + suggestions.get(0) + "'?");
        }
        String message = e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message.replaceAll("\\s*\\R\\s*", " ");
    }

    private static String message(Throwable e) {
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            message = e.getClass().getSimpleName();
        }
        return message.replaceAll("\\s*\\R\\s*", " ");
    }

    /** A user-facing failure with a specific exit code. */
    public static final class ExitException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int code;

        public ExitException(int code, String message) {
            super(message);
            this.code = code;
        }

        public int code() {
            return code;
        }
    }

    /** Reports the launcher version from the jar manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Main.class.getPackage().getImplementationVersion();
            return new String[] {"mercator " + (version == null ? "(development build)" : version)};
        }
    }
}

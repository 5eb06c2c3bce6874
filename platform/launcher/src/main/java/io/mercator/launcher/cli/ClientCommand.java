package io.mercator.launcher.cli;

import io.mercator.launcher.Home;
import io.mercator.launcher.Main;
import io.mercator.launcher.RunFiles;
import java.io.PrintWriter;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;

/** What the commands that talk to a server share. */
abstract class ClientCommand {

    @ParentCommand
    Main main;

    @CommandLine.Spec
    CommandSpec spec;

    Home home() {
        return main.home();
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** @return a client for the running server, if run/ says one runs and its process is alive */
    Optional<ControlClient> running() {
        RunFiles runFiles = new RunFiles(home().run());
        return runFiles.contact()
                .filter(contact -> ProcessHandle.of(contact.pid()).map(ProcessHandle::isAlive).orElse(false))
                .map(ControlClient::new);
    }

    /** @return a client for the running server; fails with exit code 3 when none runs */
    ControlClient client() {
        return running().orElseThrow(() -> new Main.ExitException(Main.NOT_RUNNING,
                "Mercator is not running (home " + home().root() + ")"));
    }
}

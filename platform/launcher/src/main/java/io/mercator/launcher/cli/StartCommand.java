package io.mercator.launcher.cli;

import io.mercator.launcher.Demo;
import io.mercator.launcher.Home;
import io.mercator.launcher.MercatorServer;
import io.mercator.launcher.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mercator start}: runs the server in the foreground until stopped. */
@Command(name = "start", mixinStandardHelpOptions = true,
        description = "Start Mercator in the foreground; logs go to the console and logs/mercator.log.")
public final class StartCommand extends ClientCommand implements Callable<Integer> {

    @Option(names = "--demo", description = "Deploy the sample strategy, generate a demo retailer into data/, "
            + "register it as data sets and train every family's default on it (reused at the next start).")
    boolean demo;

    @Option(names = "--size", defaultValue = "small", paramLabel = "SIZE",
            description = "With --demo: small (3 stores, 40 products, 2 years; data/demo) or large (10 stores, "
                    + "1,000 products, 5,000 customers, 3 years, generated in parallel; data/demo-large). "
                    + "Default: ${DEFAULT-VALUE}.")
    GenerateCommand.Size size;

    @Option(names = "--port", paramLabel = "N",
            description = "Port of the local control channel on 127.0.0.1 (default: mercator.control.port, 8640).")
    Integer port;

    @Option(names = "--http-port", paramLabel = "N",
            description = "Port of the REST API (default: port in conf/io.mercator.rest.cfg, 8641; 0 picks a free one).")
    Integer httpPort;

    @Override
    public Integer call() throws InterruptedException {
        Home home = home();
        configureLogging(home);
        Settings settings = Settings.load(home);
        int controlPort = port != null ? port : settings.controlPort();
        if (controlPort < 0 || controlPort > 65535) {
            throw new IllegalArgumentException("--port must be between 0 and 65535, is " + controlPort);
        }
        if (httpPort != null) {
            if (httpPort < 0 || httpPort > 65535) {
                throw new IllegalArgumentException("--http-port must be between 0 and 65535, is " + httpPort);
            }
            // read by the REST bundle, where it wins over the configured port
            settings = settings.with("io.mercator.rest.port", Integer.toString(httpPort));
        }
        if (size == GenerateCommand.Size.large && !demo) {
            throw new IllegalArgumentException("--size needs --demo");
        }
        MercatorServer server = new MercatorServer(home, settings, controlPort,
                !demo ? null : size == GenerateCommand.Size.large ? Demo.Size.LARGE : Demo.Size.SMALL);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop("shutdown signal"), "mercator-shutdown"));
        try {
            server.start();
        } catch (RuntimeException e) {
            server.stop("start-up failed");
            throw e;
        }
        server.awaitStop();
        return 0;
    }

    /** Points logback at conf/logback.xml and logs/ before the first logger is created. */
    static void configureLogging(Home home) {
        System.setProperty("mercator.logs", home.logs().toString());
        Path config = home.conf().resolve("logback.xml");
        if (Files.isRegularFile(config) && System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", config.toString());
        }
    }
}

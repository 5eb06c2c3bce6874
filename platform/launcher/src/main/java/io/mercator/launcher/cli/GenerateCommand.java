package io.mercator.launcher.cli;

import io.mercator.demo.Retailer;
import io.mercator.demo.RetailerCsv;
import io.mercator.demo.RetailerGenerator;
import io.mercator.demo.RetailerSpec;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mercator generate}: writes a generated retailer, with its planted truth, as CSV files. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Write a generated retailer (catalogue, stores, daily demand, transactions, interactions, "
                + "and the planted truth) as CSV files, to test strategies without real data.")
public final class GenerateCommand implements Callable<Integer> {

    /** The sizes offered on the command line. */
    enum Size {
        small, large
    }

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "The folder to write into.")
    Path out;

    @Option(names = "--size", defaultValue = "small", paramLabel = "SIZE",
            description = "small (3 stores, 40 products, 400 customers, 2 years) or large (10 stores, 1,000 "
                    + "products, 5,000 customers, 3 years; demand generated in parallel). Default: ${DEFAULT-VALUE}.")
    Size size;

    @Option(names = "--seed", paramLabel = "N", description = "Random seed; the same seed gives the same files.")
    Long seed;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        RetailerSpec retailerSpec = size == Size.large ? RetailerSpec.large() : RetailerSpec.small();
        if (seed != null) {
            retailerSpec = retailerSpec.withSeed(seed);
        }
        PrintWriter console = spec.commandLine().getOut();
        console.printf("Generating %s: %d stores, %d products, %d customers, %d days from %s ...%n", size,
                retailerSpec.stores(), retailerSpec.skus(), retailerSpec.customers(), retailerSpec.days(),
                retailerSpec.start());
        console.flush();
        long begin = System.nanoTime();
        Retailer retailer = RetailerGenerator.generate(retailerSpec, RetailerGenerator.everyTenth(percent -> {
            console.printf("  demand series: %d%%%n", percent);
            console.flush();
        }));
        console.printf("Writing %,d transaction lines and %,d interactions to %s ...%n", retailer.transactionLines(),
                retailer.interactionCount(), out.toAbsolutePath());
        console.flush();
        List<Path> files = RetailerCsv.write(retailer, out);
        long bytes = 0;
        for (Path file : files) {
            bytes += Files.size(file);
        }
        console.printf("Wrote %d files (%.1f MB) in %.1f s%n", files.size(), bytes / 1e6,
                (System.nanoTime() - begin) / 1e9);
        return 0;
    }
}

package io.mercator.launcher.cli;

import io.mercator.launcher.ControlApi;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mercator evaluate}: compares strategies of a family on a data file, one row per strategy. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Compare strategies of a family on a data file; prints one row per strategy.")
public final class EvaluateCommand extends ClientCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FAMILY",
            description = "filtering, forecasting, optimization, segmentation or pricing")
    String family;

    @Parameters(index = "1", paramLabel = "DATA", description = "The data file, in the family's import format.")
    Path data;

    @Option(names = {"-s", "--strategy"}, paramLabel = "SPEC",
            description = "A strategy to evaluate (name or name@version-range); repeat for several. Default: all.")
    List<String> strategies = new ArrayList<>();

    @Option(names = {"-o", "--option"}, paramLabel = "KEY=VALUE",
            description = "An evaluation option, e.g. -o horizon=18; repeat for several.")
    Map<String, String> options = new LinkedHashMap<>();

    @Option(names = {"-p", "--parameter"}, paramLabel = "STRATEGY.NAME=VALUE",
            description = "A strategy parameter, e.g. -p kmeans.k=4; repeat for several. Default: the strategy's own.")
    Map<String, String> parameters = new LinkedHashMap<>();

    @Override
    public Integer call() {
        Path file = data.toAbsolutePath().normalize();
        if (!Files.isReadable(file)) {
            throw new IllegalArgumentException("cannot read the data file " + file);
        }
        ControlApi.Report report = client().evaluate(
                new ControlApi.EvaluateRequest(family, file.toString(), strategies, options, byStrategy(parameters)));
        out().println(report.title());
        List<String> header = new ArrayList<>();
        header.add("STRATEGY");
        header.addAll(report.columns());
        Table table = new Table(header.toArray(String[]::new));
        for (ControlApi.ReportRow row : report.rows()) {
            List<Object> cells = new ArrayList<>();
            cells.add(row.strategy());
            row.values().forEach(value -> cells.add(format(value)));
            table.row(cells.toArray());
        }
        table.print(out());
        report.notes().forEach(note -> out().println("  " + note));
        out().flush();
        return 0;
    }

    /** Splits {@code strategy.parameter} keys at the first dot: strategy names hold no dots. */
    static Map<String, Map<String, String>> byStrategy(Map<String, String> parameters) {
        Map<String, Map<String, String>> byStrategy = new LinkedHashMap<>();
        parameters.forEach((key, value) -> {
            int dot = key.indexOf('.');
            if (dot <= 0 || dot == key.length() - 1) {
                throw new IllegalArgumentException("-p " + key + "=" + value
                        + ": expected STRATEGY.PARAMETER=VALUE, e.g. -p kmeans.k=4");
            }
            byStrategy.computeIfAbsent(key.substring(0, dot), name -> new LinkedHashMap<>())
                    .put(key.substring(dot + 1), value);
        });
        return byStrategy;
    }

    /** Four significant digits, no exponent for everyday magnitudes; "-" where a metric does not apply. */
    static String format(Double value) {
        if (value == null) {
            return "-";
        }
        double magnitude = Math.abs(value);
        if (magnitude != 0 && (magnitude < 1e-3 || magnitude >= 1e7)) {
            return String.format(Locale.ROOT, "%.3e", value);
        }
        int decimals = magnitude == 0 ? 0 : Math.max(0, 3 - (int) Math.floor(Math.log10(magnitude)));
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }
}

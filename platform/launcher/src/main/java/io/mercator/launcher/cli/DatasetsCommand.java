package io.mercator.launcher.cli;

import io.mercator.launcher.ControlApi;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code mercator datasets [show ID | delete ID]}. */
@Command(name = "datasets", mixinStandardHelpOptions = true,
        description = "List the data sets, show one with its last import report, or delete one.")
public final class DatasetsCommand extends ClientCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "show|delete", description = "What to do with one data set.")
    String action;

    @Parameters(index = "1", arity = "0..1", paramLabel = "ID", description = "The data set.")
    String id;

    @Override
    public Integer call() {
        if (action == null) {
            Table table = new Table("ID", "FAMILY", "ROWS", "FIELDS", "CREATED", "SOURCES", "LABEL");
            for (ControlApi.DatasetEntry dataset : client().datasets()) {
                table.row(dataset.id(), dataset.family(), dataset.rows(), String.join(",", dataset.fields()),
                        dataset.createdAt(), String.join(",", dataset.sources()), dataset.label());
            }
            table.print(out());
            return 0;
        }
        if (id == null) {
            throw new IllegalArgumentException("datasets " + action + " needs a data set id");
        }
        switch (action) {
            case "show" -> show(client().dataset(id));
            case "delete" -> {
                client().deleteDataset(id);
                out().println("Deleted data set " + id);
            }
            default -> throw new IllegalArgumentException("'" + action + "' is not show or delete");
        }
        out().flush();
        return 0;
    }

    private void show(ControlApi.DatasetEntry dataset) {
        PrintWriter out = out();
        out.println("id:        " + dataset.id());
        out.println("family:    " + dataset.family());
        out.println("label:     " + dataset.label());
        out.printf("rows:      %,d%n", dataset.rows());
        out.println("fields:    " + String.join(", ", dataset.fields()));
        out.printf("size:      %,d bytes%n", dataset.sizeBytes());
        out.println("sources:   " + String.join(", ", dataset.sources()));
        out.println("created:   " + dataset.createdAt());
        out.println("updated:   " + dataset.updatedAt());
        if (dataset.watermarkField() != null) {
            out.println("watermark: " + dataset.watermarkField() + " = " + dataset.watermark());
        }
        ControlApi.ImportReport report = dataset.lastImport();
        out.printf("last import: %,d rows read, %,d imported, %,d bad, %,d not past the watermark%n",
                report.rowsRead(), report.rowsImported(), report.badRowCount(), report.rowsBelowWatermark());
        printBadRows(out, report);
    }

    static void printBadRows(PrintWriter out, ControlApi.ImportReport report) {
        if (report.badRowCount() == 0) {
            return;
        }
        out.printf("%,d bad rows%s:%n", report.badRowCount(),
                report.badRowCount() > report.badRows().size() ? " (the first " + report.badRows().size() + ")" : "");
        Table table = new Table("  LINE", "COLUMN", "FIELD", "VALUE", "REASON");
        for (ControlApi.BadRowEntry row : report.badRows()) {
            table.row("  " + row.line(), row.column(), row.field(), row.value(), row.reason());
        }
        table.print(out);
    }
}

package io.mercator.launcher.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code mercator segment}: the segments of customers in the stored segmentation model. */
@Command(name = "segment", mixinStandardHelpOptions = true,
        description = "Show the segment of each customer in the stored segmentation model (the newest unless "
                + "--model), e.g. 'mercator segment C0001 C0002'.")
public final class SegmentCommand extends QueryCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "CUSTOMER", description = "Customers of the model's training data.")
    List<String> customers;

    @Override
    public Integer call() {
        JsonObject body = new JsonObject();
        JsonArray ids = new JsonArray();
        customers.forEach(ids::add);
        body.add("customers", ids);
        JsonObject answer = query("/api/v1/segmentation/assign", body);
        if (printedAsJson(answer)) {
            return 0;
        }
        out().println(modelLine(answer));
        Table table = new Table("CUSTOMER", "SEGMENT");
        for (JsonElement element : answer.getAsJsonArray("assignments")) {
            JsonObject assignment = element.getAsJsonObject();
            table.row(assignment.get("customer").getAsString(), assignment.get("segment").getAsString());
        }
        table.print(out());
        return 0;
    }
}

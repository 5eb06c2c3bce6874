package io.mercator.launcher.cli;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mercator price}: recommended prices from the stored pricing model. */
@Command(name = "price", mixinStandardHelpOptions = true,
        description = "Recommend prices with the stored pricing model (the newest unless --model) for the products "
                + "of a CSV file, e.g. 'mercator price --input data/demo/pricing/request.csv'.")
public final class PriceCommand extends QueryCommand implements Callable<Integer> {

    @Option(names = "--input", required = true, paramLabel = "FILE",
            description = "CSV with the columns product, unit_cost, current_price and optionally min_price, "
                    + "max_price (default: current price -20% / +20%), competitor_price.")
    Path input;

    @Override
    public Integer call() {
        JsonObject body = new JsonObject();
        body.add("products", CsvRequest.read(input, List.of("product"), Map.of("product", "id"),
                List.of("product", "unit_cost", "current_price")));
        JsonObject answer = query("/api/v1/pricing/recommend", body);
        if (printedAsJson(answer)) {
            return 0;
        }
        out().println(modelLine(answer));
        Table table = new Table("PRODUCT", "PRICE", "UNITS", "REVENUE", "PROFIT", "BOUND BY");
        for (JsonElement element : answer.getAsJsonArray("prices")) {
            JsonObject price = element.getAsJsonObject();
            table.row(price.get("id").getAsString(), number(price.get("price").getAsDouble()),
                    number(price.get("expectedUnits").getAsDouble()), number(price.get("expectedRevenue").getAsDouble()),
                    number(price.get("expectedProfit").getAsDouble()), price.get("bindingRule").getAsString());
        }
        table.print(out());
        return 0;
    }
}

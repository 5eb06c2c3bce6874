package io.mercator.launcher.cli;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.nio.file.Path;
import io.mercator.launcher.Main;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mercator plan}: a replenishment plan from the stored optimization model. */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = "Plan replenishment with the stored optimization model (the newest unless --model) for the "
                + "SKU-locations of a CSV file, e.g. 'mercator plan --input data/demo/optimization/position.csv'.")
public final class PlanCommand extends QueryCommand implements Callable<Integer> {

    private static final List<String> REQUIRED = List.of("sku", "demand_mean", "demand_std_dev", "lead_time_mean",
            "on_hand", "unit_cost", "holding_cost_rate", "target_service_level");
    private static final List<String> DEMAND = List.of("demand_mean", "demand_std_dev");
    private static final Pattern ITEM_FIELD = Pattern.compile("items\\[(\\d+)\\]\\.(\\w+)");

    @Option(names = "--input", required = true, paramLabel = "FILE",
            description = "CSV with the columns sku, demand_mean, demand_std_dev, lead_time_mean, on_hand, unit_cost, "
                    + "holding_cost_rate, target_service_level and optionally lead_time_std_dev, review_period, "
                    + "on_order, backorders, ordering_cost, min_order_quantity, case_pack, and the plan-wide "
                    + "warehouse, supplier (ids) and stock_out_penalty (cost of a unit short).")
    Path input;

    @Option(names = "--budget", paramLabel = "AMOUNT",
            description = "Most that may be spent on this order (unit cost times units); respected by strategies "
                    + "that plan as one program (lp-allocation), ignored by per-SKU policies.")
    Double budget;

    @Option(names = "--capacity", paramLabel = "WAREHOUSE=UNITS",
            description = "Units a warehouse (as in the warehouse column) can receive in this order; repeatable.")
    Map<String, Double> warehouseCapacity = new LinkedHashMap<>();

    @Option(names = "--supplier-capacity", paramLabel = "SUPPLIER=UNITS",
            description = "Units a supplier (as in the supplier column) can deliver in this order; repeatable.")
    Map<String, Double> supplierCapacity = new LinkedHashMap<>();

    @Option(names = "--service-measure", paramLabel = "MEASURE",
            description = "cycle-service-level (default) or fill-rate: what target_service_level means.")
    String serviceMeasure;

    @Option(names = "--forecast-model", arity = "0..1", fallbackValue = "", paramLabel = "ID",
            description = "Take each SKU-location's demand from the forecasts of a stored forecasting model (the newest "
                    + "without ID) over lead time plus review period; demand_mean and demand_std_dev are then needed "
                    + "only for SKU-locations the model does not forecast.")
    String forecastModel;

    @Override
    public Integer call() {
        JsonObject body = new JsonObject();
        List<String> required = forecastModel == null ? REQUIRED
                : REQUIRED.stream().filter(column -> !DEMAND.contains(column)).toList();
        body.add("items", CsvRequest.read(input, List.of("sku", "warehouse", "supplier"), Map.of(), required));
        if (budget != null) {
            body.addProperty("budget", atLeastZero("--budget", budget));
        }
        body.add("warehouseCapacity", capacities("--capacity", warehouseCapacity));
        body.add("supplierCapacity", capacities("--supplier-capacity", supplierCapacity));
        if (serviceMeasure != null) {
            body.addProperty("serviceMeasure", serviceMeasure);
        }
        if (forecastModel != null) {
            body.addProperty("forecastModel", forecastModel);
        }
        JsonObject answer;
        try {
            answer = query("/api/v1/optimization/plan", body);
        } catch (Main.ExitException refused) {
            throw new Main.ExitException(refused.code(), inFileTerms(refused.getMessage()));
        }
        if (printedAsJson(answer)) {
            return 0;
        }
        out().println(modelLine(answer));
        Table table = new Table("SKU", "SAFETY", "REORDER AT", "UP TO", "ORDER", "FILL RATE", "COST/DAY", "BOUND BY");
        for (JsonElement element : answer.getAsJsonArray("plan")) {
            JsonObject line = element.getAsJsonObject();
            table.row(line.get("sku").getAsString(), number(line.get("safetyStock").getAsDouble()),
                    number(line.get("reorderPoint").getAsDouble()), number(line.get("orderUpTo").getAsDouble()),
                    number(line.get("orderQuantity").getAsDouble()),
                    String.format(java.util.Locale.ROOT, "%.3f", line.get("expectedFillRate").getAsDouble()),
                    number(line.get("expectedCost").getAsDouble()), line.get("bindingConstraint").getAsString());
        }
        table.print(out());
        return 0;
    }

    /** The REST API names an item's field as items[N].field: here that is a line and column of the file. */
    private String inFileTerms(String problem) {
        Matcher item = ITEM_FIELD.matcher(problem);
        if (!item.lookingAt()) {
            return problem;
        }
        int line = Integer.parseInt(item.group(1)) + 2;
        return input + " line " + line + " (" + snakeCase(item.group(2)) + ")" + problem.substring(item.end());
    }

    private static String snakeCase(String camel) {
        return camel.replaceAll("([A-Z])", "_$1").toLowerCase(Locale.ROOT);
    }

    private static JsonObject capacities(String option, Map<String, Double> units) {
        JsonObject json = new JsonObject();
        units.forEach((id, value) -> json.addProperty(id, atLeastZero(option + " " + id, value)));
        return json;
    }

    private static double atLeastZero(String option, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new Main.ExitException(1, option + ": " + value + " is not a finite amount >= 0");
        }
        return value;
    }
}

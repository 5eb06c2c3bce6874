package io.mercator.launcher.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

    @Option(names = "--segments", split = ",", paramLabel = "SEGMENT",
            description = "Price each product per customer segment (the model must have been trained on sales with "
                    + "a segment column), e.g. --segments loyal,switcher.")
    List<String> segments = List.of();

    @Option(names = "--min-margin", paramLabel = "F", description = "Smallest margin as a fraction of the price.")
    Double minMargin;

    @Option(names = "--max-change", paramLabel = "F",
            description = "Largest relative change from the current price (0.1: 10% up or down).")
    Double maxChange;

    @Option(names = "--price-ending", paramLabel = "F", description = "Fraction every price ends in, e.g. 0.99.")
    Double priceEnding;

    @Option(names = "--price-points", split = ",", paramLabel = "PRICE",
            description = "A price ladder: the only prices allowed, e.g. --price-points 1.99,2.49,2.99.")
    List<Double> pricePoints = List.of();

    @Option(names = "--min-volume-share", paramLabel = "F",
            description = "Share of the units expected at the current price to keep (a volume floor).")
    Double minVolumeShare;

    @Option(names = "--max-segment-spread", paramLabel = "F",
            description = "With --segments: a product's highest segment price at most this fraction above its lowest.")
    Double maxSegmentSpread;

    @Override
    public Integer call() {
        JsonObject body = new JsonObject();
        body.add("products", CsvRequest.read(input, List.of("product"), Map.of("product", "id"),
                List.of("product", "unit_cost", "current_price")));
        JsonObject rules = new JsonObject();
        Map.of("minMargin", Optional.ofNullable(minMargin), "maxChange", Optional.ofNullable(maxChange),
                "priceEnding", Optional.ofNullable(priceEnding), "minVolumeShare", Optional.ofNullable(minVolumeShare),
                "maxSegmentSpread", Optional.ofNullable(maxSegmentSpread))
                .forEach((rule, value) -> value.ifPresent(v -> rules.addProperty(rule, v)));
        if (!pricePoints.isEmpty()) {
            JsonArray points = new JsonArray();
            pricePoints.forEach(points::add);
            rules.add("pricePoints", points);
        }
        body.add("rules", rules);
        if (!segments.isEmpty()) {
            JsonArray names = new JsonArray();
            segments.forEach(names::add);
            body.add("segments", names);
        }
        JsonObject answer = query("/api/v1/pricing/recommend", body);
        if (printedAsJson(answer)) {
            return 0;
        }
        out().println(modelLine(answer));
        Table table = segments.isEmpty()
                ? new Table("PRODUCT", "PRICE", "UNITS", "REVENUE", "PROFIT", "BOUND BY")
                : new Table("PRODUCT", "SEGMENT", "PRICE", "UNITS", "REVENUE", "PROFIT", "BOUND BY");
        for (JsonElement element : answer.getAsJsonArray("prices")) {
            JsonObject price = element.getAsJsonObject();
            List<String> cells = new ArrayList<>(List.of(price.get("id").getAsString()));
            if (!segments.isEmpty()) {
                cells.add(price.get("segment").getAsString());
            }
            cells.addAll(List.of(number(price.get("price").getAsDouble()),
                    number(price.get("expectedUnits").getAsDouble()), number(price.get("expectedRevenue").getAsDouble()),
                    number(price.get("expectedProfit").getAsDouble()), price.get("bindingRule").getAsString()));
            table.row(cells.toArray(String[]::new));
        }
        table.print(out());
        return 0;
    }
}

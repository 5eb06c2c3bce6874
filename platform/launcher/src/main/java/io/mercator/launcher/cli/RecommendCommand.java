package io.mercator.launcher.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mercator recommend}: a user's top items from the stored filtering model. */
@Command(name = "recommend", mixinStandardHelpOptions = true,
        description = "Recommend items to a user with the stored filtering model (the newest unless --model), "
                + "e.g. 'mercator recommend C0001 -n 5'.")
public final class RecommendCommand extends QueryCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "USER", description = "A user (customer) of the model's training data.")
    String user;

    @Option(names = "-n", defaultValue = "10", paramLabel = "N", description = "How many items. Default: ${DEFAULT-VALUE}.")
    int count;

    @Option(names = "--exclude", split = ",", paramLabel = "ITEM",
            description = "Items not to recommend, e.g. what the user bought (comma-separated).")
    List<String> exclude = List.of();

    @Override
    public Integer call() {
        JsonObject body = new JsonObject();
        body.addProperty("user", user);
        body.addProperty("n", count);
        JsonArray excluded = new JsonArray();
        exclude.forEach(excluded::add);
        body.add("exclude", excluded);
        JsonObject answer = query("/api/v1/filtering/recommend", body);
        if (printedAsJson(answer)) {
            return 0;
        }
        out().println(modelLine(answer));
        // name and category from the item catalogue (data/items.csv), blank for the items it does not list
        Table table = new Table("RANK", "ITEM", "NAME", "CATEGORY", "SCORE");
        int rank = 1;
        for (JsonElement element : answer.getAsJsonArray("items")) {
            JsonObject item = element.getAsJsonObject();
            table.row(rank++, item.get("item").getAsString(), text(item, "name"), text(item, "category"),
                    String.format(java.util.Locale.ROOT, "%.4f", item.get("score").getAsDouble()));
        }
        table.print(out());
        return 0;
    }

    private static String text(JsonObject item, String member) {
        JsonElement value = item.get(member);
        return value == null || value.isJsonNull() ? "" : value.getAsString();
    }
}

package io.mercator.platform.rest;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.mercator.api.Family;
import io.mercator.api.Parameters;
import io.mercator.api.Strategy;
import io.mercator.api.TrainingContext;
import io.mercator.api.ValidationException;
import io.mercator.api.data.IdDictionary;
import io.mercator.api.datasets.ResultExporter;
import io.mercator.api.datasets.TableTarget;
import io.mercator.api.filtering.RecommenderModel;
import io.mercator.api.filtering.Recommendations;
import io.mercator.api.forecasting.Forecast;
import io.mercator.api.forecasting.ForecastModel;
import io.mercator.api.forecasting.ForecastStrategy;
import io.mercator.api.forecasting.SeriesSet;
import io.mercator.api.optimization.ForecastDemand;
import io.mercator.api.optimization.ReplenishmentConstraints;
import io.mercator.api.optimization.ReplenishmentInput;
import io.mercator.api.optimization.ReplenishmentModel;
import io.mercator.api.optimization.ReplenishmentPlan;
import io.mercator.api.optimization.ReplenishmentStrategy;
import io.mercator.api.optimization.ServiceMeasure;
import io.mercator.api.pricing.PriceRecommendations;
import io.mercator.api.pricing.PriceRequest;
import io.mercator.api.pricing.PricingModel;
import io.mercator.api.pricing.PricingRules;
import io.mercator.api.segmentation.SegmentAssignment;
import io.mercator.api.segmentation.SegmentProfiles;
import io.mercator.api.segmentation.SegmentationModel;
import java.io.IOException;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The queries per family. A forecast fits the posted series with the chosen strategy; the other
 * queries answer from a stored model (the family's newest unless {@code model} names one), loaded
 * once through the {@link ModelCache}; a replenishment plan can also be fitted on posted history.
 * Every call into strategy code goes through the registry's protection ({@link StrategyCalls}).
 */
final class QueriesApi {

    private static final int MAX_COUNT = 1000;
    private static final int MAX_HORIZON = 1000;
    private static final List<String> JSON = List.of(Reply.JSON);

    private final StrategyCalls calls;
    private final ModelCache models;
    private final Services services;
    private final int maxRows;
    private final ItemCatalogue catalogue;

    /**
     * @param calls the protected way into strategy code
     * @param models the stored models loaded for queries
     * @param services where the result exporter is found (for {@code exportTo})
     * @param maxRows the most rows a query may post
     * @param catalogue names and categories of items, added to recommendations
     */
    QueriesApi(StrategyCalls calls, ModelCache models, Services services, int maxRows, ItemCatalogue catalogue) {
        this.calls = calls;
        this.models = models;
        this.services = services;
        this.maxRows = maxRows;
        this.catalogue = catalogue;
    }

    /** Writes a query's result with the {@link ResultExporter}. */
    private interface TableExport {
        long write(ResultExporter exporter, TableTarget target) throws IOException;
    }

    /**
     * When the body has {@code exportTo} ({@code connection}, {@code table}, {@code mode} replace or
     * append), writes the result to that table and adds {@code exported} (table and rows) to the answer.
     */
    private void exportIfAsked(JsonBody body, JsonObject answer, TableExport export) throws Exception {
        if (!body.has("exportTo")) {
            return;
        }
        Map<String, String> to = body.textObject("exportTo");
        String mode = to.getOrDefault("mode", "replace").toUpperCase(Locale.ROOT);
        if (!mode.equals("REPLACE") && !mode.equals("APPEND")) {
            throw Problem.badRequest("exportTo.mode", "exportTo.mode: '" + to.get("mode")
                    + "' is not replace or append").exception();
        }
        TableTarget target = new TableTarget(to.get("connection"), to.get("table"), TableTarget.Mode.valueOf(mode));
        long rows;
        try {
            rows = services.with(ResultExporter.class, exporter -> export.write(exporter, target));
        } catch (IOException refused) {
            throw Problem.of("export-failed", "Export failed", 502, refused.getMessage()).with("field", "exportTo")
                    .exception();
        }
        JsonObject exported = new JsonObject();
        exported.addProperty("connection", target.connection());
        exported.addProperty("table", target.table());
        exported.addProperty("mode", mode.toLowerCase(Locale.ROOT));
        exported.addProperty("rows", rows);
        answer.add("exported", exported);
    }

    void register(Router router) {
        router.add("POST", "/api/v1/forecasting/forecast", Role.OPERATOR, JSON,
                "fit the posted series, or use a stored model for the series named in ids, and forecast them with "
                        + "intervals", this::forecast);
        router.add("POST", "/api/v1/filtering/recommend", Role.OPERATOR, JSON, "top-N items for a user",
                this::recommend);
        router.add("POST", "/api/v1/filtering/similar", Role.OPERATOR, JSON, "items similar to an item",
                this::similar);
        router.add("POST", "/api/v1/segmentation/assign", Role.OPERATOR, JSON, "segments of customers",
                this::assign);
        router.add("GET", "/api/v1/segmentation/profiles", Role.VIEWER, List.of(),
                "the segments of a segmentation model with their sizes, feature means, quantiles and top categories",
                this::profiles);
        router.add("POST", "/api/v1/pricing/recommend", Role.OPERATOR, JSON, "recommended prices", this::price);
        router.add("POST", "/api/v1/optimization/plan", Role.OPERATOR, JSON, "replenishment plan", this::plan);
    }

    private Reply forecast(Call call) throws Exception {
        JsonBody body = call.json();
        int horizon = body.integer("horizon", 12, 1, MAX_HORIZON);
        double[] levels = body.reals("levels", new double[] {80, 95});
        if (!body.has("series") && body.has("ids")) {
            return storedForecast(body, horizon, levels);
        }
        int seasonLength = body.integer("seasonLength", 0, 0, 100_000);
        SeriesSet series = series(body, "series", seasonLength);
        Map<String, Object> given = body.plainObject("parameters");
        String spec = body.string("strategy", "").trim();
        Map<String, Forecast> results = new LinkedHashMap<>();
        JsonObject answer = calls.call(Family.FORECASTING, spec, strategy -> {
            ForecastModel model = ((ForecastStrategy) strategy).fit(series, parameters(strategy, given),
                    TrainingContext.none());
            JsonArray forecasts = new JsonArray();
            for (int s = 0; s < series.size(); s++) {
                String id = series.ids().id(s);
                Forecast forecast = model.forecast(id, horizon, levels);
                results.put(id, forecast);
                forecasts.add(forecastJson(id, forecast));
            }
            JsonObject json = new JsonObject();
            json.add("strategy", strategyJson(strategy));
            json.addProperty("horizon", horizon);
            json.add("forecasts", forecasts);
            return json;
        });
        exportIfAsked(body, answer, (exporter, target) -> exporter.exportForecasts(results, target));
        return Reply.ok(answer);
    }

    /** Forecasts the named series of a stored model (the newest unless {@code model} names one). */
    private Reply storedForecast(JsonBody body, int horizon, double[] levels) throws Exception {
        ModelCache.Loaded loaded = models.get(Family.FORECASTING, body.string("model", null));
        ForecastModel model = (ForecastModel) loaded.model();
        Set<String> ids = body.strings("ids");
        requireRows(ids, "ids", "series id");
        Map<String, Forecast> results = new LinkedHashMap<>();
        JsonArray forecasts = calls.call(Family.FORECASTING, loaded.spec(), strategy -> {
            JsonArray array = new JsonArray();
            for (String id : ids) {
                Forecast forecast = model.forecast(id, horizon, levels);
                results.put(id, forecast);
                array.add(forecastJson(id, forecast));
            }
            return array;
        });
        JsonObject json = modelJson(loaded);
        json.addProperty("horizon", horizon);
        json.add("forecasts", forecasts);
        exportIfAsked(body, json, (exporter, target) -> exporter.exportForecasts(results, target));
        return Reply.ok(json);
    }

    private SeriesSet series(JsonBody body, String field, int seasonLength) {
        List<JsonBody> posted = body.objects(field);
        if (posted.isEmpty()) {
            throw Problem.badRequest(field, field + ": at least one series is required").exception();
        }
        SeriesSet.Builder builder = SeriesSet.builder(seasonLength);
        long rows = 0;
        for (JsonBody one : posted) {
            double[] values = one.reals("values");
            rows += values.length;
            checkRows(rows, field);
            builder.add(one.string("id"), values);
        }
        return builder.build();
    }

    /** Refuses an empty list (400) and one longer than the row limit (413). */
    private void requireRows(Collection<?> rows, String field, String what) {
        if (rows.isEmpty()) {
            throw Problem.badRequest(field, field + ": at least one " + what + " is required").exception();
        }
        checkRows(rows.size(), field);
    }

    private void checkRows(long rows, String field) {
        if (rows > maxRows) {
            throw Problem.of("too-many-rows", "Too many rows", 413, field + ": more than " + maxRows
                    + " rows; the limit is max.rows in conf/io.mercator.rest.cfg").with("field", field)
                    .with("limit", maxRows).exception();
        }
    }

    private static JsonObject forecastJson(String id, Forecast forecast) {
        JsonObject json = new JsonObject();
        json.addProperty("id", id);
        json.add("mean", array(forecast.mean()));
        JsonArray intervals = new JsonArray();
        double[] levels = forecast.levels();
        for (int l = 0; l < levels.length; l++) {
            JsonObject interval = new JsonObject();
            interval.addProperty("level", levels[l]);
            interval.add("lower", array(forecast.lower(l)));
            interval.add("upper", array(forecast.upper(l)));
            intervals.add(interval);
        }
        json.add("intervals", intervals);
        return json;
    }

    private Reply recommend(Call call) throws Exception {
        JsonBody body = call.json();
        ModelCache.Loaded loaded = models.get(Family.FILTERING, body.string("model", null));
        RecommenderModel model = (RecommenderModel) loaded.model();
        String user = known(body, "user", model.users());
        int count = body.integer("n", 10, 1, MAX_COUNT);
        Set<String> exclude = body.strings("exclude");
        checkRows(exclude.size(), "exclude");
        Set<String> only = body.strings("items");
        checkRows(only.size(), "items");
        if (!only.isEmpty() && body.has("exportTo")) {
            throw Problem.badRequest("exportTo", "exportTo: exports the top-N list, not one limited to items")
                    .exception();
        }
        Recommendations top = calls.call(Family.FILTERING, loaded.spec(), strategy -> only.isEmpty()
                ? model.recommend(user, count, exclude)
                : model.recommend(user, model.items().size(), exclude));
        JsonObject json = modelJson(loaded);
        json.addProperty("user", user);
        json.add("items", ranked(top, only, count));
        exportIfAsked(body, json, (exporter, target) -> exporter.exportRecommendations(Map.of(user, top), target));
        return Reply.ok(json);
    }

    private Reply similar(Call call) throws IOException {
        JsonBody body = call.json();
        ModelCache.Loaded loaded = models.get(Family.FILTERING, body.string("model", null));
        RecommenderModel model = (RecommenderModel) loaded.model();
        String item = known(body, "item", model.items());
        int count = body.integer("n", 10, 1, MAX_COUNT);
        Recommendations similar = calls.call(Family.FILTERING, loaded.spec(), strategy -> model.similarItems(item,
                count));
        JsonObject json = modelJson(loaded);
        json.addProperty("item", item);
        json.add("items", ranked(similar, Set.of(), count));
        return Reply.ok(json);
    }

    /** @return the id in the body's field, when the model knows it; 404 otherwise */
    private static String known(JsonBody body, String field, IdDictionary ids) {
        String id = body.string(field);
        if (ids.indexOf(id) < 0) {
            throw Problem.notFound(field + " '" + id + "' is not in the model's training data").with("field", field)
                    .exception();
        }
        return id;
    }

    /** @return the ranked items, with their catalogue name and category when the catalogue has them */
    private JsonArray ranked(Recommendations items, Set<String> only, int count) {
        JsonArray array = new JsonArray();
        for (int rank = 0; rank < items.size() && array.size() < count; rank++) {
            String id = items.itemId(rank);
            if (only.isEmpty() || only.contains(id)) {
                JsonObject item = catalogue.find(id).map(ItemsApi::itemJson).orElseGet(JsonObject::new);
                item.addProperty("item", id);
                item.addProperty("score", items.score(rank));
                array.add(item);
            }
        }
        return array;
    }

    private Reply profiles(Call call) throws IOException {
        ModelCache.Loaded loaded = models.get(Family.SEGMENTATION, call.queryParameter("model", null));
        SegmentProfiles profiles = calls.call(Family.SEGMENTATION, loaded.spec(),
                strategy -> ((SegmentationModel) loaded.model()).segments());
        String[] features = profiles.featureNames();
        JsonArray segments = new JsonArray();
        for (int segment = 0; segment < profiles.size(); segment++) {
            JsonObject line = new JsonObject();
            line.addProperty("name", profiles.name(segment));
            line.addProperty("size", profiles.customerCount(segment));
            JsonObject means = new JsonObject();
            JsonObject quantiles = new JsonObject();
            for (int feature = 0; feature < features.length; feature++) {
                means.addProperty(features[feature], profiles.mean(feature, segment));
                if (profiles.hasQuantiles()) {
                    JsonArray values = new JsonArray();
                    for (double value : profiles.quantiles(feature, segment)) {
                        values.add(value);
                    }
                    quantiles.add(features[feature], values);
                }
            }
            line.add("means", means);
            if (profiles.hasQuantiles()) {
                line.add("quantiles", quantiles);
            }
            JsonArray categories = new JsonArray();
            for (SegmentProfiles.CategoryShare share : profiles.topCategories(segment)) {
                JsonObject category = new JsonObject();
                category.addProperty("category", share.category());
                category.addProperty("share", share.share());
                category.addProperty("lift", share.lift());
                categories.add(category);
            }
            line.add("topCategories", categories);
            segments.add(line);
        }
        JsonObject json = modelJson(loaded);
        JsonArray names = new JsonArray();
        for (String feature : features) {
            names.add(feature);
        }
        json.add("features", names);
        if (profiles.hasQuantiles()) {
            JsonArray levels = new JsonArray();
            for (double level : SegmentProfiles.quantileLevels()) {
                levels.add(level);
            }
            json.add("quantileLevels", levels);
        }
        json.add("segments", segments);
        return Reply.ok(json);
    }

    private Reply assign(Call call) throws Exception {
        JsonBody body = call.json();
        ModelCache.Loaded loaded = models.get(Family.SEGMENTATION, body.string("model", null));
        SegmentationModel model = (SegmentationModel) loaded.model();
        Set<String> customers = body.strings("customers");
        requireRows(customers, "customers", "customer id");
        String[] ids = customers.toArray(new String[0]);
        int[] segments = new int[ids.length];
        String[] names = calls.call(Family.SEGMENTATION, loaded.spec(), strategy -> {
            String[] segmentNames = new String[ids.length];
            for (int row = 0; row < ids.length; row++) {
                int segment = model.segmentOf(ids[row]);
                segments[row] = segment;
                segmentNames[row] = segment == SegmentAssignment.UNASSIGNED ? null : model.segments().name(segment);
            }
            return segmentNames;
        });
        JsonArray assignments = new JsonArray();
        for (int row = 0; row < ids.length; row++) {
            if (names[row] == null) {
                throw Problem.notFound("customer '" + ids[row] + "' is not in the model's data")
                        .with("field", "customers").with("row", row).exception();
            }
            JsonObject assignment = new JsonObject();
            assignment.addProperty("customer", ids[row]);
            assignment.addProperty("segment", names[row]);
            assignments.add(assignment);
        }
        JsonObject json = modelJson(loaded);
        json.add("assignments", assignments);
        exportIfAsked(body, json, (exporter, target) -> exporter.exportSegments(new SegmentAssignment(
                IdDictionary.of("customer", ids), segments, model.segments().size()), target));
        return Reply.ok(json);
    }

    private Reply price(Call call) throws Exception {
        JsonBody body = call.json();
        ModelCache.Loaded loaded = models.get(Family.PRICING, body.string("model", null));
        PricingModel model = (PricingModel) loaded.model();
        List<JsonBody> products = body.objects("products");
        requireRows(products, "products", "product");
        PriceRequest.Builder request = PriceRequest.builder();
        for (JsonBody product : products) {
            double current = product.real("currentPrice");
            request.add(product.string("id"), product.real("unitCost"), current,
                    product.real("minPrice", current * 0.8), product.real("maxPrice", current * 1.2),
                    product.real("competitorPrice", Double.NaN));
        }
        PriceRequest built = request.build();
        PricingRules rules = body.has("rules") ? pricingRules(body.object("rules")) : PricingRules.none();
        List<String> segments = List.copyOf(body.strings("segments"));
        if (!segments.isEmpty() && body.has("exportTo")) {
            // the price table has no segment column
            throw Problem.badRequest("exportTo", "exportTo: segment prices cannot be written to a table;"
                    + " leave out segments or exportTo").exception();
        }
        Map<String, PriceRecommendations> bySegment = calls.call(Family.PRICING, loaded.spec(), strategy ->
                segments.isEmpty() ? Collections.singletonMap(null, model.recommend(built, rules))
                        : model.recommendBySegment(built, rules, segments));
        JsonArray array = new JsonArray();
        bySegment.forEach((segment, prices) -> {
            for (int row = 0; row < prices.size(); row++) {
                JsonObject json = new JsonObject();
                json.addProperty("id", prices.products().id(row));
                if (segment != null) {
                    json.addProperty("segment", segment);
                }
                json.addProperty("price", prices.price(row));
                json.addProperty("expectedUnits", prices.expectedUnits(row));
                json.addProperty("expectedRevenue", prices.expectedRevenue(row));
                json.addProperty("expectedProfit", prices.expectedProfit(row));
                json.addProperty("bindingRule", prices.bindingRule(row));
                if (prices.error(row) != null) {
                    json.addProperty("error", prices.error(row));
                }
                array.add(json);
            }
        });
        JsonObject json = modelJson(loaded);
        json.add("prices", array);
        exportIfAsked(body, json, (exporter, target) -> exporter.exportPrices(bySegment.get(null), target));
        return Reply.ok(json);
    }

    /**
     * The business rules of a price request: every member optional, each off when absent.
     *
     * @param rules the request's {@code rules} object
     * @return the rules
     * @throws io.mercator.api.ValidationException naming the rule whose value is out of range
     */
    static PricingRules pricingRules(JsonBody rules) {
        PricingRules.Builder builder = PricingRules.builder()
                .minMargin(rules.real("minMargin", 0))
                .maxChange(rules.real("maxChange", Double.POSITIVE_INFINITY))
                .competitorRange(rules.real("competitorMinRatio", 0),
                        rules.real("competitorMaxRatio", Double.POSITIVE_INFINITY))
                .priceEnding(rules.real("priceEnding", Double.NaN))
                .pricePoints(rules.reals("pricePoints", new double[0]))
                .minVolumeShare(rules.real("minVolumeShare", 0))
                .maxSegmentSpread(rules.real("maxSegmentSpread", Double.POSITIVE_INFINITY))
                .rowErrors(rules.bool("rowErrors", false));
        if (rules.has("profitWeight") || rules.has("revenueWeight")) {
            builder.weightedObjective(rules.real("profitWeight", 0), rules.real("revenueWeight", 0));
        }
        return builder.build();
    }

    private Reply plan(Call call) throws Exception {
        JsonBody body = call.json();
        ForecastModel forecasts = null;
        ModelCache.Loaded forecaster = null;
        if (body.has("forecastModel")) {
            // demand from a stored forecasting model, through the API only: any forecaster's model answers
            String id = body.string("forecastModel", "").trim();
            forecaster = models.get(Family.FORECASTING, id.isEmpty() ? null : id);
            forecasts = (ForecastModel) forecaster.model();
        }
        ReplenishmentInput input = replenishmentInput(body, forecasts);
        JsonObject json;
        ReplenishmentPlan plan;
        if (body.has("history")) {
            SeriesSet history = series(body, "history", body.integer("seasonLength", 0, 0, 100_000));
            Map<String, Object> given = body.plainObject("parameters");
            JsonObject[] strategyJson = new JsonObject[1];
            plan = calls.call(Family.OPTIMIZATION, body.string("strategy", "").trim(), strategy -> {
                strategyJson[0] = strategyJson(strategy);
                ReplenishmentModel model = ((ReplenishmentStrategy) strategy).fit(history,
                        parameters(strategy, given), TrainingContext.none());
                return model.plan(input);
            });
            json = new JsonObject();
            json.add("strategy", strategyJson[0]);
        } else {
            ModelCache.Loaded loaded = models.get(Family.OPTIMIZATION, body.string("model", null));
            ReplenishmentModel model = (ReplenishmentModel) loaded.model();
            plan = calls.call(Family.OPTIMIZATION, loaded.spec(), strategy -> model.plan(input));
            json = modelJson(loaded);
        }
        JsonArray rows = new JsonArray();
        for (int row = 0; row < plan.size(); row++) {
            JsonObject line = new JsonObject();
            line.addProperty("sku", plan.skus().id(row));
            line.addProperty("safetyStock", plan.safetyStock(row));
            line.addProperty("reorderPoint", plan.reorderPoint(row));
            line.addProperty("orderUpTo", plan.orderUpTo(row));
            line.addProperty("orderQuantity", plan.orderQuantity(row));
            line.addProperty("expectedFillRate", plan.expectedFillRate(row));
            line.addProperty("expectedCost", plan.expectedCost(row));
            line.addProperty("bindingConstraint", plan.bindingConstraint(row));
            rows.add(line);
        }
        json.add("plan", rows);
        if (forecaster != null) {
            json.add("forecastModel", modelJson(forecaster).get("model"));
        }
        exportIfAsked(body, json, (exporter, target) -> exporter.exportPlan(plan, target));
        return Reply.ok(json);
    }

    private ReplenishmentInput replenishmentInput(JsonBody body, ForecastModel forecasts) {
        List<JsonBody> items = body.objects("items");
        requireRows(items, "items", "SKU-location");
        ReplenishmentInput.Builder input = ReplenishmentInput.builder();
        String measure = body.string("serviceMeasure", ServiceMeasure.CYCLE_SERVICE_LEVEL.name());
        try {
            input.serviceMeasure(ServiceMeasure.valueOf(measure.trim().toUpperCase(Locale.ROOT).replace('-', '_')));
        } catch (IllegalArgumentException unknown) {
            throw Problem.badRequest("serviceMeasure", "serviceMeasure: '" + measure + "' is not one of "
                    + List.of(ServiceMeasure.values())).exception();
        }
        for (JsonBody item : items) {
            String sku = item.string("sku");
            boolean forecast = forecasts != null && forecasts.series().indexOf(sku) >= 0;
            // fields are read (and a missing one reported) in the order of the item's description
            double[] demand = forecast ? null : new double[] {item.real("demandMean"), item.real("demandStdDev")};
            double leadTime = item.real("leadTimeMean");
            double leadTimeSpread = item.real("leadTimeStdDev", 0);
            double review = item.real("reviewPeriod", 0);
            if (forecast) {
                demand = ForecastDemand.perPeriod(forecasts.forecast(sku, ForecastDemand.horizon(leadTime,
                        leadTimeSpread, review), ForecastDemand.LEVEL));
            }
            input.add(sku).demand(demand[0], demand[1])
                    .leadTime(leadTime, leadTimeSpread)
                    .reviewPeriod(review)
                    .stock(item.real("onHand"), item.real("onOrder", 0), item.real("backorders", 0))
                    .costs(item.real("unitCost"), item.real("holdingCostRate"), item.real("orderingCost", 0))
                    .targetServiceLevel(item.real("targetServiceLevel"))
                    .orderRules(item.real("minOrderQuantity", 0), item.real("casePack", 1));
        }
        return input.build().withConstraints(constraints(body, items));
    }

    /**
     * The plan-wide limits: {@code budget}, {@code warehouseCapacity} and {@code supplierCapacity}
     * (objects of units by id) and per item {@code warehouse}, {@code supplier} and
     * {@code stockOutPenalty}; a bad value is named by its path, e.g. {@code items[2].stockOutPenalty}.
     */
    private static ReplenishmentConstraints constraints(JsonBody body, List<JsonBody> items) {
        ReplenishmentConstraints.Builder limits = ReplenishmentConstraints.builder();
        limits.budget(atLeastZero("budget", body.real("budget", Double.POSITIVE_INFINITY)));
        body.realObject("warehouseCapacity").forEach((id, units) -> limits.warehouseCapacity(id,
                atLeastZero("warehouseCapacity." + id, units)));
        body.realObject("supplierCapacity").forEach((id, units) -> limits.supplierCapacity(id,
                atLeastZero("supplierCapacity." + id, units)));
        for (int row = 0; row < items.size(); row++) {
            JsonBody item = items.get(row);
            String warehouse = nonBlank(item, "warehouse", row);
            String supplier = nonBlank(item, "supplier", row);
            limits.row(row, warehouse, supplier);
            if (item.has("stockOutPenalty")) {
                limits.stockOutPenalty(row, atLeastZero("items[" + row + "].stockOutPenalty",
                        item.real("stockOutPenalty")));
            }
        }
        return limits.build();
    }

    private static double atLeastZero(String path, double value) {
        if (!(value >= 0)) {
            throw Problem.badRequest(path, path + ": " + value + " is not an amount >= 0").exception();
        }
        return value;
    }

    private static String nonBlank(JsonBody item, String field, int row) {
        String id = item.string(field, null);
        if (id != null && id.isBlank()) {
            String path = "items[" + row + "]." + field;
            throw Problem.badRequest(path, path + ": is blank (leave it out for none)").exception();
        }
        return id == null ? null : id.trim();
    }

    /** Resolves the posted parameters against the strategy's declarations; a bad one is named as parameters.NAME. */
    private static Parameters parameters(Strategy<?, ?> strategy, Map<String, Object> given) {
        try {
            return Parameters.resolve(strategy.descriptor().parameters(), given);
        } catch (ValidationException invalid) {
            String problem = invalid.getMessage().startsWith(invalid.field() + ": ")
                    ? invalid.getMessage().substring(invalid.field().length() + 2) : invalid.getMessage();
            throw new ValidationException("parameters." + invalid.field(), problem + " (strategy "
                    + strategy.descriptor() + ")");
        }
    }

    private static JsonObject modelJson(ModelCache.Loaded loaded) {
        JsonObject json = new JsonObject();
        JsonObject model = new JsonObject();
        model.addProperty("id", loaded.stored().id());
        model.addProperty("strategy", loaded.stored().strategyName());
        model.addProperty("strategyVersion", loaded.stored().strategyVersion());
        model.addProperty("createdAt", loaded.stored().createdAt().toString());
        json.add("model", model);
        return json;
    }

    private static JsonObject strategyJson(Strategy<?, ?> strategy) {
        JsonObject json = new JsonObject();
        json.addProperty("family", strategy.descriptor().family().id());
        json.addProperty("name", strategy.descriptor().name());
        json.addProperty("version", strategy.descriptor().version());
        return json;
    }

    private static JsonArray array(double[] values) {
        JsonArray array = new JsonArray(values.length);
        for (double value : values) {
            array.add(value);
        }
        return array;
    }
}

package io.mercator.platform.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.mercator.api.Family;
import io.mercator.launcher.ControlApi;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class LeaderboardTest {

    private static ControlApi.ReportRow row(String strategy, Double... values) {
        return new ControlApi.ReportRow(strategy, Arrays.asList(values));
    }

    private static List<String> ranking(JsonObject leaderboard) {
        List<String> names = new ArrayList<>();
        JsonArray rows = leaderboard.getAsJsonArray("rows");
        for (int i = 0; i < rows.size(); i++) {
            JsonObject row = rows.get(i).getAsJsonObject();
            assertEquals(i + 1, row.get("rank").getAsInt());
            names.add(row.get("strategy").getAsString());
        }
        return names;
    }

    @Test
    void forecastsAreRankedByMaseAscendingWithMissingValuesLast() {
        ControlApi.Report report = new ControlApi.Report("t", List.of("sMAPE", "MASE", "fit s"), List.of(
                row("naive", 10.0, 1.4, 0.1), row("theta", 30.0, 0.9, 0.2), row("broken", 5.0, null, 0.1),
                row("ets", 20.0, 1.1, 0.3)), List.of());
        JsonObject leaderboard = EvaluationsApi.leaderboard(Family.FORECASTING, report);
        assertEquals("MASE", leaderboard.get("metric").getAsString());
        assertFalse(leaderboard.get("higherIsBetter").getAsBoolean());
        assertEquals(List.of("theta", "ets", "naive", "broken"), ranking(leaderboard));
        assertEquals(0.9, leaderboard.getAsJsonArray("rows").get(0).getAsJsonObject().get("score").getAsDouble());
        assertTrue(leaderboard.getAsJsonArray("rows").get(3).getAsJsonObject().get("score").isJsonNull());
    }

    @Test
    void recommendersAreRankedByNdcgDescending() {
        ControlApi.Report report = new ControlApi.Report("t", List.of("RMSE", "P@10", "nDCG@10"), List.of(
                row("popularity", 1.0, 0.1, 0.20), row("item-knn", 0.9, 0.2, 0.35), row("biased-mf", 0.8, 0.15, 0.30)),
                List.of());
        JsonObject leaderboard = EvaluationsApi.leaderboard(Family.FILTERING, report);
        assertEquals("nDCG@10", leaderboard.get("metric").getAsString());
        assertTrue(leaderboard.get("higherIsBetter").getAsBoolean());
        assertEquals(List.of("item-knn", "biased-mf", "popularity"), ranking(leaderboard));
    }

    @Test
    void withoutTheMainMetricTheFirstColumnRanksLowestFirst() {
        ControlApi.Report report = new ControlApi.Report("t", List.of("cost"), List.of(row("b", 2.0), row("a", 1.0)),
                List.of());
        JsonObject leaderboard = EvaluationsApi.leaderboard(Family.SEGMENTATION, report);
        assertEquals("cost", leaderboard.get("metric").getAsString());
        assertFalse(leaderboard.get("higherIsBetter").getAsBoolean());
        assertEquals(List.of("a", "b"), ranking(leaderboard));
    }
}

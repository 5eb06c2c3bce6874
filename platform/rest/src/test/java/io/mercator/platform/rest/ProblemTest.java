package io.mercator.platform.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import io.mercator.api.Family;
import io.mercator.api.ValidationException;
import io.mercator.api.runtime.StrategyCallException;
import io.mercator.api.runtime.StrategyNotFoundException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProblemTest {

    @Test
    void validationExceptionBecomes400NamingFieldAndRow() {
        Problem problem = Problem.from(new ValidationException("levels", 2, "120.0 is not a percentage in (0, 100)"));
        assertEquals(400, problem.status());
        assertEquals("urn:mercator:problem:validation", problem.type());
        JsonObject json = problem.toJson("/api/v1/forecasting/forecast");
        assertEquals("levels", json.get("field").getAsString());
        assertEquals(2, json.get("row").getAsInt());
        assertEquals("/api/v1/forecasting/forecast", json.get("instance").getAsString());
        assertEquals("Invalid request", json.get("title").getAsString());
        assertEquals(400, json.get("status").getAsInt());
        assertTrue(json.get("detail").getAsString().contains("120.0 is not a percentage"));
    }

    @Test
    void validationWithoutRowHasNoRowMember() {
        JsonObject json = Problem.from(new ValidationException("horizon", "must be positive")).toJson("/x");
        assertEquals("horizon", json.get("field").getAsString());
        assertTrue(!json.has("row"));
    }

    @Test
    void unknownStrategyIs404AndFailedStrategyIs500() {
        Problem missing = Problem.from(new StrategyNotFoundException(Family.PRICING, "nope", "registered: log-log"));
        assertEquals(404, missing.status());
        assertEquals("strategy", missing.extensions().get("field"));
        Problem failed = Problem.from(new StrategyCallException("forecasting/x@1 failed: boom", null));
        assertEquals(500, failed.status());
        assertEquals("urn:mercator:problem:strategy-failed", failed.type());
    }

    @Test
    void malformedJsonNamesLineAndColumn() {
        JsonParseException thrown = null;
        try {
            JsonBody.parse("{\n  \"series\": [1,\n  }".getBytes(StandardCharsets.UTF_8));
        } catch (JsonParseException e) {
            thrown = e;
        }
        Problem problem = Problem.from(thrown);
        assertEquals(400, problem.status());
        assertEquals(3, problem.extensions().get("line"));
        assertEquals(3, problem.extensions().get("column"));
    }

    @Test
    void jsonBodyNamesThePathOfAMistypedValue() {
        Problem.ProblemException thrown = null;
        try {
            JsonBody.parse("{\"series\":[{\"id\":\"a\",\"values\":[1,true]}]}".getBytes(StandardCharsets.UTF_8))
                    .objects("series").get(0).reals("values");
        } catch (Problem.ProblemException e) {
            thrown = e;
        }
        assertEquals("series[0].values[1]", thrown.problem().extensions().get("field"));
        assertEquals(400, thrown.problem().status());
    }

    @Test
    void otherExceptionsAreNotMapped() {
        assertNull(Problem.from(new NullPointerException()));
    }
}

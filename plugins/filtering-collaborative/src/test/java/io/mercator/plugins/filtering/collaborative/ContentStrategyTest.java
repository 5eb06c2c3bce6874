package io.mercator.plugins.filtering.collaborative;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mercator.api.Parameters;
import io.mercator.api.TrainingContext;
import io.mercator.api.ValidationException;
import io.mercator.api.filtering.Interactions;
import io.mercator.api.filtering.ItemCatalog;
import io.mercator.api.filtering.RecommenderModel;
import io.mercator.api.filtering.Recommendations;
import io.mercator.demo.RetailerCsv;
import io.mercator.demo.RetailerDatasets;
import io.mercator.demo.RetailerGenerator;
import io.mercator.demo.RetailerSpec;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContentStrategyTest {

    private static RecommenderModel fit(Interactions data, Map<String, ?> given) {
        ContentStrategy strategy = new ContentStrategy();
        return strategy.fit(data, Parameters.resolve(strategy.descriptor().parameters(), given),
                TrainingContext.none());
    }

    /** Red and green apples are fruit, the red car is not; the green pear is new: nobody has chosen it. */
    private static final ItemCatalog FRUIT = ItemCatalog.builder()
            .add("x", "Red apple", Map.of("category", "fruit"))
            .add("y", "green APPLE", Map.of("category", "fruit"))
            .add("z", "red car", Map.of("category", "vehicle"))
            .add("w", "a green pear", Map.of("category", "fruit"))
            .build();

    private static final Interactions CHOICES = Interactions.builder()
            .add("u1", "x", 4).add("u1", "z", 2).add("u2", "y", 5).add("u2", "z", 1).build().withCatalog(FRUIT);

    @Test
    void cosineOfTfIdfVectorsMatchesHandComputation() {
        // 4 items: idf(red) = idf(apple) = idf(green) = ln 2, idf(car) = idf(pear) = ln 4,
        // idf(category=fruit) = ln 4/3, idf(category=vehicle) = ln 4; "a" is a stop word
        double two = Math.log(2);
        double four = Math.log(4);
        double fruit = Math.log(4.0 / 3);
        // text only: x = (red, apple), y = (green, apple), z = (red, car): cos(x,y) = two^2 / (sqrt2 two)^2 = 1/2
        Recommendations textOnly = fit(CHOICES, Map.of("attribute-weight", 0)).similarItems("x", 2);
        double xz = two * two / (Math.sqrt(2) * two * Math.sqrt(two * two + four * four));
        assertArrayEquals(new String[] {"y", "z"}, textOnly.itemIds());
        assertArrayEquals(new double[] {0.5, xz}, textOnly.scores(), 1e-12);
        // with the category: x = (red, apple, fruit), y = (green, apple, fruit), w = (green, pear, fruit)
        Recommendations withCategory = fit(CHOICES, Map.of()).similarItems("y", 2);
        double norm = Math.sqrt(2 * two * two + fruit * fruit);
        double yw = (two * two + fruit * fruit) / (norm * Math.sqrt(two * two + four * four + fruit * fruit));
        assertArrayEquals(new String[] {"x", "w"}, withCategory.itemIds());
        assertArrayEquals(new double[] {(two * two + fruit * fruit) / (norm * norm), yw}, withCategory.scores(),
                1e-12);
    }

    @Test
    void coldItemsAreRecommendedAndExplainedByTheirDescription() {
        RecommenderModel model = fit(CHOICES, Map.of());
        assertEquals(4, model.items().size());
        // u2 chose y (green apple, fruit) and z (red car): the pear shares green and fruit with y, nothing with z
        Recommendations top = model.recommend("u2", 1, Set.of("x", "y", "z"));
        assertArrayEquals(new String[] {"w"}, top.itemIds());
        assertTrue(top.score(0) > 0, "scored by its description, not by the popularity fallback");
        assertEquals("because you chose y", model.explain("u2", "w").reason());
        assertEquals("y", model.similarItems("w", 1).itemId(0));
        // the pear has no ratings: its prediction is u2's baseline plus u2's residual on y, the only similar rating
        double prediction = model.predict("u2", "w");
        assertTrue(prediction > model.predict("u2", "z"), prediction + " should be above the car's");
    }

    @Test
    void theModelRoundTripsWithItsColdItems() throws IOException {
        RecommenderModel model = fit(CHOICES, Map.of());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        model.writeTo(bytes);
        RecommenderModel read = new ContentStrategy().readModel(new ByteArrayInputStream(bytes.toByteArray()));
        assertArrayEquals(model.similarItems("w", 3).scores(), read.similarItems("w", 3).scores(), 0);
        assertEquals(model.predict("u1", "w"), read.predict("u1", "w"), 0);
        assertEquals("content-tfidf", read.strategyName());
    }

    @Test
    void aMissingCatalogueIsNamed() {
        ValidationException missing = assertThrows(ValidationException.class,
                () -> fit(Interactions.builder().add("u", "i", 1).build(), Map.of()));
        assertEquals("catalog", missing.field());
    }

    @Test
    void similarItemsOfTheGeneratedRetailerShareCategoryAndWords(@TempDir Path folder) throws IOException {
        var retailer = RetailerGenerator.generate(new RetailerSpec(11, 1, 40, 80, 60, LocalDate.of(2025, 1, 1)));
        RetailerCsv.write(retailer, folder);
        ItemCatalog.Builder catalog = ItemCatalog.builder();
        Map<String, String> categories = new HashMap<>();
        Map<String, String> descriptions = new HashMap<>();
        try (Reader in = Files.newBufferedReader(folder.resolve("catalogue.csv"))) {
            for (CSVRecord row : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build()
                    .parse(in)) {
                catalog.add(row.get("sku"), row.get("description"), Map.of("category", row.get("category")));
                categories.put(row.get("sku"), row.get("category"));
                descriptions.put(row.get("sku"), row.get("description"));
            }
        }
        Interactions purchases = new RetailerDatasets(retailer).purchases().withCatalog(catalog.build());
        // descriptions name the brand twice and the category once: by default the nearest item shares words,
        // often the brand; weighing the category attribute up makes the nearest item share the category
        for (double attributeWeight : new double[] {1, 3}) {
            RecommenderModel model = fit(purchases, Map.of("attribute-weight", attributeWeight));
            int sameCategory = 0;
            for (String sku : retailer.skuIds()) {
                String nearest = model.similarItems(sku, 1).itemId(0);
                sameCategory += categories.get(nearest).equals(categories.get(sku)) ? 1 : 0;
                List<String> words = TfIdf.words(descriptions.get(nearest));
                assertTrue(TfIdf.words(descriptions.get(sku)).stream().anyMatch(words::contains), sku + " '"
                        + descriptions.get(sku) + "' and '" + descriptions.get(nearest) + "' share no word");
            }
            // measured: 31 of 40 with weight 1, 40 of 40 with weight 3
            int expected = attributeWeight == 1 ? 28 : 40;
            assertTrue(sameCategory >= expected, "attribute weight " + attributeWeight + ": " + sameCategory
                    + " of 40 nearest items share the category");
        }
    }
}

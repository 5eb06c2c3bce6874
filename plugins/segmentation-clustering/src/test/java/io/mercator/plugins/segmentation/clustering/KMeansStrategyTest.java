package io.mercator.plugins.segmentation.clustering;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mercator.api.Parameters;
import io.mercator.api.TrainingContext;
import io.mercator.api.ValidationException;
import io.mercator.api.data.IdDictionary;
import io.mercator.api.segmentation.CategorySpend;
import io.mercator.api.segmentation.SegmentAssignment;
import io.mercator.api.segmentation.SegmentProfiles;
import io.mercator.api.segmentation.SegmentationModel;
import io.mercator.api.segmentation.SegmentationStrategy;
import io.mercator.api.segmentation.Transactions;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class KMeansStrategyTest {

    static final LocalDate END = LocalDate.parse("2024-01-01");

    /**
     * Three planted behaviours, 40 customers each: "vip" bought 40 times for 180-220 each with the
     * last purchase 11 days ago; "regular" 6 times for 27-33, 65 days ago; "lapsed" once for
     * 4.5-5.5, 315 days ago. On a log scale they are far apart in every feature, and only the
     * amounts vary inside a group (days are whole, so varying them would plant sub-groups).
     */
    static Transactions plantedCustomers() {
        Random random = new Random(11);
        Transactions.Builder builder = Transactions.builder();
        String[] groups = {"vip", "regular", "lapsed"};
        int[] purchases = {40, 6, 1};
        double[] amount = {200, 30, 5};
        int[] recency = {11, 65, 315};
        for (int g = 0; g < groups.length; g++) {
            for (int c = 0; c < 40; c++) {
                for (int p = 0; p < purchases[g]; p++) {
                    builder.add(groups[g] + c, END.minusDays(recency[g] + 2L * p), amount[g] * (0.9 + 0.2 * random.nextDouble()));
                }
            }
        }
        return builder.build();
    }

    /**
     * The planted customers with every purchase also a category line: vips buy champagne,
     * regulars bread, the lapsed batteries.
     */
    static Transactions plantedCustomersWithCategories() {
        Transactions planted = plantedCustomers();
        String[] groups = {"vip", "regular", "lapsed"};
        int[] category = new int[planted.size()];
        int[] day = new int[planted.size()];
        int[] customer = new int[planted.size()];
        double[] amount = new double[planted.size()];
        for (int row = 0; row < planted.size(); row++) {
            String id = planted.customers().id(planted.customer(row));
            for (int g = 0; g < groups.length; g++) {
                category[row] = id.startsWith(groups[g]) ? g : category[row];
            }
            customer[row] = planted.customer(row);
            day[row] = planted.day(row);
            amount[row] = planted.amount(row);
        }
        return planted.withCategorySpend(new CategorySpend(IdDictionary.of("categories", "champagne", "bread",
                "batteries"), customer, day, category, amount));
    }

    /** Checks the profiles of the three planted groups, segment g being group g. */
    static void assertPlantedProfiles(SegmentProfiles profiles) {
        // every vip bought 40 times, every lapsed customer once: all their quantiles are exact
        assertArrayEquals(new double[] {40, 40, 40, 40, 40}, profiles.quantiles(1, 0), 0);
        assertArrayEquals(new double[] {1, 1, 1, 1, 1}, profiles.quantiles(1, 2), 0);
        double[] vipSpend = profiles.quantiles(2, 0);
        assertTrue(vipSpend[0] > 40 * 180 && vipSpend[4] < 40 * 220 && vipSpend[1] <= vipSpend[2]
                && vipSpend[2] <= vipSpend[3], Arrays.toString(vipSpend));
        String[] expected = {"champagne", "bread", "batteries"};
        for (int g = 0; g < expected.length; g++) {
            // all of the group and a third of everyone bought it
            assertEquals(List.of(new SegmentProfiles.CategoryShare(expected[g], 1, 3)), profiles.topCategories(g));
        }
    }

    @Test
    void profilesGiveQuantilesAndTopCategoriesInOriginalUnits() {
        KMeansStrategy strategy = new KMeansStrategy();
        assertPlantedProfiles(strategy.fit(plantedCustomersWithCategories(), parameters(strategy, Map.of()),
                TrainingContext.none()).segments());
    }

    static Parameters parameters(SegmentationStrategy strategy, Map<String, ?> given) {
        return Parameters.resolve(strategy.descriptor().parameters(), given);
    }

    @Test
    void silhouetteChoosesThePlantedThreeAndRecoversTheGroups() {
        KMeansStrategy strategy = new KMeansStrategy();
        SegmentationModel model = strategy.fit(plantedCustomers(), parameters(strategy, Map.of()), TrainingContext.none());
        SegmentProfiles profiles = model.segments();
        assertEquals(3, profiles.size());
        // ordered by mean monetary value: vip first
        assertEquals(0, model.segmentOf("vip0"));
        assertEquals(1, model.segmentOf("regular0"));
        assertEquals(2, model.segmentOf("lapsed0"));
        for (String group : new String[] {"vip", "regular", "lapsed"}) {
            for (int c = 0; c < 40; c++) {
                assertEquals(model.segmentOf(group + "0"), model.segmentOf(group + c), group + c);
            }
        }
        assertEquals(40, profiles.customerCount(0));
        assertEquals(40, profiles.mean(1, 0), 0);
        assertEquals(1, profiles.mean(1, 2), 0);
        assertEquals("cluster-1", profiles.name(0));
    }

    @Test
    void givenKIsUsedAndNewCustomersJoinTheNearestSegment() throws IOException {
        KMeansStrategy strategy = new KMeansStrategy();
        SegmentationModel model = strategy.fit(plantedCustomers(), parameters(strategy, Map.of(KMeansStrategy.K, 2)),
                TrainingContext.none());
        assertEquals(2, model.segments().size());
        assertNotEquals(model.segmentOf("vip0"), model.segmentOf("lapsed0"));

        SegmentationModel full = strategy.fit(plantedCustomers(), parameters(strategy, Map.of(KMeansStrategy.K, 3)),
                TrainingContext.none());
        Transactions.Builder newcomer = Transactions.builder().add("returner", END.minusDays(-5), -10.0);
        for (int p = 0; p < 35; p++) {
            newcomer.add("big", END.minusDays(11 + 2L * p), 190);
        }
        newcomer.add("once", END.minusDays(350), 6);
        Transactions later = newcomer.build();
        SegmentAssignment assignment = full.assign(later);
        assertEquals(full.segmentOf("vip0"), assignment.segmentOf("big"));
        assertEquals(full.segmentOf("lapsed0"), assignment.segmentOf("once"));
        assertEquals(SegmentAssignment.UNASSIGNED, assignment.segmentOf("returner"));

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        full.writeTo(bytes);
        SegmentationModel read = strategy.readModel(new ByteArrayInputStream(bytes.toByteArray()));
        assertEquals(full.segmentOf("regular3"), read.segmentOf("regular3"));
        assertEquals(assignment.segmentOf("big"), read.assign(later).segmentOf("big"));
        assertEquals(full.segments().mean(2, 1), read.segments().mean(2, 1), 0);
        assertThrows(IOException.class, () -> strategy.readModel(new ByteArrayInputStream(new byte[12])));
    }

    @Test
    void tooFewCustomersAndTooLargeKAreNamed() {
        KMeansStrategy strategy = new KMeansStrategy();
        Transactions one = Transactions.builder().add("a", END, 10).add("b", END, -3).build();
        ValidationException few = assertThrows(ValidationException.class,
                () -> strategy.fit(one, parameters(strategy, Map.of()), TrainingContext.none()));
        assertEquals("transactions", few.field());
        Transactions three = Transactions.builder().add("a", END, 10).add("b", END, 3).add("c", END, 1).build();
        ValidationException tooMany = assertThrows(ValidationException.class, () -> strategy.fit(three,
                parameters(strategy, Map.of(KMeansStrategy.K, 4)), TrainingContext.none()));
        assertEquals("k", tooMany.field());
        assertTrue(tooMany.getMessage().contains("3 customers"), tooMany.getMessage());
    }
}

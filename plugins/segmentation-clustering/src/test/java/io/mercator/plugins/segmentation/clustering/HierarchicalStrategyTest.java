package io.mercator.plugins.segmentation.clustering;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mercator.api.TrainingContext;
import io.mercator.api.segmentation.SegmentationModel;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HierarchicalStrategyTest {

    private static void assertPlantedGroups(SegmentationModel model) {
        assertEquals(3, model.segments().size());
        String[] groups = {"vip", "regular", "lapsed"};
        for (int g = 0; g < groups.length; g++) {
            for (int c = 0; c < 40; c++) {
                assertEquals(g, model.segmentOf(groups[g] + c), groups[g] + c);
            }
        }
    }

    @Test
    void silhouetteChoosesThePlantedGroupsWithEitherLinkage() {
        HierarchicalStrategy strategy = new HierarchicalStrategy();
        for (String linkage : new String[] {"ward", "average"}) {
            assertPlantedGroups(strategy.fit(KMeansStrategyTest.plantedCustomers(),
                    KMeansStrategyTest.parameters(strategy, Map.of(HierarchicalStrategy.LINKAGE, linkage)),
                    TrainingContext.none()));
        }
    }

    @Test
    void aboveMaxCustomersASampleIsClusteredAndTheRestJoinTheNearest() {
        HierarchicalStrategy strategy = new HierarchicalStrategy();
        assertPlantedGroups(strategy.fit(KMeansStrategyTest.plantedCustomers(), KMeansStrategyTest.parameters(strategy,
                Map.of(HierarchicalStrategy.MAX_CUSTOMERS, 30, HierarchicalStrategy.K, 3)), TrainingContext.none()));
    }

    @Test
    void profilesGiveQuantilesAndTopCategoriesInOriginalUnits() {
        HierarchicalStrategy strategy = new HierarchicalStrategy();
        KMeansStrategyTest.assertPlantedProfiles(strategy.fit(KMeansStrategyTest.plantedCustomersWithCategories(),
                KMeansStrategyTest.parameters(strategy, Map.of()), TrainingContext.none()).segments());
    }
}

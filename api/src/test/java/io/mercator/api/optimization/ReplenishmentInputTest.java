package io.mercator.api.optimization;

import static io.mercator.api.Rejections.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.mercator.api.ValidationException;
import io.mercator.api.data.IdDictionary;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class ReplenishmentInputTest {

    private static ReplenishmentInput.Builder complete(ReplenishmentInput.Builder builder, String sku) {
        return builder.add(sku).demand(12, 4).leadTime(3, 0.5).reviewPeriod(7).stock(40, 10, 2)
                .costs(2.5, 0.004, 15).targetServiceLevel(0.95).orderRules(24, 6);
    }

    @Test
    void builderRoundTrips() {
        ReplenishmentInput input = complete(ReplenishmentInput.builder(), "A@S1").build();
        assertEquals(1, input.size());
        assertEquals("A@S1", input.skus().id(0));
        assertEquals(12.0, input.demandMean(0));
        assertEquals(4.0, input.demandStdDev(0));
        assertEquals(3.0, input.leadTimeMean(0));
        assertEquals(0.5, input.leadTimeStdDev(0));
        assertEquals(7.0, input.reviewPeriod(0));
        assertEquals(40.0, input.onHand(0));
        assertEquals(10.0, input.onOrder(0));
        assertEquals(2.0, input.backorders(0));
        assertEquals(48.0, input.inventoryPosition(0));
        assertEquals(2.5, input.unitCost(0));
        assertEquals(0.004, input.holdingCostRate(0));
        assertEquals(15.0, input.orderingCost(0));
        assertEquals(0.95, input.targetServiceLevel(0));
        assertEquals(24.0, input.minOrderQuantity(0));
        assertEquals(6.0, input.casePack(0));
        assertEquals(ServiceMeasure.CYCLE_SERVICE_LEVEL, input.serviceMeasure());
    }

    @Test
    void fillRateTargetIsKeptAndAMissingMeasureRejected() {
        ReplenishmentInput input = complete(ReplenishmentInput.builder(), "A@S1")
                .serviceMeasure(ServiceMeasure.FILL_RATE).build();
        assertEquals(ServiceMeasure.FILL_RATE, input.serviceMeasure());
        ValidationException missing = assertThrows(ValidationException.class,
                () -> complete(ReplenishmentInput.builder(), "A@S1").serviceMeasure(null).build());
        assertEquals("serviceMeasure", missing.field());
    }

    @Test
    void optionalFieldsTakeTheirDefaults() {
        ReplenishmentInput input = ReplenishmentInput.builder().add("A").demand(5, 1).leadTime(2, 0)
                .stock(3, 0, 0).costs(1, 0.01, 0).targetServiceLevel(0.9).build();
        assertEquals(0.0, input.reviewPeriod(0));
        assertEquals(0.0, input.minOrderQuantity(0));
        assertEquals(1.0, input.casePack(0));
    }

    @Test
    void builderGrowsPastItsInitialCapacity() {
        ReplenishmentInput.Builder builder = ReplenishmentInput.builder();
        for (int row = 0; row < 200; row++) {
            complete(builder, "sku" + row).demand(row, 1);
        }
        ReplenishmentInput input = builder.build();
        assertEquals(200, input.size());
        assertEquals(199.0, input.demandMean(199));
        assertEquals(6.0, input.casePack(150));
        assertEquals(150, input.skus().indexOf("sku150"));
    }

    @Test
    void unsetRequiredFieldIsReportedAsNaN() {
        assertRejected("onHand", 1, "NaN must be a finite number >= 0.0",
                () -> complete(ReplenishmentInput.builder(), "A").add("B").demand(1, 1).leadTime(1, 0)
                        .costs(1, 0.01, 0).targetServiceLevel(0.9).build());
    }

    @Test
    void settingFieldsBeforeAddIsAnError() {
        assertThrows(IllegalStateException.class, () -> ReplenishmentInput.builder().demand(1, 1));
    }

    @Test
    void repeatedSkuIsRejected() {
        ReplenishmentInput.Builder builder = complete(ReplenishmentInput.builder(), "A");
        assertRejected("sku", 1, "id 'A' was already added", () -> builder.add("A"));
    }

    @Test
    void everyColumnIsRangeChecked() {
        expectRejected("demandMean", "-1.0 must be a finite number >= 0.0", b -> b.demand(-1, 1));
        expectRejected("demandStdDev", "Infinity must be a finite number >= 0.0",
                b -> b.demand(1, Double.POSITIVE_INFINITY));
        expectRejected("leadTimeMean", "-1.0", b -> b.leadTime(-1, 0));
        expectRejected("leadTimeStdDev", "NaN", b -> b.leadTime(1, Double.NaN));
        expectRejected("reviewPeriod", "-7.0", b -> b.reviewPeriod(-7));
        expectRejected("onHand", "-1.0", b -> b.stock(-1, 0, 0));
        expectRejected("onOrder", "-1.0", b -> b.stock(0, -1, 0));
        expectRejected("backorders", "-1.0", b -> b.stock(0, 0, -1));
        expectRejected("unitCost", "-2.0", b -> b.costs(-2, 0, 0));
        expectRejected("holdingCostRate", "-0.1", b -> b.costs(1, -0.1, 0));
        expectRejected("orderingCost", "-5.0", b -> b.costs(1, 0.1, -5));
        expectRejected("targetServiceLevel", "95.0 is not a probability in (0, 1)", b -> b.targetServiceLevel(95));
        expectRejected("targetServiceLevel", "1.0 is not a probability", b -> b.targetServiceLevel(1));
        expectRejected("targetServiceLevel", "0.0 is not a probability", b -> b.targetServiceLevel(0));
        expectRejected("minOrderQuantity", "-1.0", b -> b.orderRules(-1, 1));
        expectRejected("casePack", "0.5 must be a finite number >= 1.0", b -> b.orderRules(0, 0.5));
    }

    private static void expectRejected(String field, String fragment, Consumer<ReplenishmentInput.Builder> spoil) {
        ReplenishmentInput.Builder builder = complete(ReplenishmentInput.builder(), "A");
        complete(builder, "B");
        spoil.accept(builder);
        assertRejected(field, 1, fragment, builder::build);
    }

    @Test
    void columnOfTheWrongLengthIsRejected() {
        IdDictionary skus = IdDictionary.of("sku", "A");
        double[] one = {1};
        assertRejected("casePack", ValidationException.NO_ROW, "has 2 rows, expected 1",
                () -> new ReplenishmentInput(skus, one, one, one, one, one, one, one, one, one, one, one,
                        new double[] {0.9}, one, new double[2]));
        assertRejected("demandMean", ValidationException.NO_ROW, "column is missing",
                () -> new ReplenishmentInput(skus, null, one, one, one, one, one, one, one, one, one, one,
                        new double[] {0.9}, one, one));
        assertRejected("sku", ValidationException.NO_ROW, "id dictionary is missing",
                () -> new ReplenishmentInput(null, one, one, one, one, one, one, one, one, one, one, one,
                        new double[] {0.9}, one, one));
    }
}

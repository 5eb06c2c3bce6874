package io.mercator.api.segmentation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.mercator.api.ValidationException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class CustomerFeaturesTest {

    private static final LocalDate DAY = LocalDate.parse("2011-12-01");

    private static Transactions data() {
        return Transactions.builder()
                .add("a", DAY.minusDays(10), 30)
                .add("a", DAY.minusDays(4), 20)
                .add("a", DAY.minusDays(2), -5)
                .add("a", DAY, 1000)
                .add("b", DAY.minusDays(1), -7)
                .build();
    }

    @Test
    void returnsAreNettedButAreNotPurchasesAndTheAnalysisDayIsExcluded() {
        CustomerFeatures features = CustomerFeatures.of(data(), DAY.toString());
        assertEquals(DAY.toEpochDay(), features.analysisDay());
        assertEquals(4, features.recencyDays(0), 0);
        assertEquals(2, features.frequency(0), 0);
        assertEquals(45, features.monetary(0), 0);
        assertFalse(features.isActive(1));
        assertEquals(0, features.monetary(1), 0);
        assertArrayEquals(new double[] {Math.log(5), Math.log(3), Math.log(46), 0, 0, 0}, features.logValues(), 1e-12);
    }

    @Test
    void blankDateMeansTheDayAfterTheLastTransaction() {
        CustomerFeatures features = CustomerFeatures.of(data(), " ");
        assertEquals(DAY.toEpochDay() + 1, features.analysisDay());
        assertEquals(1, features.recencyDays(0), 0);
        assertEquals(1045, features.monetary(0), 0);
    }

    @Test
    void scoringDayIsTheLaterOfTheAnalysisDayAndTheDayAfterTheLastRow() {
        Transactions transactions = data();
        assertEquals(DAY.toEpochDay() + 1, transactions.scoringDay(10));
        assertEquals(DAY.toEpochDay() + 30, transactions.scoringDay((int) DAY.toEpochDay() + 30));
    }

    @Test
    void assignmentsRoundTrip() throws IOException {
        SegmentAssignment assignment = new SegmentAssignment(data().customers(), new int[] {1, -1}, 2);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        assignment.writeTo(new DataOutputStream(bytes));
        SegmentAssignment read = SegmentAssignment.readFrom(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        assertEquals(1, read.segmentOf("a"));
        assertEquals(SegmentAssignment.UNASSIGNED, read.segmentOf("b"));
        assertEquals(2, read.segmentCount());
        byte[] corrupt = bytes.toByteArray();
        corrupt[3] = 0; // no segments, yet customer "a" is in segment 1
        assertThrows(IOException.class, () -> SegmentAssignment.readFrom(new DataInputStream(new ByteArrayInputStream(corrupt))));
    }

    @Test
    void badDateAndNoTransactionsAreNamed() {
        assertEquals("analysisDate", assertThrows(ValidationException.class,
                () -> CustomerFeatures.of(data(), "01/12/2011")).field());
        assertEquals("transactions", assertThrows(ValidationException.class,
                () -> CustomerFeatures.of(Transactions.builder().build(), "")).field());
    }
}

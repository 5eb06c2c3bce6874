package io.mercator.api.segmentation;

import static io.mercator.api.Rejections.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mercator.api.ValidationException;
import io.mercator.api.data.IdDictionary;
import org.junit.jupiter.api.Test;

class SegmentAssignmentTest {

    private final IdDictionary customers = IdDictionary.of("customers", "c1", "c2", "c3");

    @Test
    void roundTrips() {
        SegmentAssignment assignment = new SegmentAssignment(customers, new int[] {1, -1, 0}, 2);
        assertEquals(3, assignment.size());
        assertEquals(2, assignment.segmentCount());
        assertEquals(customers, assignment.customers());
        assertEquals(1, assignment.segment(0));
        assertEquals(0, assignment.segmentOf("c3"));
        assertEquals(SegmentAssignment.UNASSIGNED, assignment.segmentOf("c2"));
        assertEquals(SegmentAssignment.UNASSIGNED, assignment.segmentOf("unknown"));
    }

    @Test
    void segmentOutOfRangeIsRejected() {
        assertRejected("segment", 2, "2 is not -1 (unassigned) or a segment from 0 to 1",
                () -> new SegmentAssignment(customers, new int[] {0, 1, 2}, 2));
        assertRejected("segment", 0, "-2 is not -1",
                () -> new SegmentAssignment(customers, new int[] {-2, 1, 1}, 2));
    }

    @Test
    void wrongShapeOrCountIsRejected() {
        assertRejected("segment", ValidationException.NO_ROW, "has 2 rows, expected 3",
                () -> new SegmentAssignment(customers, new int[2], 2));
        assertRejected("segmentCount", ValidationException.NO_ROW, "-1 must be >= 0",
                () -> new SegmentAssignment(customers, new int[3], -1));
        assertRejected("customers", ValidationException.NO_ROW, "id dictionary is missing",
                () -> new SegmentAssignment(null, new int[0], 1));
    }
}

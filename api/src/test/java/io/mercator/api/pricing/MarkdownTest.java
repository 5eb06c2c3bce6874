package io.mercator.api.pricing;

import static io.mercator.api.Rejections.assertRejected;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.mercator.api.ValidationException;
import org.junit.jupiter.api.Test;

class MarkdownTest {

    @Test
    void ladderIsSortedHighestFirst() {
        MarkdownRequest request = new MarkdownRequest("x", 10, 4, new double[] {2.99, 4.99, 3.99}, 0.9, 0);
        assertArrayEquals(new double[] {4.99, 3.99, 2.99}, request.priceLadder());
    }

    @Test
    void badRequestsAreRejected() {
        assertRejected("priceLadder", 1, "0.0 must be a finite number > 0",
                () -> new MarkdownRequest("x", 1, 1, new double[] {1, 0}, 1, 0));
        assertRejected("decay", ValidationException.NO_ROW, "1.5 is outside (0, 1]",
                () -> new MarkdownRequest("x", 1, 1, new double[] {1}, 1.5, 0));
        assertRejected("stock", ValidationException.NO_ROW, "-1 must be >= 0",
                () -> new MarkdownRequest("x", -1, 1, new double[] {1}, 1, 0));
    }

    @Test
    void aScheduleNeverRises() {
        assertRejected("price", 1, "rises above the previous",
                () -> new MarkdownSchedule(new double[] {3, 4}, new double[] {1, 1}, 7, 0));
    }
}

package io.mercator.embedded;

import io.mercator.api.segmentation.SegmentAssignment;
import io.mercator.api.segmentation.SegmentProfiles;
import java.util.Objects;

/**
 * What {@link Mercator#segment} answers.
 *
 * @param profiles the segments: names, sizes and mean features
 * @param assignment the segment of each customer of the transactions, by row of its customer ids
 */
public record Segments(SegmentProfiles profiles, SegmentAssignment assignment) {

    /** Checks that no component is missing. */
    public Segments {
        Objects.requireNonNull(profiles, "profiles");
        Objects.requireNonNull(assignment, "assignment");
    }
}

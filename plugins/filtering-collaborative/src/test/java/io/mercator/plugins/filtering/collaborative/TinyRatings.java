package io.mercator.plugins.filtering.collaborative;

import io.mercator.api.filtering.Interactions;

/** The three-user, three-item ratings whose similarities and predictions the tests work out by hand. */
final class TinyRatings {

    /** u1 {A:1, B:2, C:1}, u2 {A:2, B:4}, u3 {A:1, C:3}. */
    static final Interactions RATINGS = Interactions.builder()
            .add("u1", "A", 1).add("u1", "B", 2).add("u1", "C", 1)
            .add("u2", "A", 2).add("u2", "B", 4)
            .add("u3", "A", 1).add("u3", "C", 3)
            .build();

    private TinyRatings() {
    }
}

package io.mercator.api.filtering;

/** Placeholder, replaced by the family's columnar data set. */
public final class Interactions {
}

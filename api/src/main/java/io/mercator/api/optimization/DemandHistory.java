package io.mercator.api.optimization;

/** Placeholder, replaced by the family's columnar data set. */
public final class DemandHistory {
}

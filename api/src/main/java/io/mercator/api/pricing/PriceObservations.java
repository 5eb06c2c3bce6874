package io.mercator.api.pricing;

/** Placeholder, replaced by the family's columnar data set. */
public final class PriceObservations {
}

package io.mercator.api.segmentation;

/** Placeholder, replaced by the family's columnar data set. */
public final class Transactions {
}

package io.mercator.demo;

import java.time.LocalDate;

/**
 * The size and seed of a generated retailer. The same spec always gives the same retailer, byte
 * for byte.
 *
 * @param seed the random seed
 * @param stores number of stores (each also a stock location)
 * @param skus number of products
 * @param customers number of loyalty-card customers
 * @param days length of the history in days
 * @param start the first day of the history
 */
public record RetailerSpec(long seed, int stores, int skus, int customers, int days, LocalDate start) {

    /** Checks the sizes. */
    public RetailerSpec {
        if (stores < 1 || skus < 2 || customers < 1 || days < 14) {
            throw new IllegalArgumentException("a retailer needs at least 1 store, 2 products, 1 customer and 14 days; got "
                    + stores + " stores, " + skus + " products, " + customers + " customers, " + days + " days");
        }
    }

    /** @return the demo default: small enough to generate and train in seconds, two years of history */
    public static RetailerSpec small() {
        return new RetailerSpec(20261122L, 3, 40, 400, 730, LocalDate.of(2024, 1, 1));
    }

    /** @return a size that shows performance: 1,000 products in 10 stores over three years, 5,000 customers */
    public static RetailerSpec large() {
        return new RetailerSpec(20261122L, 10, 1_000, 5_000, 1_095, LocalDate.of(2023, 1, 1));
    }

    /**
     * @param newSeed another seed
     * @return this spec with that seed
     */
    public RetailerSpec withSeed(long newSeed) {
        return new RetailerSpec(newSeed, stores, skus, customers, days, start);
    }
}

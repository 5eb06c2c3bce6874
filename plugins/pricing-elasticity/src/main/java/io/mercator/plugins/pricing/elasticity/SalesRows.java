package io.mercator.plugins.pricing.elasticity;

import io.mercator.api.ValidationException;
import io.mercator.api.pricing.PriceObservations;

/**
 * The rows a log-log regression can use (those that sold something, since zero has no
 * logarithm), grouped by product, with log units and a location index per row (0 for all rows
 * when the data has no locations).
 *
 * @param logUnits per row of the data, log units (0 where nothing sold)
 * @param location per row of the data, its location index
 * @param locationCount the number of locations, at least 1
 * @param rowsOf per product, its rows with units &gt; 0
 */
record SalesRows(double[] logUnits, int[] location, int locationCount, int[][] rowsOf) {

    /**
     * @param data the observations
     * @return the rows
     * @throws ValidationException naming {@code units} when a product never sold
     */
    static SalesRows of(PriceObservations data) {
        int rows = data.size();
        double[] logUnits = new double[rows];
        int[] location = new int[rows];
        int productCount = data.products().size();
        int[] positive = new int[productCount];
        for (int row = 0; row < rows; row++) {
            location[row] = data.hasLocations() ? data.location(row) : 0;
            if (data.units(row) > 0) {
                logUnits[row] = Math.log(data.units(row));
                positive[data.product(row)]++;
            }
        }
        int[][] rowsOf = new int[productCount][];
        for (int p = 0; p < productCount; p++) {
            if (positive[p] == 0) {
                throw new ValidationException("units", "product '" + data.products().id(p)
                        + "' never sold (no row with units > 0): its demand cannot be estimated");
            }
            rowsOf[p] = new int[positive[p]];
            positive[p] = 0;
        }
        for (int row = 0; row < rows; row++) {
            if (data.units(row) > 0) {
                int p = data.product(row);
                rowsOf[p][positive[p]++] = row;
            }
        }
        return new SalesRows(logUnits, location, data.hasLocations() ? data.locations().size() : 1, rowsOf);
    }
}

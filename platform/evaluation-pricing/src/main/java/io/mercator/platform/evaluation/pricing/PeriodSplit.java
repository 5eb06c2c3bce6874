package io.mercator.platform.evaluation.pricing;

import io.mercator.api.ValidationException;
import io.mercator.api.pricing.PriceObservations;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * Splits observations in time: the last {@code holdout} distinct periods are the test part,
 * everything before is the training part. Test rows of products that never appear in training
 * are dropped (and counted), since no model can know them.
 *
 * @param training the rows before the cut
 * @param test the held-out rows of products seen in training
 * @param firstTestPeriod the first held-out period
 * @param droppedTestRows held-out rows of products without training rows
 */
record PeriodSplit(PriceObservations training, PriceObservations test, int firstTestPeriod, int droppedTestRows) {

    /**
     * @param data all observations
     * @param holdout the number of distinct periods to hold out
     * @return the split
     * @throws ValidationException naming {@code holdoutPeriods} when fewer periods remain for
     *     training than are held out
     */
    static PeriodSplit of(PriceObservations data, int holdout) {
        TreeSet<Integer> periods = new TreeSet<>();
        for (int row = 0; row < data.size(); row++) {
            periods.add(data.period(row));
        }
        if (periods.size() < 2 * holdout) {
            throw new ValidationException("holdoutPeriods", holdout + " leaves too little to train on: the data has "
                    + periods.size() + " periods and at least as many must remain for training as are held out");
        }
        int cut = periods.descendingSet().stream().skip(holdout - 1).findFirst().orElseThrow();
        PriceObservations.Builder training = PriceObservations.builder();
        int[] trainingRows = new int[data.size()];
        Set<Integer> trained = new HashSet<>();
        for (int row = 0; row < data.size(); row++) {
            if (data.period(row) < cut) {
                trainingRows[training.size()] = row;
                copy(data, row, training);
                trained.add(data.product(row));
            }
        }
        PriceObservations.Builder test = PriceObservations.builder();
        int[] testRows = new int[data.size()];
        int dropped = 0;
        for (int row = 0; row < data.size(); row++) {
            if (data.period(row) >= cut) {
                if (trained.contains(data.product(row))) {
                    testRows[test.size()] = row;
                    copy(data, row, test);
                } else {
                    dropped++;
                }
            }
        }
        return new PeriodSplit(withSegments(data, training.build(), trainingRows),
                withSegments(data, test.build(), testRows), cut, dropped);
    }

    /** @return the part with the segments of its rows in {@code data}, when the data has segments */
    private static PriceObservations withSegments(PriceObservations data, PriceObservations part, int[] rowsInData) {
        if (!data.hasSegments()) {
            return part;
        }
        int[] segment = new int[part.size()];
        for (int row = 0; row < segment.length; row++) {
            segment[row] = data.segment(rowsInData[row]);
        }
        return part.withSegments(data.segments(), segment);
    }

    private static void copy(PriceObservations data, int row, PriceObservations.Builder to) {
        String product = data.products().id(data.product(row));
        if (data.hasLocations()) {
            to.add(product, data.locations().id(data.location(row)), data.period(row), data.price(row),
                    data.units(row), data.hasPromo() && data.promo(row), data.hasFeature() ? data.feature(row) : 0);
        } else if (data.hasPromo()) {
            to.add(product, data.period(row), data.price(row), data.units(row), data.promo(row));
        } else {
            to.add(product, data.period(row), data.price(row), data.units(row));
        }
    }
}

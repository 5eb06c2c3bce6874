package io.mercator.api.pricing;

import io.mercator.api.ValidationException;

/**
 * An own-price elasticity estimate: the percentage change in units sold for a one percent change
 * in price (usually negative; -2 means a 1% price rise loses about 2% of units), with a
 * confidence interval at a coverage level in percent. Immutable.
 */
public final class Elasticity {

    private final double estimate;
    private final double lowerBound;
    private final double upperBound;
    private final double level;

    /**
     * @param estimate the point estimate, finite
     * @param lowerBound lower end of the interval, finite and &lt;= {@code estimate}
     * @param upperBound upper end of the interval, finite and &gt;= {@code estimate}
     * @param level coverage of the interval in percent, in (0, 100), e.g. {@code 95}
     * @throws ValidationException naming the field at fault
     */
    public Elasticity(double estimate, double lowerBound, double upperBound, double level) {
        if (!Double.isFinite(estimate)) {
            throw new ValidationException("estimate", estimate + " is not a finite number");
        }
        if (!Double.isFinite(lowerBound) || lowerBound > estimate) {
            throw new ValidationException("lowerBound", lowerBound + " must be a finite number <= the estimate " + estimate);
        }
        if (!Double.isFinite(upperBound) || upperBound < estimate) {
            throw new ValidationException("upperBound", upperBound + " must be a finite number >= the estimate " + estimate);
        }
        if (!(level > 0 && level < 100)) {
            throw new ValidationException("level", level + " is not a percentage in (0, 100)");
        }
        this.estimate = estimate;
        this.lowerBound = lowerBound;
        this.upperBound = upperBound;
        this.level = level;
    }

    /** @return the point estimate */
    public double estimate() {
        return estimate;
    }

    /** @return the lower end of the confidence interval */
    public double lowerBound() {
        return lowerBound;
    }

    /** @return the upper end of the confidence interval */
    public double upperBound() {
        return upperBound;
    }

    /** @return the coverage of the interval in percent */
    public double level() {
        return level;
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof Elasticity)) {
            return false;
        }
        Elasticity that = (Elasticity) other;
        return Double.compare(estimate, that.estimate) == 0 && Double.compare(lowerBound, that.lowerBound) == 0
                && Double.compare(upperBound, that.upperBound) == 0 && Double.compare(level, that.level) == 0;
    }

    @Override
    public int hashCode() {
        return Double.hashCode(estimate) * 31 * 31 * 31 + Double.hashCode(lowerBound) * 31 * 31
                + Double.hashCode(upperBound) * 31 + Double.hashCode(level);
    }

    @Override
    public String toString() {
        return estimate + " [" + lowerBound + ", " + upperBound + "] at " + level + "%";
    }
}

package io.mercator.plugins.pricing.elasticity;

import io.mercator.api.ValidationException;
import io.mercator.api.pricing.MarkdownRequest;
import io.mercator.api.pricing.MarkdownSchedule;

/**
 * Clearance pricing by dynamic programming over (period, units left, lowest ladder step used so
 * far). Demand in period t at price p is {@code scale * p^e * decay^t}, rounded to whole units
 * and capped by the stock; the value of a state is the best revenue from there on plus the
 * salvage value of what is left. Because prices may only go down, the best choice from ladder
 * step k is the better of "price k now" and the best choice from step k + 1, which keeps the work
 * at periods x units x steps. Plain Java, no OSGi.
 */
final class MarkdownPlanner {

    /** Upper bound on periods x (stock + 1) x ladder steps: the policy table then takes at most 100 MB. */
    static final long MAX_STATES = 50_000_000L;

    private MarkdownPlanner() {
    }

    /**
     * @param request the clearance problem
     * @param scale demand at price 1 in the first period
     * @param elasticity the constant price elasticity e
     * @return the revenue-maximising schedule
     * @throws ValidationException naming {@code stock} when the problem is too large to plan
     */
    static MarkdownSchedule plan(MarkdownRequest request, double scale, double elasticity) {
        int periods = request.periods();
        int stock = request.stock();
        double[] ladder = request.priceLadder();
        int steps = ladder.length;
        if (steps > Short.MAX_VALUE) {
            throw new ValidationException("priceLadder", steps + " prices are more than the planner's "
                    + Short.MAX_VALUE);
        }
        if ((long) periods * (stock + 1) * steps > MAX_STATES) {
            throw new ValidationException("stock", stock + " units over " + periods + " periods and " + steps
                    + " prices exceed the planner's " + MAX_STATES + " states");
        }
        int[][] demand = new int[periods][steps];
        for (int t = 0; t < periods; t++) {
            for (int k = 0; k < steps; k++) {
                double expected = scale * Math.pow(ladder[k], elasticity) * Math.pow(request.decay(), t);
                demand[t][k] = (int) Math.min(Integer.MAX_VALUE, Math.round(expected));
            }
        }
        double[] next = new double[(stock + 1) * steps];
        for (int s = 0; s <= stock; s++) {
            for (int k = 0; k < steps; k++) {
                next[s * steps + k] = request.salvageValue() * s;
            }
        }
        short[][] choice = new short[periods][];
        double[] value = new double[(stock + 1) * steps];
        for (int t = periods - 1; t >= 0; t--) {
            short[] chosen = new short[(stock + 1) * steps];
            for (int s = 0; s <= stock; s++) {
                for (int k = steps - 1; k >= 0; k--) {
                    int sold = Math.min(s, demand[t][k]);
                    double here = ladder[k] * sold + next[(s - sold) * steps + k];
                    int state = s * steps + k;
                    if (k + 1 < steps && value[state + 1] > here) {
                        value[state] = value[state + 1];
                        chosen[state] = chosen[state + 1];
                    } else {
                        value[state] = here;
                        chosen[state] = (short) k;
                    }
                }
            }
            choice[t] = chosen;
            double[] swap = next;
            next = value;
            value = swap;
        }
        double[] price = new double[periods];
        double[] units = new double[periods];
        int left = stock;
        int step = 0;
        double revenue = 0;
        for (int t = 0; t < periods; t++) {
            int state = left * steps + step;
            step = choice[t][state];
            int sold = Math.min(left, demand[t][step]);
            price[t] = ladder[step];
            units[t] = sold;
            revenue += ladder[step] * sold;
            left -= sold;
        }
        return new MarkdownSchedule(price, units, revenue + request.salvageValue() * left, left);
    }
}

package io.mercator.plugins.optimization.allocation;

import io.mercator.api.ValidationException;
import io.mercator.api.optimization.AllocationPlan;
import io.mercator.api.optimization.AllocationProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;
import org.ojalgo.optimisation.integer.IntegerStrategy;
import org.ojalgo.type.context.NumberContext;

/**
 * Solves an {@link AllocationProblem} with ojAlgo's LP solver, and its integer case-pack
 * variant with ojAlgo's branch-and-bound over the LP relaxation. ojAlgo rather than
 * commons-math3's dense {@code SimplexSolver}: it handles the 20,000-variable problems of a
 * thousand SKUs in twenty warehouses several times faster, and it brings the branch-and-bound.
 *
 * <p>Each open lane has one variable, the number of cases (units divided by the case pack), so
 * that integrality is a flag on the variable; each SKU with a finite shortage penalty has a
 * shortage variable. The demand row is "at least": integer cases may overshoot it.
 */
final class LinearAllocator {

    /** Relative slack below which a constraint counts as binding. */
    private static final double TIGHT = 1e-7;
    /**
     * ojAlgo's branch-and-bound checks its time limit between nodes, and on thousands of integer
     * lanes a single pass ran for minutes past it (117 s on 2,400 lanes with a 5 s limit); larger
     * problems keep the rounded plan, with its proven gap to the LP bound.
     */
    private static final int MAX_SEARCHED_LANES = 400;

    static {
        // without a known hardware profile ojAlgo prints a notice on stdout when it first loads
        if (System.getProperty("shut.up.ojAlgo") == null) {
            System.setProperty("shut.up.ojAlgo", "true");
        }
    }

    private LinearAllocator() {
    }

    /**
     * Solves the LP, or for whole case packs: solves the LP relaxation (its optimum is a lower bound
     * on every whole-case plan), rounds it to whole cases (down, then whole cases added where the
     * demand must be met or where a case costs less than the shortage it saves, cheapest lane
     * first, within capacity and budget), and when that incumbent is not within the wanted gap of
     * the bound, runs ojAlgo's branch-and-bound until the time limit (on up to
     * {@value #MAX_SEARCHED_LANES} lanes, or when rounding found no plan); the best plan found is
     * returned with the bound, so its gap is known.
     *
     * @param problem the allocation
     * @param limits time limit and wanted gap of the whole-case search
     * @return the optimum, or for whole case packs the best plan found with its proven gap
     * @throws ValidationException when no allocation meets the hard demand, naming the capacity
     *     and budget constraints that would have to be relaxed, or when no whole-case plan was found
     *     in time
     */
    static AllocationPlan solve(AllocationProblem problem, MipLimits limits) {
        long start = System.nanoTime();
        requireOpenLaneForHardDemand(problem);
        Formulation lp = new Formulation(problem, false, false);
        Optimisation.Result relaxed = lp.model.minimise();
        if (relaxed.getState() == Optimisation.State.INFEASIBLE) {
            throw infeasible(problem);
        }
        if (!relaxed.getState().isOptimal()) {
            throw new IllegalStateException("the allocation solver stopped in state " + relaxed.getState());
        }
        if (!problem.integerCasePacks()) {
            return lp.plan(lp.values(), relaxed.getValue());
        }
        double bound = relaxed.getValue();
        double[] best = WholeCases.round(problem, lp.values());
        double bestCost = best == null ? Double.POSITIVE_INFINITY : lp.cost(best);
        long remaining = limits.timeLimitMillis() - (System.nanoTime() - start) / 1_000_000;
        if (gap(bestCost, bound) > limits.gap() && remaining > 0
                && (best == null || lp.cases.length <= MAX_SEARCHED_LANES)) {
            Formulation mip = new Formulation(problem, false, true);
            mip.model.options.time_abort = remaining;
            mip.model.options.integer(IntegerStrategy.DEFAULT.withGapTolerance(NumberContext.of(
                    Math.max(1, (int) Math.ceil(-Math.log10(Math.max(limits.gap(), 1e-12)))))));
            Optimisation.Result searched = mip.model.minimise();
            if (searched.getState() == Optimisation.State.INFEASIBLE && best == null) {
                throw new ValidationException("casePack", "no whole number of cases meets the demand that must be "
                        + "met within the capacities and the budget");
            }
            if (searched.getState().isFeasible()) {
                double[] found = mip.values();
                double cost = mip.cost(found);
                if (cost < bestCost) {
                    best = found;
                    bestCost = cost;
                }
                if (searched.getState().isOptimal()) {
                    // proven within the solver's gap tolerance
                    bound = Math.max(bound, Math.min(bestCost, cost) * (1 - limits.gap()));
                }
            }
        }
        if (best == null) {
            throw new ValidationException("integerCasePacks", "no whole-case plan meets the demand that must be met "
                    + "within " + limits.timeLimitMillis() / 1000.0 + " s; raise the time limit, relax a capacity "
                    + "or the budget, or solve the LP relaxation (integerCasePacks=false)");
        }
        return lp.plan(best, Math.min(bound, bestCost));
    }

    /** @return the relative gap of a cost above a bound; infinite without a cost */
    static double gap(double cost, double bound) {
        if (cost == Double.POSITIVE_INFINITY) {
            return Double.POSITIVE_INFINITY;
        }
        return cost > 0 ? (cost - bound) / cost : 0;
    }

    /**
     * How long the whole-case search may run and how close to the bound is close enough.
     *
     * @param timeLimitMillis time for the whole solve, &gt; 0
     * @param gap relative optimality gap at which the search stops, in [0, 1)
     */
    record MipLimits(long timeLimitMillis, double gap) {
        /** Ten seconds, 0.01 %. */
        static final MipLimits DEFAULT = new MipLimits(10_000, 1e-4);
    }

    /**
     * @param problem the allocation
     * @return {@link #solve(AllocationProblem, MipLimits)} with the default limits
     */
    static AllocationPlan solve(AllocationProblem problem) {
        return solve(problem, MipLimits.DEFAULT);
    }

    private static void requireOpenLaneForHardDemand(AllocationProblem problem) {
        int warehouses = problem.warehouses().size();
        for (int s = 0; s < problem.skus().size(); s++) {
            if (problem.demand(s) == 0 || problem.shortagePenalty(s) != Double.POSITIVE_INFINITY) {
                continue;
            }
            boolean open = false;
            for (int w = 0; w < warehouses && !open; w++) {
                open = problem.transportCost(s, w) != Double.POSITIVE_INFINITY;
            }
            if (!open) {
                throw new ValidationException("transportCost", s, "SKU " + problem.skus().id(s)
                        + " must have its demand met but every lane to it is closed");
            }
        }
    }

    /**
     * Re-solves with a non-negative violation on every capacity and the budget, minimising the
     * total violation; the constraints still violated, and with them the capacities left full,
     * are the ones that cannot all hold.
     */
    private static ValidationException infeasible(AllocationProblem problem) {
        Formulation elastic = new Formulation(problem, true, false);
        Optimisation.Result result = elastic.model.minimise();
        if (!result.getState().isFeasible()) {
            throw new IllegalStateException("the elastic allocation solver stopped in state " + result.getState());
        }
        List<String> blocking = new ArrayList<>();
        List<String> full = new ArrayList<>();
        boolean capacityExceeded = false;
        StringBuilder shortfall = new StringBuilder();
        for (int i = 0; i < elastic.violations.size(); i++) {
            String name = elastic.limitNames.get(i);
            double violation = elastic.violations.get(i).getValue().doubleValue();
            double slack = TIGHT * Math.max(1, elastic.limit(i));
            if (violation > slack) {
                blocking.add(name);
                capacityExceeded |= i < elastic.capacity.length;
                shortfall.append(shortfall.length() == 0 ? "" : ", ").append(name).append(" by ")
                        .append(String.format(Locale.ROOT, "%.6g", violation));
            } else if (i < elastic.capacity.length
                    && elastic.limits.get(i).evaluate(result).doubleValue() >= elastic.limit(i) - slack) {
                full.add(name);
            }
        }
        if (capacityExceeded) {
            // units can move between warehouses, so the full ones could not take the excess either
            blocking.addAll(full);
            blocking.sort(null);
        }
        if (shortfall.length() == 0) {
            return new ValidationException("casePack", "no whole number of cases meets the demand that must be met "
                    + "within the capacities and the budget");
        }
        return new ValidationException(String.join(", ", blocking), "cannot all hold while the demand that must be "
                + "met (infinite shortage penalty) is served; the least excess needed is " + shortfall);
    }

    /** The LP (or MIP) of one problem, optionally with violation variables on capacity and budget. */
    private static final class Formulation {
        private final AllocationProblem problem;
        private final ExpressionsBasedModel model = new ExpressionsBasedModel();
        private final Variable[] cases;
        private final Variable[] shortage;
        private final Expression[] capacity;
        private final Expression budget;
        private final Expression[] unitLimits;
        private final List<Variable> violations = new ArrayList<>();
        private final List<Expression> limits = new ArrayList<>();
        private final List<String> limitNames = new ArrayList<>();
        private final List<Double> limitValues = new ArrayList<>();

        Formulation(AllocationProblem problem, boolean elastic, boolean integer) {
            this.problem = problem;
            int skus = problem.skus().size();
            int warehouses = problem.warehouses().size();
            cases = new Variable[skus * warehouses];
            shortage = new Variable[skus];
            capacity = new Expression[warehouses];
            for (int w = 0; w < warehouses; w++) {
                capacity[w] = model.newExpression("capacity[" + problem.warehouses().id(w) + "]")
                        .upper(problem.capacity(w));
            }
            budget = Double.isInfinite(problem.budget()) ? null
                    : model.newExpression(AllocationPlan.BUDGET).upper(problem.budget());
            List<AllocationProblem.UnitLimit> groups = problem.unitLimits();
            unitLimits = new Expression[groups.size()];
            List<List<Integer>> limitsOfSku = new ArrayList<>();
            for (int s = 0; s < skus; s++) {
                limitsOfSku.add(new ArrayList<>());
            }
            for (int g = 0; g < groups.size(); g++) {
                unitLimits[g] = model.newExpression(groups.get(g).name()).upper(groups.get(g).capacity());
                for (int sku : groups.get(g).skus()) {
                    limitsOfSku.get(sku).add(g);
                }
            }
            for (int s = 0; s < skus; s++) {
                Expression demand = model.newExpression("demand[" + problem.skus().id(s) + "]")
                        .lower(problem.demand(s));
                double pack = problem.casePack(s);
                for (int w = 0; w < warehouses; w++) {
                    double transport = problem.transportCost(s, w);
                    if (transport == Double.POSITIVE_INFINITY) {
                        continue;
                    }
                    double unitTotal = problem.unitCost(s) + problem.holdingCost(s) + transport;
                    Variable lane = model.newVariable("x" + s + "_" + w).lower(0)
                            .weight(elastic ? 0 : unitTotal * pack);
                    if (integer) {
                        lane.integer(true);
                    }
                    cases[s * warehouses + w] = lane;
                    demand.set(lane, pack);
                    capacity[w].set(lane, pack);
                    if (budget != null) {
                        budget.set(lane, problem.unitCost(s) * pack);
                    }
                    for (int g : limitsOfSku.get(s)) {
                        unitLimits[g].set(lane, pack);
                    }
                }
                if (problem.shortagePenalty(s) != Double.POSITIVE_INFINITY) {
                    shortage[s] = model.newVariable("short" + s).lower(0)
                            .weight(elastic ? 0 : problem.shortagePenalty(s));
                    demand.set(shortage[s], 1);
                }
            }
            if (elastic) {
                for (int w = 0; w < warehouses; w++) {
                    relax(capacity[w], problem.capacity(w));
                }
                if (budget != null) {
                    relax(budget, problem.budget());
                }
                for (int g = 0; g < unitLimits.length; g++) {
                    relax(unitLimits[g], groups.get(g).capacity());
                }
            }
        }

        private void relax(Expression limit, double value) {
            limitValues.add(value);
            Variable violation = model.newVariable("violation[" + limit.getName() + "]").lower(0).weight(1);
            limit.set(violation, -1);
            violations.add(violation);
            limits.add(limit);
            limitNames.add(limit.getName());
        }

        /** The right-hand side of the {@code i}th relaxed limit: capacities in warehouse order, the budget, unit limits. */
        double limit(int i) {
            return limitValues.get(i);
        }

        /** @return cases per lane at {@code s * warehouses + w} (0 for closed lanes), from the solved model */
        double[] values() {
            double[] values = new double[cases.length];
            for (int i = 0; i < cases.length; i++) {
                values[i] = cases[i] == null ? 0 : Math.max(0, cases[i].getValue().doubleValue());
            }
            return values;
        }

        /** @return the objective of whole or fractional cases per lane, shortages filled in */
        double cost(double[] lanes) {
            int warehouses = problem.warehouses().size();
            double cost = 0;
            for (int s = 0; s < problem.skus().size(); s++) {
                double served = 0;
                for (int w = 0; w < warehouses; w++) {
                    double units = lanes[s * warehouses + w] * problem.casePack(s);
                    if (units > 0) {
                        served += units;
                        cost += units * (problem.unitCost(s) + problem.holdingCost(s) + problem.transportCost(s, w));
                    }
                }
                double unserved = Math.max(0, problem.demand(s) - served);
                cost += unserved > 0 ? unserved * problem.shortagePenalty(s) : 0;
            }
            return cost;
        }

        AllocationPlan plan(double[] lanes, double bound) {
            int skus = problem.skus().size();
            int warehouses = problem.warehouses().size();
            double[] quantity = new double[skus * warehouses];
            double[] unserved = new double[skus];
            double[] used = new double[warehouses];
            double purchase = 0;
            double holding = 0;
            double transport = 0;
            double penalty = 0;
            for (int s = 0; s < skus; s++) {
                double served = 0;
                for (int w = 0; w < warehouses; w++) {
                    double units = lanes[s * warehouses + w] * problem.casePack(s);
                    if (units <= 0) {
                        continue;
                    }
                    quantity[s * warehouses + w] = units;
                    served += units;
                    used[w] += units;
                    purchase += units * problem.unitCost(s);
                    holding += units * problem.holdingCost(s);
                    transport += units * problem.transportCost(s, w);
                }
                // below a millionth of a unit is the solver's rounding, not a shortage
                double missing = problem.demand(s) - served;
                unserved[s] = missing > 1e-6 * Math.max(1, problem.demand(s)) ? missing : 0;
                penalty += unserved[s] > 0 ? unserved[s] * problem.shortagePenalty(s) : 0;
            }
            List<String> binding = new ArrayList<>();
            for (int w = 0; w < warehouses; w++) {
                if (used[w] >= problem.capacity(w) - TIGHT * Math.max(1, problem.capacity(w))) {
                    binding.add(capacity[w].getName());
                }
            }
            if (budget != null && purchase >= problem.budget() - TIGHT * Math.max(1, problem.budget())) {
                binding.add(AllocationPlan.BUDGET);
            }
            for (int g = 0; g < unitLimits.length; g++) {
                AllocationProblem.UnitLimit limit = problem.unitLimits().get(g);
                double units = 0;
                for (int sku : limit.skus()) {
                    for (int w = 0; w < warehouses; w++) {
                        units += quantity[sku * warehouses + w];
                    }
                }
                if (units >= limit.capacity() - TIGHT * Math.max(1, limit.capacity())) {
                    binding.add(limit.name());
                }
            }
            double total = purchase + holding + transport + penalty;
            return new AllocationPlan(problem.skus(), problem.warehouses(), quantity, unserved, purchase, holding,
                    transport, penalty, binding, Math.min(bound, total));
        }
    }
}

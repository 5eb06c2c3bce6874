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
    /** Branch-and-bound on thousands of integer lanes can run for minutes; past this it gives up. */
    private static final long MIP_TIME_LIMIT_MILLIS = 30_000;
    /**
     * Branch-and-bound stops when the best whole-case plan is proven within 4 significant digits
     * (a relative gap of about 0.01 %) of the bound; ojAlgo's default of 7 digits costs minutes
     * even on a few dozen SKUs.
     */
    private static final NumberContext MIP_GAP = NumberContext.of(4);

    static {
        // without a known hardware profile ojAlgo prints a notice on stdout when it first loads
        if (System.getProperty("shut.up.ojAlgo") == null) {
            System.setProperty("shut.up.ojAlgo", "true");
        }
    }

    private LinearAllocator() {
    }

    /**
     * @param problem the allocation
     * @return the proven optimum
     * @throws ValidationException when no allocation meets the hard demand, naming the capacity
     *     and budget constraints that would have to be relaxed
     */
    static AllocationPlan solve(AllocationProblem problem) {
        requireOpenLaneForHardDemand(problem);
        Formulation lp = new Formulation(problem, false);
        if (problem.integerCasePacks()) {
            lp.model.options.time_abort = MIP_TIME_LIMIT_MILLIS;
            lp.model.options.integer(IntegerStrategy.DEFAULT.withGapTolerance(MIP_GAP));
        }
        Optimisation.Result result = lp.model.minimise();
        if (result.getState() == Optimisation.State.INFEASIBLE) {
            throw infeasible(problem);
        }
        if (!result.getState().isOptimal() && problem.integerCasePacks()) {
            throw new ValidationException("integerCasePacks", "branch-and-bound proved no optimum within "
                    + MIP_TIME_LIMIT_MILLIS / 1000 + " s (solver state " + result.getState() + "); solve the LP "
                    + "relaxation (integerCasePacks=false) or split the problem");
        }
        if (!result.getState().isOptimal()) {
            throw new IllegalStateException("the allocation solver stopped in state " + result.getState());
        }
        return lp.plan(result);
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
        Formulation elastic = new Formulation(problem, true);
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
        private final List<Variable> violations = new ArrayList<>();
        private final List<Expression> limits = new ArrayList<>();
        private final List<String> limitNames = new ArrayList<>();

        Formulation(AllocationProblem problem, boolean elastic) {
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
                    if (problem.integerCasePacks()) {
                        lane.integer(true);
                    }
                    cases[s * warehouses + w] = lane;
                    demand.set(lane, pack);
                    capacity[w].set(lane, pack);
                    if (budget != null) {
                        budget.set(lane, problem.unitCost(s) * pack);
                    }
                }
                if (problem.shortagePenalty(s) != Double.POSITIVE_INFINITY) {
                    shortage[s] = model.newVariable("short" + s).lower(0)
                            .weight(elastic ? 0 : problem.shortagePenalty(s));
                    demand.set(shortage[s], 1);
                }
            }
            if (elastic) {
                for (Expression limit : capacity) {
                    relax(limit);
                }
                if (budget != null) {
                    relax(budget);
                }
            }
        }

        private void relax(Expression limit) {
            Variable violation = model.newVariable("violation[" + limit.getName() + "]").lower(0).weight(1);
            limit.set(violation, -1);
            violations.add(violation);
            limits.add(limit);
            limitNames.add(limit.getName());
        }

        /** The right-hand side of the {@code i}th relaxed limit: capacities in warehouse order, then the budget. */
        double limit(int i) {
            return i < capacity.length ? problem.capacity(i) : problem.budget();
        }

        AllocationPlan plan(Optimisation.Result result) {
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
                for (int w = 0; w < warehouses; w++) {
                    Variable lane = cases[s * warehouses + w];
                    if (lane == null) {
                        continue;
                    }
                    double units = Math.max(0, lane.getValue().doubleValue() * problem.casePack(s));
                    quantity[s * warehouses + w] = units;
                    used[w] += units;
                    purchase += units * problem.unitCost(s);
                    holding += units * problem.holdingCost(s);
                    transport += units * problem.transportCost(s, w);
                }
                if (shortage[s] != null) {
                    unserved[s] = Math.max(0, shortage[s].getValue().doubleValue());
                    penalty += unserved[s] * problem.shortagePenalty(s);
                }
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
            return new AllocationPlan(problem.skus(), problem.warehouses(), quantity, unserved, purchase, holding,
                    transport, penalty, binding);
        }
    }
}

package io.mercator.plugins.optimization.allocation;

import io.mercator.api.optimization.AllocationProblem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The rounding heuristic that gives branch-and-bound its first incumbent, and large problems their
 * answer: every lane of the LP relaxation is rounded down to whole cases (which keeps every
 * capacity and the budget), then each SKU short of its demand gets whole cases on its cheapest
 * lanes with room, while its demand must be met or a case costs less than the shortage penalty it
 * saves. Each SKU loses at most a part of a case against the relaxation, so on many SKUs with
 * small cases the result is within a small gap of the bound.
 */
final class WholeCases {

    private WholeCases() {
    }

    /**
     * @param problem an allocation in whole case packs
     * @param relaxed cases per lane of the LP relaxation at {@code s * warehouses + w}
     * @return whole cases per lane, or null when some demand that must be met found no room
     */
    static double[] round(AllocationProblem problem, double[] relaxed) {
        int skus = problem.skus().size();
        int warehouses = problem.warehouses().size();
        double[] cases = new double[relaxed.length];
        double[] room = new double[warehouses];
        for (int w = 0; w < warehouses; w++) {
            room[w] = problem.capacity(w);
        }
        double budget = problem.budget();
        List<AllocationProblem.UnitLimit> limits = problem.unitLimits();
        double[] limitRoom = new double[limits.size()];
        List<List<Integer>> limitsOfSku = new ArrayList<>();
        for (int s = 0; s < skus; s++) {
            limitsOfSku.add(new ArrayList<>());
        }
        for (int g = 0; g < limits.size(); g++) {
            limitRoom[g] = limits.get(g).capacity();
            for (int sku : limits.get(g).skus()) {
                limitsOfSku.get(sku).add(g);
            }
        }
        double[] served = new double[skus];
        for (int s = 0; s < skus; s++) {
            for (int w = 0; w < warehouses; w++) {
                int lane = s * warehouses + w;
                // the solver returns whole values to about 1e-7: 2.9999999 cases are 3
                cases[lane] = Math.floor(relaxed[lane] + 1e-6);
                double units = cases[lane] * problem.casePack(s);
                served[s] += units;
                room[w] -= units;
                budget -= units * problem.unitCost(s);
                for (int g : limitsOfSku.get(s)) {
                    limitRoom[g] -= units;
                }
            }
        }
        // the SKUs whose cases save the most penalty per unit go first; hard demand before all
        Integer[] order = IntStream.range(0, skus).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(s -> -(problem.shortagePenalty(s) - problem.unitCost(s))));
        for (int s : order) {
            double pack = problem.casePack(s);
            boolean hard = problem.shortagePenalty(s) == Double.POSITIVE_INFINITY;
            while (served[s] < problem.demand(s) - 1e-9) {
                double missing = problem.demand(s) - served[s];
                boolean limited = false;
                for (int g : limitsOfSku.get(s)) {
                    limited |= limitRoom[g] < pack - 1e-9;
                }
                int lane = limited ? -1 : cheapestLaneWithRoom(problem, s, room, budget);
                if (lane < 0) {
                    if (hard) {
                        return null;
                    }
                    break;
                }
                int w = lane - s * warehouses;
                double caseCost = pack * (problem.unitCost(s) + problem.holdingCost(s) + problem.transportCost(s, w));
                if (!hard && caseCost >= Math.min(pack, missing) * problem.shortagePenalty(s)) {
                    break;
                }
                cases[lane]++;
                served[s] += pack;
                room[w] -= pack;
                budget -= pack * problem.unitCost(s);
                for (int g : limitsOfSku.get(s)) {
                    limitRoom[g] -= pack;
                }
            }
        }
        return cases;
    }

    private static int cheapestLaneWithRoom(AllocationProblem problem, int sku, double[] room, double budget) {
        int warehouses = problem.warehouses().size();
        double pack = problem.casePack(sku);
        if (pack * problem.unitCost(sku) > budget + 1e-9 * Math.max(1, Math.abs(budget))) {
            return -1;
        }
        int best = -1;
        double cheapest = Double.POSITIVE_INFINITY;
        for (int w = 0; w < warehouses; w++) {
            double transport = problem.transportCost(sku, w);
            if (transport < cheapest && room[w] >= pack - 1e-9) {
                cheapest = transport;
                best = sku * warehouses + w;
            }
        }
        return best;
    }
}

package io.mercator.plugins.optimization.allocation;

import io.mercator.api.AbstractModel;
import io.mercator.api.optimization.AllocationPlan;
import io.mercator.api.optimization.AllocationProblem;
import io.mercator.api.optimization.ReplenishmentInput;
import io.mercator.api.optimization.ReplenishmentModel;
import io.mercator.api.optimization.ReplenishmentPlan;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The LP strategy's model: its settings only, since it plans from the input alone. Plans are
 * budget-constrained replenishment; {@link #allocate} solves multi-warehouse allocations.
 */
final class AllocationModel extends AbstractModel implements ReplenishmentModel {

    private static final int MAGIC = 0x414c4c4f; // "ALLO"
    private static final int FORMAT = 2;

    private final double budget;
    private final double marginRate;
    private final boolean integerCasePacks;
    private final LinearAllocator.MipLimits limits;

    /**
     * @param budget purchase budget per plan, {@code +Infinity} for none
     * @param marginRate lost margin of an unserved unit as a fraction of its unit cost
     * @param integerCasePacks whether orders are whole cases
     * @param limits time limit and wanted gap of whole-case searches
     */
    AllocationModel(String name, String version, double budget, double marginRate, boolean integerCasePacks,
            LinearAllocator.MipLimits limits) {
        super(name, version, MAGIC, FORMAT);
        this.budget = budget;
        this.marginRate = marginRate;
        this.integerCasePacks = integerCasePacks;
        this.limits = limits;
    }

    @Override
    public ReplenishmentPlan plan(ReplenishmentInput input) {
        return BudgetedReplenishment.plan(input, budget, marginRate, integerCasePacks, limits);
    }

    @Override
    public AllocationPlan allocate(AllocationProblem problem) {
        return LinearAllocator.solve(problem, limits);
    }

    @Override
    protected void writeBody(DataOutputStream data) throws IOException {
        data.writeDouble(budget);
        data.writeDouble(marginRate);
        data.writeBoolean(integerCasePacks);
        data.writeLong(limits.timeLimitMillis());
        data.writeDouble(limits.gap());
    }

    static AllocationModel read(InputStream in) throws IOException {
        DataInputStream data = new DataInputStream(in);
        Header header = readHeader(data, MAGIC, FORMAT, "an LP allocation model");
        String name = header.strategyName();
        String version = header.strategyVersion();
        double budget = data.readDouble();
        double marginRate = data.readDouble();
        boolean integerCasePacks = data.readBoolean();
        long timeLimit = data.readLong();
        double gap = data.readDouble();
        if (!(budget >= 0) || !(marginRate >= 0) || Double.isInfinite(marginRate) || timeLimit <= 0
                || !(gap >= 0 && gap < 1)) {
            throw new IOException("corrupt LP allocation model: budget " + budget + ", margin rate " + marginRate
                    + ", time limit " + timeLimit + " ms, gap " + gap);
        }
        return new AllocationModel(name, version, budget, marginRate, integerCasePacks,
                new LinearAllocator.MipLimits(timeLimit, gap));
    }
}

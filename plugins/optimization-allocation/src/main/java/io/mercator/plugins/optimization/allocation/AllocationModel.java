package io.mercator.plugins.optimization.allocation;

import io.mercator.api.optimization.AllocationPlan;
import io.mercator.api.optimization.AllocationProblem;
import io.mercator.api.optimization.ReplenishmentInput;
import io.mercator.api.optimization.ReplenishmentModel;
import io.mercator.api.optimization.ReplenishmentPlan;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The LP strategy's model: its settings only, since it plans from the input alone. Plans are
 * budget-constrained replenishment; {@link #allocate} solves multi-warehouse allocations.
 */
final class AllocationModel implements ReplenishmentModel {

    private static final int MAGIC = 0x414c4c4f; // "ALLO"
    private static final int FORMAT = 1;

    private final String name;
    private final String version;
    private final double budget;
    private final double marginRate;
    private final boolean integerCasePacks;

    /**
     * @param budget purchase budget per plan, {@code +Infinity} for none
     * @param marginRate lost margin of an unserved unit as a fraction of its unit cost
     * @param integerCasePacks whether orders are whole cases
     */
    AllocationModel(String name, String version, double budget, double marginRate, boolean integerCasePacks) {
        this.name = name;
        this.version = version;
        this.budget = budget;
        this.marginRate = marginRate;
        this.integerCasePacks = integerCasePacks;
    }

    @Override
    public ReplenishmentPlan plan(ReplenishmentInput input) {
        return BudgetedReplenishment.plan(input, budget, marginRate, integerCasePacks);
    }

    @Override
    public AllocationPlan allocate(AllocationProblem problem) {
        return LinearAllocator.solve(problem);
    }

    @Override
    public String strategyName() {
        return name;
    }

    @Override
    public String strategyVersion() {
        return version;
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        DataOutputStream data = new DataOutputStream(out);
        data.writeInt(MAGIC);
        data.writeInt(FORMAT);
        data.writeUTF(name);
        data.writeUTF(version);
        data.writeDouble(budget);
        data.writeDouble(marginRate);
        data.writeBoolean(integerCasePacks);
        data.flush();
    }

    static AllocationModel read(InputStream in) throws IOException {
        DataInputStream data = new DataInputStream(in);
        if (data.readInt() != MAGIC || data.readInt() != FORMAT) {
            throw new IOException("not an LP allocation model of format " + FORMAT);
        }
        String name = data.readUTF();
        String version = data.readUTF();
        double budget = data.readDouble();
        double marginRate = data.readDouble();
        boolean integerCasePacks = data.readBoolean();
        if (!(budget >= 0) || !(marginRate >= 0) || Double.isInfinite(marginRate)) {
            throw new IOException("corrupt LP allocation model: budget " + budget + ", margin rate " + marginRate);
        }
        return new AllocationModel(name, version, budget, marginRate, integerCasePacks);
    }
}

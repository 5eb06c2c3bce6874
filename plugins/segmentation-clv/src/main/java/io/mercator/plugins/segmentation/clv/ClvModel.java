package io.mercator.plugins.segmentation.clv;

import io.mercator.api.AbstractModel;
import io.mercator.api.segmentation.SegmentAssignment;
import io.mercator.api.segmentation.SegmentProfiles;
import io.mercator.api.segmentation.SegmentationModel;
import io.mercator.api.segmentation.Transactions;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;

/** The fitted BG/NBD and Gamma-Gamma parameters, the value tiers, and the fit-time segment of every customer. */
final class ClvModel extends AbstractModel implements SegmentationModel {

    private static final int MAGIC = 0x434c5631; // "CLV1"
    private static final int FORMAT = 2;

    private final int analysisDay;
    private final ValueTiers tiers;
    private final SegmentAssignment fitted;
    private final SegmentProfiles profiles;

    ClvModel(String name, String version, int analysisDay, ValueTiers tiers, SegmentAssignment fitted,
            SegmentProfiles profiles) {
        super(name, version, MAGIC, FORMAT);
        this.analysisDay = analysisDay;
        this.tiers = tiers;
        this.fitted = fitted;
        this.profiles = profiles;
    }

    /** @return the fitted BG/NBD parameters */
    BgNbd parameters() {
        return tiers.model();
    }

    /** @return the fitted Gamma-Gamma parameters */
    GammaGamma spend() {
        return tiers.spend();
    }

    @Override
    public SegmentProfiles segments() {
        return profiles;
    }

    /**
     * Predicts from the new transactions as of the later of the model's analysis day and the day
     * after the last of them, with the fit-time parameters and tiers.
     */
    @Override
    public SegmentAssignment assign(Transactions transactions) {
        RepeatPurchases history = RepeatPurchases.of(transactions, transactions.scoringDay(analysisDay));
        return new SegmentAssignment(transactions.customers(), tiers.segments(history, tiers.predict(history)),
                profiles.size());
    }

    @Override
    public int segmentOf(String customerId) {
        return fitted.segmentOf(customerId);
    }

    @Override
    protected void writeBody(DataOutputStream data) throws IOException {
        data.writeInt(analysisDay);
        BgNbd model = tiers.model();
        GammaGamma spend = tiers.spend();
        for (double value : new double[] {model.r(), model.alpha(), model.a(), model.b(), spend.p(), spend.q(),
            spend.gamma(), tiers.horizonWeeks(), tiers.annualDiscountRate(), tiers.aliveThreshold(), tiers.cuts()[0],
            tiers.cuts()[1]}) {
            data.writeDouble(value);
        }
        fitted.writeTo(data);
        profiles.writeTo(data);
    }

    static ClvModel read(InputStream in) throws IOException {
        DataInputStream data = new DataInputStream(in);
        Header header = readHeader(data, MAGIC, FORMAT, "a BG/NBD segmentation model");
        String name = header.strategyName();
        String version = header.strategyVersion();
        int analysisDay = data.readInt();
        double[] values = new double[12];
        for (int v = 0; v < values.length; v++) {
            values[v] = data.readDouble();
        }
        ValueTiers tiers = new ValueTiers(new BgNbd(values[0], values[1], values[2], values[3]),
                new GammaGamma(values[4], values[5], values[6]), values[7], values[8], values[9],
                new double[] {values[10], values[11]});
        SegmentAssignment fitted = SegmentAssignment.readFrom(data);
        return new ClvModel(name, version, analysisDay, tiers, fitted, SegmentProfiles.readFrom(data));
    }
}

package io.mercator.plugins.segmentation.clv;

import io.mercator.api.data.IdDictionary;
import io.mercator.api.segmentation.SegmentAssignment;
import io.mercator.api.segmentation.SegmentProfiles;
import io.mercator.api.segmentation.SegmentationModel;
import io.mercator.api.segmentation.Transactions;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** The fitted BG/NBD parameters, the value tiers, and the fit-time segment of every customer. */
final class ClvModel implements SegmentationModel {

    private static final int MAGIC = 0x434c5631; // "CLV1"
    private static final int FORMAT = 1;

    private final String name;
    private final String version;
    private final int analysisDay;
    private final ValueTiers tiers;
    private final IdDictionary customers;
    private final int[] segment;
    private final SegmentProfiles profiles;

    ClvModel(String name, String version, int analysisDay, ValueTiers tiers, IdDictionary customers, int[] segment,
            SegmentProfiles profiles) {
        this.name = name;
        this.version = version;
        this.analysisDay = analysisDay;
        this.tiers = tiers;
        this.customers = customers;
        this.segment = segment;
        this.profiles = profiles;
    }

    /** @return the fitted BG/NBD parameters */
    BgNbd parameters() {
        return tiers.model();
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
        int day = analysisDay;
        for (int row = 0; row < transactions.size(); row++) {
            day = Math.max(day, transactions.day(row) + 1);
        }
        RepeatPurchases history = RepeatPurchases.of(transactions, day);
        return new SegmentAssignment(transactions.customers(), tiers.segments(history, tiers.predict(history)),
                profiles.size());
    }

    @Override
    public int segmentOf(String customerId) {
        int row = customers.indexOf(customerId);
        return row < 0 ? SegmentAssignment.UNASSIGNED : segment[row];
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
        data.writeInt(analysisDay);
        BgNbd model = tiers.model();
        for (double value : new double[] {model.r(), model.alpha(), model.a(), model.b(), tiers.horizonWeeks(),
            tiers.aliveThreshold(), tiers.cuts()[0], tiers.cuts()[1]}) {
            data.writeDouble(value);
        }
        data.writeInt(customers.size());
        for (int c = 0; c < customers.size(); c++) {
            data.writeUTF(customers.id(c));
            data.writeInt(segment[c]);
        }
        profiles.writeTo(data);
        data.flush();
    }

    static ClvModel read(InputStream in) throws IOException {
        DataInputStream data = new DataInputStream(in);
        if (data.readInt() != MAGIC || data.readInt() != FORMAT) {
            throw new IOException("not a BG/NBD segmentation model of format " + FORMAT);
        }
        String name = data.readUTF();
        String version = data.readUTF();
        int analysisDay = data.readInt();
        double[] values = new double[8];
        for (int v = 0; v < values.length; v++) {
            values[v] = data.readDouble();
        }
        ValueTiers tiers = new ValueTiers(new BgNbd(values[0], values[1], values[2], values[3]), values[4], values[5],
                new double[] {values[6], values[7]});
        int count = data.readInt();
        if (count < 0) {
            throw new IOException("corrupt model: negative customer count");
        }
        String[] ids = new String[count];
        int[] segment = new int[count];
        for (int c = 0; c < count; c++) {
            ids[c] = data.readUTF();
            segment[c] = data.readInt();
        }
        return new ClvModel(name, version, analysisDay, tiers, IdDictionary.of("customers", ids), segment,
                SegmentProfiles.readFrom(data));
    }
}

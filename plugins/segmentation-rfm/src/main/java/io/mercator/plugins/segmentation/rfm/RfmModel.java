package io.mercator.plugins.segmentation.rfm;

import io.mercator.api.data.IdDictionary;
import io.mercator.api.segmentation.CustomerFeatures;
import io.mercator.api.segmentation.SegmentAssignment;
import io.mercator.api.segmentation.SegmentProfiles;
import io.mercator.api.segmentation.SegmentationModel;
import io.mercator.api.segmentation.Transactions;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** RFM cut points learnt at fit time, the fit-time segment of every customer and the segment profiles. */
final class RfmModel implements SegmentationModel {

    private static final int MAGIC = 0x52464d31; // "RFM1"
    private static final int FORMAT = 1;

    /** Profile features: the raw values, then the three scores. */
    static final String[] PROFILE_FEATURES = {"recencyDays", "frequency", "monetary", "recencyScore",
        "frequencyScore", "monetaryScore"};

    private final String name;
    private final String version;
    private final int analysisDay;
    private final RfmScores scores;
    private final IdDictionary customers;
    private final int[] segment;
    private final SegmentProfiles profiles;

    RfmModel(String name, String version, int analysisDay, RfmScores scores, IdDictionary customers, int[] segment,
            SegmentProfiles profiles) {
        this.name = name;
        this.version = version;
        this.analysisDay = analysisDay;
        this.scores = scores;
        this.customers = customers;
        this.segment = segment;
        this.profiles = profiles;
    }

    /**
     * Scores every customer and names its segment.
     *
     * @param features the customers' features
     * @param scores the cut points
     * @param profileColumns receives the profile features per customer, {@code [6][customers]}
     * @return the segment per customer, unassigned for inactive ones
     */
    static int[] segments(CustomerFeatures features, RfmScores scores, double[][] profileColumns) {
        int[] segment = new int[features.size()];
        for (int c = 0; c < features.size(); c++) {
            if (!features.isActive(c)) {
                segment[c] = SegmentAssignment.UNASSIGNED;
                continue;
            }
            int r = scores.score(0, features.recencyDays(c));
            int f = scores.score(1, features.frequency(c));
            int m = scores.score(2, features.monetary(c));
            segment[c] = RfmScores.segment(r, f, m);
            double[] row = {features.recencyDays(c), features.frequency(c), features.monetary(c), r, f, m};
            for (int column = 0; column < row.length; column++) {
                profileColumns[column][c] = row[column];
            }
        }
        return segment;
    }

    /** @return the epoch day the fit-time features were measured at */
    int analysisDay() {
        return analysisDay;
    }

    @Override
    public SegmentProfiles segments() {
        return profiles;
    }

    /**
     * Scores the customers against the fit-time cut points, as of the later of the model's
     * analysis day and the day after the last of the new transactions.
     */
    @Override
    public SegmentAssignment assign(Transactions transactions) {
        int day = analysisDay;
        for (int row = 0; row < transactions.size(); row++) {
            day = Math.max(day, transactions.day(row) + 1);
        }
        CustomerFeatures features = CustomerFeatures.of(transactions, day);
        int[] assigned = segments(features, scores, new double[PROFILE_FEATURES.length][features.size()]);
        return new SegmentAssignment(transactions.customers(), assigned, profiles.size());
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
        for (double[] featureCuts : scores.cuts()) {
            for (double cut : featureCuts) {
                data.writeDouble(cut);
            }
        }
        data.writeInt(customers.size());
        for (int c = 0; c < customers.size(); c++) {
            data.writeUTF(customers.id(c));
            data.writeInt(segment[c]);
        }
        profiles.writeTo(data);
        data.flush();
    }

    static RfmModel read(InputStream in) throws IOException {
        DataInputStream data = new DataInputStream(in);
        if (data.readInt() != MAGIC || data.readInt() != FORMAT) {
            throw new IOException("not an RFM segmentation model of format " + FORMAT);
        }
        String name = data.readUTF();
        String version = data.readUTF();
        int analysisDay = data.readInt();
        double[][] cuts = new double[3][RfmScores.LEVELS - 1];
        for (double[] featureCuts : cuts) {
            for (int j = 0; j < featureCuts.length; j++) {
                featureCuts[j] = data.readDouble();
            }
        }
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
        SegmentProfiles profiles = SegmentProfiles.readFrom(data);
        return new RfmModel(name, version, analysisDay, new RfmScores(cuts), IdDictionary.of("customers", ids),
                segment, profiles);
    }
}

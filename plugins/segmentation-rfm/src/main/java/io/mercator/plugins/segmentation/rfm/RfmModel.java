package io.mercator.plugins.segmentation.rfm;

import io.mercator.api.AbstractModel;
import io.mercator.api.segmentation.CustomerFeatures;
import io.mercator.api.segmentation.SegmentAssignment;
import io.mercator.api.segmentation.SegmentProfiles;
import io.mercator.api.segmentation.SegmentationModel;
import io.mercator.api.segmentation.Transactions;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;

/** RFM cut points learnt at fit time, the fit-time segment of every customer and the segment profiles. */
final class RfmModel extends AbstractModel implements SegmentationModel {

    private static final int MAGIC = 0x52464d31; // "RFM1"
    private static final int FORMAT = 1;

    /** Profile features: the raw values, then the three scores. */
    static final String[] PROFILE_FEATURES = {"recencyDays", "frequency", "monetary", "recencyScore",
        "frequencyScore", "monetaryScore"};

    private final int analysisDay;
    private final RfmScores scores;
    private final SegmentAssignment fitted;
    private final SegmentProfiles profiles;

    RfmModel(String name, String version, int analysisDay, RfmScores scores, SegmentAssignment fitted,
            SegmentProfiles profiles) {
        super(name, version, MAGIC, FORMAT);
        this.analysisDay = analysisDay;
        this.scores = scores;
        this.fitted = fitted;
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
        CustomerFeatures features = CustomerFeatures.of(transactions, transactions.scoringDay(analysisDay));
        int[] assigned = segments(features, scores, new double[PROFILE_FEATURES.length][features.size()]);
        return new SegmentAssignment(transactions.customers(), assigned, profiles.size());
    }

    @Override
    public int segmentOf(String customerId) {
        return fitted.segmentOf(customerId);
    }

    @Override
    protected void writeBody(DataOutputStream data) throws IOException {
        data.writeInt(analysisDay);
        for (double[] featureCuts : scores.cuts()) {
            for (double cut : featureCuts) {
                data.writeDouble(cut);
            }
        }
        fitted.writeTo(data);
        profiles.writeTo(data);
    }

    static RfmModel read(InputStream in) throws IOException {
        DataInputStream data = new DataInputStream(in);
        Header header = readHeader(data, MAGIC, FORMAT, "an RFM segmentation model");
        String name = header.strategyName();
        String version = header.strategyVersion();
        int analysisDay = data.readInt();
        double[][] cuts = new double[3][RfmScores.LEVELS - 1];
        for (double[] featureCuts : cuts) {
            for (int j = 0; j < featureCuts.length; j++) {
                featureCuts[j] = data.readDouble();
            }
        }
        SegmentAssignment fitted = SegmentAssignment.readFrom(data);
        return new RfmModel(name, version, analysisDay, new RfmScores(cuts), fitted, SegmentProfiles.readFrom(data));
    }
}

package io.mercator.plugins.segmentation.propensity;

import io.mercator.api.AbstractModel;
import io.mercator.api.data.IdDictionary;
import io.mercator.api.segmentation.PropensityModel;
import io.mercator.api.segmentation.SegmentAssignment;
import io.mercator.api.segmentation.SegmentProfiles;
import io.mercator.api.segmentation.Transactions;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.OptionalDouble;

/** The fitted regression and its calibration, the fit-time probability and segment of every customer, and the profiles. */
final class PurchasePropensityModel extends AbstractModel implements PropensityModel {

    private static final int MAGIC = 0x50524f50; // "PROP"
    private static final int FORMAT = 2;

    static final String[] SEGMENTS = {"likely", "possible", "unlikely"};
    static final String[] PROFILE_FEATURES = {"probability", "recencyDays", "frequency", "monetary"};

    private final int analysisDay;
    private final int horizonDays;
    private final LogisticRegression regression;
    private final PlattScaling calibration;
    private final IdDictionary customers;
    private final double[] probability;
    private final SegmentProfiles profiles;

    PurchasePropensityModel(String name, String version, int analysisDay, int horizonDays,
            LogisticRegression regression, PlattScaling calibration, IdDictionary customers, double[] probability,
            SegmentProfiles profiles) {
        super(name, version, MAGIC, FORMAT);
        this.analysisDay = analysisDay;
        this.horizonDays = horizonDays;
        this.regression = regression;
        this.calibration = calibration;
        this.customers = customers;
        this.probability = probability;
        this.profiles = profiles;
    }

    /** @return the calibrated probability of every customer, -1 for those without a purchase */
    static double[] probabilities(LogisticRegression regression, PlattScaling calibration, PurchaseFeatures features) {
        double[] probability = new double[features.base.size()];
        for (int c = 0; c < probability.length; c++) {
            probability[c] = features.base.isActive(c)
                    ? calibration.probability(regression.score(features.values, c)) : -1;
        }
        return probability;
    }

    /** @return the segment of a probability: likely from 0.5, possible from 0.2, unlikely below */
    static int segment(double probability) {
        if (probability < 0) {
            return SegmentAssignment.UNASSIGNED;
        }
        return probability >= 0.5 ? 0 : probability >= 0.2 ? 1 : 2;
    }

    static int[] segments(double[] probability) {
        int[] segment = new int[probability.length];
        for (int c = 0; c < segment.length; c++) {
            segment[c] = segment(probability[c]);
        }
        return segment;
    }

    @Override
    public String outcome() {
        return "purchase in the next " + horizonDays + " days";
    }

    @Override
    public int horizonDays() {
        return horizonDays;
    }

    @Override
    public OptionalDouble probabilityOf(String customerId) {
        int row = customers.indexOf(customerId);
        return row < 0 || probability[row] < 0 ? OptionalDouble.empty() : OptionalDouble.of(probability[row]);
    }

    @Override
    public SegmentProfiles segments() {
        return profiles;
    }

    /** Scores the customers as of the later of the model's analysis day and the day after the last new transaction. */
    @Override
    public SegmentAssignment assign(Transactions transactions) {
        double[] scored = probabilities(regression, calibration,
                PurchaseFeatures.of(transactions, transactions.scoringDay(analysisDay)));
        return new SegmentAssignment(transactions.customers(), segments(scored), profiles.size());
    }

    @Override
    public int segmentOf(String customerId) {
        int row = customers.indexOf(customerId);
        return row < 0 ? SegmentAssignment.UNASSIGNED : segment(probability[row]);
    }

    @Override
    protected void writeBody(DataOutputStream data) throws IOException {
        data.writeInt(analysisDay);
        data.writeInt(horizonDays);
        data.writeDouble(regression.intercept());
        data.writeInt(regression.coefficients().length);
        for (double coefficient : regression.coefficients()) {
            data.writeDouble(coefficient);
        }
        data.writeDouble(calibration.slope());
        data.writeDouble(calibration.intercept());
        data.writeInt(customers.size());
        for (int c = 0; c < customers.size(); c++) {
            data.writeUTF(customers.id(c));
            data.writeDouble(probability[c]);
        }
        profiles.writeTo(data);
    }

    static PurchasePropensityModel read(InputStream in) throws IOException {
        DataInputStream data = new DataInputStream(in);
        Header header = readHeader(data, MAGIC, FORMAT, "a purchase propensity model");
        String name = header.strategyName();
        String version = header.strategyVersion();
        int analysisDay = data.readInt();
        int horizonDays = data.readInt();
        double intercept = data.readDouble();
        int dimensions = data.readInt();
        if (dimensions != PurchaseFeatures.DIMENSIONS) {
            throw new IOException("corrupt model: " + dimensions + " coefficients");
        }
        double[] coefficients = new double[dimensions];
        for (int d = 0; d < dimensions; d++) {
            coefficients[d] = data.readDouble();
        }
        PlattScaling calibration = new PlattScaling(data.readDouble(), data.readDouble());
        int count = data.readInt();
        if (count < 0) {
            throw new IOException("corrupt model: negative customer count");
        }
        String[] ids = new String[count];
        double[] probability = new double[count];
        for (int c = 0; c < count; c++) {
            ids[c] = data.readUTF();
            probability[c] = data.readDouble();
        }
        return new PurchasePropensityModel(name, version, analysisDay, horizonDays,
                new LogisticRegression(intercept, coefficients), calibration, IdDictionary.of("customers", ids), probability,
                SegmentProfiles.readFrom(data));
    }
}

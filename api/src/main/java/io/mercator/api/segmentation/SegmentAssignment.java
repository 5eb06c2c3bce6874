package io.mercator.api.segmentation;

import io.mercator.api.ValidationException;
import io.mercator.api.data.Columns;
import io.mercator.api.data.IdDictionary;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * The segment of each customer: row {@code r} is customer {@code customers().id(r)} and
 * {@code segment(r)} is an index into the model's {@link SegmentProfiles}, or -1 when the customer
 * could not be assigned (for example, no transactions). Immutable; the segment array is not
 * copied, so callers must not change it after construction.
 */
public final class SegmentAssignment {

    /** The segment of a customer that could not be assigned. */
    public static final int UNASSIGNED = -1;

    private final IdDictionary customers;
    private final int[] segment;
    private final int segmentCount;

    /**
     * @param customers the customers, one per row
     * @param segment per customer, a segment index from 0 to {@code segmentCount - 1}, or
     *     {@link #UNASSIGNED}
     * @param segmentCount the number of segments of the model, &gt;= 0
     * @throws ValidationException naming the field and row at fault
     */
    public SegmentAssignment(IdDictionary customers, int[] segment, int segmentCount) {
        this.customers = Columns.requireDictionary("customers", customers);
        if (segmentCount < 0) {
            throw new ValidationException("segmentCount", segmentCount + " must be >= 0");
        }
        Columns.requireLength("segment", segment, customers.size());
        for (int row = 0; row < segment.length; row++) {
            if (segment[row] < UNASSIGNED || segment[row] >= segmentCount) {
                throw new ValidationException("segment", row, segment[row] + " is not -1 (unassigned) or a segment from 0 to "
                        + (segmentCount - 1));
            }
        }
        this.segment = segment;
        this.segmentCount = segmentCount;
    }

    /**
     * Writes the assignment in a compact binary form that {@link #readFrom} reads back; for
     * models that store the fit-time segment of every customer.
     *
     * @param out where to write
     * @throws IOException when writing fails
     */
    public void writeTo(DataOutput out) throws IOException {
        out.writeInt(segmentCount);
        out.writeInt(customers.size());
        for (int row = 0; row < segment.length; row++) {
            out.writeUTF(customers.id(row));
            out.writeInt(segment[row]);
        }
    }

    /**
     * @param in bytes written by {@link #writeTo}
     * @return the assignment
     * @throws IOException when the bytes cannot be read or do not hold a valid assignment
     */
    public static SegmentAssignment readFrom(DataInput in) throws IOException {
        int segmentCount = in.readInt();
        int count = in.readInt();
        if (count < 0) {
            throw new IOException("corrupt segment assignment: " + count + " customers");
        }
        String[] ids = new String[count];
        int[] segment = new int[count];
        for (int row = 0; row < count; row++) {
            ids[row] = in.readUTF();
            segment[row] = in.readInt();
        }
        try {
            return new SegmentAssignment(IdDictionary.of("customers", ids), segment, segmentCount);
        } catch (ValidationException corrupt) {
            throw new IOException("corrupt segment assignment: " + corrupt.getMessage(), corrupt);
        }
    }

    /** @return the customers, one per row */
    public IdDictionary customers() {
        return customers;
    }

    /** @return the number of customers */
    public int size() {
        return customers.size();
    }

    /** @return the number of segments the indices refer to */
    public int segmentCount() {
        return segmentCount;
    }

    /**
     * @param row a customer index into {@link #customers()}
     * @return that customer's segment, or {@link #UNASSIGNED}
     */
    public int segment(int row) {
        return segment[row];
    }

    /**
     * @param customerId a customer id
     * @return that customer's segment, or {@link #UNASSIGNED} when the customer is not listed or
     *     not assigned
     */
    public int segmentOf(String customerId) {
        int row = customers.indexOf(customerId);
        return row < 0 ? UNASSIGNED : segment[row];
    }
}

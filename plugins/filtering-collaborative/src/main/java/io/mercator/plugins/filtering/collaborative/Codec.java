package io.mercator.plugins.filtering.collaborative;

import io.mercator.api.data.IdDictionary;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/** Length-prefixed primitive arrays and id lists in the models' binary format. */
final class Codec {

    private Codec() {
    }

    static void writeDoubles(DataOutputStream out, double[] values) throws IOException {
        out.writeInt(values.length);
        for (double value : values) {
            out.writeDouble(value);
        }
    }

    static double[] readDoubles(DataInputStream in) throws IOException {
        double[] values = new double[readLength(in)];
        for (int k = 0; k < values.length; k++) {
            values[k] = in.readDouble();
        }
        return values;
    }

    static void writeInts(DataOutputStream out, int[] values) throws IOException {
        out.writeInt(values.length);
        for (int value : values) {
            out.writeInt(value);
        }
    }

    static int[] readInts(DataInputStream in) throws IOException {
        int[] values = new int[readLength(in)];
        for (int k = 0; k < values.length; k++) {
            values[k] = in.readInt();
        }
        return values;
    }

    static void writeIds(DataOutputStream out, IdDictionary ids) throws IOException {
        out.writeInt(ids.size());
        for (int k = 0; k < ids.size(); k++) {
            out.writeUTF(ids.id(k));
        }
    }

    static IdDictionary readIds(DataInputStream in, String field) throws IOException {
        String[] ids = new String[readLength(in)];
        for (int k = 0; k < ids.length; k++) {
            ids[k] = in.readUTF();
        }
        return IdDictionary.of(field, ids);
    }

    private static int readLength(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0) {
            throw new IOException("corrupt model: negative array length " + length);
        }
        return length;
    }
}

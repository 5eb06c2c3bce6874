package io.mercator.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class AbstractModelTest {

    /** A model whose body is one number. */
    private static final class Constant extends AbstractModel {
        private final double value;

        Constant(String name, String version, double value) {
            super(name, version, 0x434f4e53, 3);
            this.value = value;
        }

        @Override
        protected void writeBody(DataOutputStream out) throws IOException {
            out.writeDouble(value);
        }

        static Constant read(byte[] bytes) throws IOException {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
            Header header = readHeader(in, 0x434f4e53, 3, "a constant model");
            return new Constant(header.strategyName(), header.strategyVersion(), in.readDouble());
        }
    }

    private static byte[] bytesOf(Model model) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        model.writeTo(bytes);
        return bytes.toByteArray();
    }

    @Test
    void headerAndBodyRoundTrip() throws IOException {
        byte[] bytes = bytesOf(new Constant("constant", "1.2.0", 4.5));
        assertEquals(4 + 4 + (2 + 8) + (2 + 5) + 8, bytes.length, "magic, format, two UTF strings, the body");
        Constant read = Constant.read(bytes);
        assertEquals("constant", read.strategyName());
        assertEquals("1.2.0", read.strategyVersion());
        assertEquals(4.5, read.value, 0);
    }

    @Test
    void anotherKindOrFormatIsRefused() throws IOException {
        byte[] bytes = bytesOf(new Constant("constant", "1.0.0", 1));
        bytes[7] = 2; // format 3 becomes 2
        IOException wrongFormat = assertThrows(IOException.class, () -> Constant.read(bytes));
        assertEquals("not a constant model of format 3", wrongFormat.getMessage());
        assertThrows(IOException.class, () -> Constant.read(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9}));
        byte[] good = bytesOf(new Constant("constant", "1.0.0", 1));
        IOException otherStrategy = assertThrows(IOException.class, () -> AbstractModel.readHeader(
                new DataInputStream(new ByteArrayInputStream(good)), 0x434f4e53, 3, "a constant model", "zero"));
        assertEquals("the model was fitted by constant, not zero", otherStrategy.getMessage());
    }
}

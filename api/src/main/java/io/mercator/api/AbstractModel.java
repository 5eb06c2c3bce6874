package io.mercator.api;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * A base for models whose bytes are a header (magic number, format version, strategy name and
 * version) followed by the model's own body. Subclasses write the body; reading starts with
 * {@link #readHeader}, which rejects bytes of another kind or format with a clear message.
 */
public abstract class AbstractModel implements Model {

    /**
     * What a model's header says.
     *
     * @param strategyName the name of the strategy that fitted the model
     * @param strategyVersion the version of the strategy that fitted the model
     */
    public record Header(String strategyName, String strategyVersion) {
    }

    private final String strategyName;
    private final String strategyVersion;
    private final int magic;
    private final int format;

    /**
     * @param strategyName the name of the strategy that fitted the model
     * @param strategyVersion the version of the strategy that fitted the model
     * @param magic the number that marks this kind of model's bytes
     * @param format the version of the body's layout; a reader accepts only its own
     */
    protected AbstractModel(String strategyName, String strategyVersion, int magic, int format) {
        this.strategyName = strategyName;
        this.strategyVersion = strategyVersion;
        this.magic = magic;
        this.format = format;
    }

    @Override
    public final String strategyName() {
        return strategyName;
    }

    @Override
    public final String strategyVersion() {
        return strategyVersion;
    }

    /**
     * Writes what follows the header.
     *
     * @param out where to write
     * @throws IOException when writing fails
     */
    protected abstract void writeBody(DataOutputStream out) throws IOException;

    @Override
    public final void writeTo(OutputStream out) throws IOException {
        DataOutputStream data = new DataOutputStream(out);
        data.writeInt(magic);
        data.writeInt(format);
        data.writeUTF(strategyName);
        data.writeUTF(strategyVersion);
        writeBody(data);
        data.flush();
    }

    /**
     * Reads the header {@link #writeTo} wrote; the body follows in {@code in}.
     *
     * @param in the model's bytes
     * @param magic the number that marks the expected kind of model
     * @param format the body layout the reader understands
     * @param kind the kind of model, for the error message, e.g. {@code "an ETS model"}
     * @return the header
     * @throws IOException when the bytes are of another kind or format, or cannot be read
     */
    protected static Header readHeader(DataInputStream in, int magic, int format, String kind) throws IOException {
        if (in.readInt() != magic || in.readInt() != format) {
            throw new IOException("not " + kind + " of format " + format);
        }
        return new Header(in.readUTF(), in.readUTF());
    }

    /**
     * Like {@link #readHeader(DataInputStream, int, int, String)}, for strategies that share one
     * model kind: the model must also have been fitted by the strategy reading it.
     *
     * @param in the model's bytes
     * @param magic the number that marks the expected kind of model
     * @param format the body layout the reader understands
     * @param kind the kind of model, for the error message
     * @param expectedName the name of the reading strategy
     * @return the header
     * @throws IOException when the bytes are of another kind, format or strategy, or cannot be read
     */
    protected static Header readHeader(DataInputStream in, int magic, int format, String kind, String expectedName)
            throws IOException {
        Header header = readHeader(in, magic, format, kind);
        if (!header.strategyName().equals(expectedName)) {
            throw new IOException("the model was fitted by " + header.strategyName() + ", not " + expectedName);
        }
        return header;
    }
}

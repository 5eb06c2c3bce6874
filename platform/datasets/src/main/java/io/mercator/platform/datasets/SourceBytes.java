package io.mercator.platform.datasets;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Opens a file for reading as text: decompresses {@code .gz}, decodes strictly (bytes that are not
 * valid in the charset fail instead of becoming replacement characters) and counts the bytes read
 * from disk for progress.
 */
final class SourceBytes extends FilterInputStream {

    private final long size;
    private volatile long read;

    private SourceBytes(InputStream in, long size) {
        super(in);
        this.size = size;
    }

    /**
     * @param file the file
     * @param charset its encoding
     * @return the counting stream and the decoding reader on top of it
     * @throws NoSuchFileException when the file does not exist
     */
    static Opened open(Path file, Charset charset) throws IOException {
        SourceBytes counted = new SourceBytes(Files.newInputStream(file), Files.size(file));
        try {
            InputStream in = file.getFileName().toString().endsWith(".gz")
                    ? new GZIPInputStream(counted, 1 << 16) : counted;
            CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            return new Opened(counted, new InputStreamReader(in, decoder));
        } catch (IOException notGzip) {
            counted.close();
            throw notGzip;
        }
    }

    /** A reader and the byte count behind it. */
    record Opened(SourceBytes bytes, Reader reader) {
    }

    /** @return the fraction of the file's bytes read, 0 to 1 */
    double fraction() {
        return size <= 0 ? 0 : Math.min(1, (double) read / size);
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            read++;
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            read += n;
        }
        return n;
    }
}

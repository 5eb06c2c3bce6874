package io.mercator.platform.datasets;

import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Opens a file for reading as text: decompresses {@code .gz}, decodes strictly (bytes that are not
 * valid in the charset fail instead of becoming replacement characters), drops a leading byte order
 * mark and counts the bytes read from disk for progress.
 */
final class SourceBytes extends FilterInputStream {

    /** Spreadsheet programs start UTF-8 files with it; it is not part of the first column's name. */
    private static final int BYTE_ORDER_MARK = '\uFEFF';

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
            PushbackReader reader = new PushbackReader(new BufferedReader(new InputStreamReader(in, decoder),
                    1 << 16));
            int first = reader.read();
            if (first >= 0 && first != BYTE_ORDER_MARK) {
                reader.unread(first);
            }
            return new Opened(counted, reader);
        } catch (ZipException notGzip) {
            counted.close();
            throw new SourceRows.SourceException(0, "", "is not gzip-compressed although its name ends in .gz");
        } catch (CharacterCodingException badBytes) {
            counted.close();
            throw new SourceRows.SourceException(1, "", "is not valid " + charset.name()
                    + " text; give the right --encoding");
        } catch (IOException unreadable) {
            counted.close();
            throw unreadable;
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

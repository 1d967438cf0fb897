package org.discern.io;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * The decompressed bytes of a gzip file (RFC 1952): one member or several concatenated
 * ({@code cat a.gz b.gz}), each header and trailer checked (CRC-32 and length). Anything after
 * the last member that is not another member — trailing garbage, a second file appended, zero
 * padding — is an {@link InputException} naming the file and the byte offset where it starts.
 *
 * <p>The JDK's {@code GZIPInputStream} silently ends the stream at such bytes (and looks for a
 * next member only when {@code available()} says there are bytes, which a pipe need not), so a
 * damaged file read as the valid prefix before the damage; this class reads every byte.
 *
 * <p>Not thread-safe; closing it closes the underlying stream.
 */
final class GzipMembers extends InputStream {
    private static final int KNOWN_FLAGS = 0x1f;
    private static final int FHCRC = 0x02;
    private static final int FEXTRA = 0x04;
    private static final int FNAME = 0x08;
    private static final int FCOMMENT = 0x10;

    private final String name;
    private final InputStream in;
    private final Inflater inflater = new Inflater(true);
    private final CRC32 crc = new CRC32();
    private final byte[] buf;
    private int pos; // next unconsumed byte of buf
    private int end; // bytes of buf filled
    private long offset; // offset in the file of buf[0]
    private long memberBytes; // uncompressed bytes of the current member
    private boolean done;
    private final byte[] one = new byte[1];

    /**
     * @param name the file name for messages
     * @param in the compressed stream, positioned at the first byte of the first member
     * @throws InputException when the stream does not start with a valid gzip header
     */
    GzipMembers(String name, InputStream in, int bufferSize) throws IOException {
        this.name = name;
        this.in = in;
        this.buf = new byte[Math.max(512, bufferSize)];
        if (!header(true)) {
            throw error(0, "expected a gzip header, found an empty file");
        }
    }

    @Override
    public int read() throws IOException {
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (!done) {
            int n;
            try {
                n = inflater.inflate(b, off, len);
            } catch (DataFormatException e) {
                throw new InputException(name, 0, null, String.format(Locale.ROOT,
                        "expected deflate-compressed data in the gzip member before byte offset %d, found corrupt"
                                + " data (%s)", here(), e.getMessage()), e);
            }
            if (n > 0) {
                crc.update(b, off, n);
                memberBytes += n;
                return n;
            }
            if (inflater.finished()) {
                pos = end - inflater.getRemaining();
                trailer();
                if (!header(false)) {
                    done = true;
                }
            } else if (inflater.needsInput()) {
                if (!fill()) {
                    throw error(here(), "expected more gzip-compressed data, found the end of the file"
                            + " (a truncated gzip stream)");
                }
                inflater.setInput(buf, pos, end - pos);
                pos = end;
            } else if (inflater.needsDictionary()) {
                throw error(here(), "expected gzip-compressed data, found a deflate stream that needs a dictionary");
            }
        }
        return -1;
    }

    /** Offset in the file of the next byte not yet given to the inflater (or consumed). */
    private long here() {
        return offset + pos - (inflater.needsInput() ? 0 : inflater.getRemaining());
    }

    /** Checks the 8-byte trailer of the member just inflated. */
    private void trailer() throws IOException {
        long at = offset + pos;
        long storedCrc = u32();
        long storedSize = u32();
        if (storedCrc < 0 || storedSize < 0) {
            throw error(at, "expected the 8-byte gzip trailer (CRC-32 and length), found the end of the file"
                    + " (a truncated gzip stream)");
        }
        if (storedCrc != crc.getValue() || storedSize != (memberBytes & 0xffffffffL)) {
            throw error(at, String.format(Locale.ROOT, "expected the gzip trailer to match the data (CRC-32 %08x,"
                    + " length %d mod 2^32), found CRC-32 %08x, length %d: the file is damaged",
                    crc.getValue(), memberBytes & 0xffffffffL, storedCrc, storedSize));
        }
    }

    /**
     * Reads the header of the next member and readies the inflater for it. False at the end of
     * the file (only allowed after a member, {@code first} false).
     */
    private boolean header(boolean first) throws IOException {
        long at = offset + pos;
        int id1 = u8();
        if (id1 < 0) {
            return false;
        }
        int id2 = u8();
        int cm = u8();
        if (id1 != 0x1f || id2 != 0x8b || cm != 8) {
            throw error(at, first ? "expected a gzip header (1f 8b 08), found other bytes"
                    : "expected the end of the file or another gzip member after the last gzip member, found other"
                            + " bytes (trailing garbage: the file is damaged or something was appended to it)");
        }
        int flags = u8();
        if (flags < 0 || (flags & ~KNOWN_FLAGS) != 0) {
            throw error(at, "expected a gzip header, found " + (flags < 0 ? "the end of the file"
                    : "reserved flag bits set"));
        }
        skip(6, at); // MTIME, XFL, OS
        if ((flags & FEXTRA) != 0) {
            int lo = u8();
            int hi = u8();
            if (hi < 0) {
                throw truncatedHeader(at);
            }
            skip(lo | hi << 8, at);
        }
        if ((flags & FNAME) != 0) {
            zeroTerminated(at);
        }
        if ((flags & FCOMMENT) != 0) {
            zeroTerminated(at);
        }
        if ((flags & FHCRC) != 0) {
            skip(2, at);
        }
        inflater.reset();
        crc.reset();
        memberBytes = 0;
        if (pos < end) {
            inflater.setInput(buf, pos, end - pos);
            pos = end;
        }
        return true;
    }

    private void zeroTerminated(long at) throws IOException {
        int b;
        do {
            b = u8();
            if (b < 0) {
                throw truncatedHeader(at);
            }
        } while (b != 0);
    }

    private void skip(int n, long at) throws IOException {
        for (int i = 0; i < n; i++) {
            if (u8() < 0) {
                throw truncatedHeader(at);
            }
        }
    }

    private InputException truncatedHeader(long at) {
        return error(at, "expected a complete gzip header, found the end of the file (a truncated gzip stream)");
    }

    private long u32() throws IOException {
        long v = 0;
        for (int i = 0; i < 4; i++) {
            int b = u8();
            if (b < 0) {
                return -1;
            }
            v |= (long) b << (8 * i);
        }
        return v;
    }

    /** The next compressed byte, or -1 at the end of the file. */
    private int u8() throws IOException {
        if (pos == end && !fill()) {
            return -1;
        }
        return buf[pos++] & 0xff;
    }

    /** Refills {@code buf} after its consumed bytes; false at the end of the file. */
    private boolean fill() throws IOException {
        offset += end;
        pos = 0;
        end = 0;
        int n = in.read(buf, 0, buf.length);
        if (n <= 0) {
            return false;
        }
        end = n;
        return true;
    }

    private InputException error(long at, String problem) {
        return new InputException(name, 0, null, "byte offset " + at + ": " + problem);
    }

    @Override
    public void close() throws IOException {
        inflater.end();
        in.close();
    }
}

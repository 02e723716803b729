package dev.seguito.capture;

import dev.seguito.api.Http;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * How a raw capture is kept. A capture that arrived gzip-compressed is kept as it arrived: compressing the page again
 * cost ~2 ms of CPU for the same bytes. Sent as JSON, that is the request's JSON ({@code raw_format = 'request'},
 * V13); sent as the page itself, it is the gzip of the page ({@code 'page'}). Any other is the page, gzip at the
 * fastest level, compressed by the server on a worker thread ({@code 'page'}): PostgreSQL's
 * own compression (pglz) of a 400 KB page cost 7–23 ms inside the capture transaction (docs/benchmarks.md, section
 * 2). 'page' captures stored before migration V9 hold their UTF-8 text bytes; the gzip magic number tells the two
 * apart (no page or mail starts with byte 0x1f).
 */
final class RawPages {

    static final String PAGE = "page";
    static final String REQUEST = "request";

    private RawPages() {
    }

    /** What is stored: the bytes and which of the two formats they are in. */
    record Stored(Buffer bytes, String format) {
    }

    /** The captured page or mail of a stored raw capture. */
    static String content(Buffer stored, String format) {
        if (!REQUEST.equals(format)) {
            return text(stored);
        }
        try {
            // storableStrings cleans each string of the request, as when it was received
            return CaptureRequest.from(Http.storableStrings(new JsonObject(Buffer.buffer(decoded(stored))))).content();
        } catch (RuntimeException e) {
            throw new IllegalStateException("A raw capture kept as its request is not a capture request", e);
        }
    }

    /** @param bytes the page or mail in UTF-8 */
    static Buffer gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 4 + 64);
        try (GZIPOutputStream gzip = new FastGzip(out)) {
            gzip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // in-memory streams do not fail
        }
        return Buffer.buffer(out.toByteArray());
    }

    /** The stored page or mail as text; a page sent as the body was kept as it arrived, U+0000 included. */
    static String text(Buffer stored) {
        return Http.storableUtf8(decoded(stored));
    }

    /** The stored bytes, inflated when they are gzip. */
    private static byte[] decoded(Buffer stored) {
        byte[] bytes = stored.getBytes();
        if (bytes.length < 2 || (bytes[0] & 0xff) != 0x1f || (bytes[1] & 0xff) != 0x8b) {
            return bytes;
        }
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("A stored raw capture is not readable gzip", e);
        }
    }

    /** {@link GZIPOutputStream} at {@link Deflater#BEST_SPEED}: the page is kept for re-parsing, not archived. */
    private static final class FastGzip extends GZIPOutputStream {
        FastGzip(ByteArrayOutputStream out) throws IOException {
            super(out, 64 * 1024);
            def.setLevel(Deflater.BEST_SPEED);
        }
    }
}

package dev.seguito.api;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

/**
 * Checks the {@code Content-Encoding} of a request body and leaves the decoding to {@link Http#body} and
 * {@link Http#largeBody}, which run behind authentication: an anonymous caller must not make the server inflate up to
 * the body limit. Bodies are decoded here rather than in Netty: Netty's decompressor closes the connection on a body
 * that is not really gzip, and a client deserves a 400 that says why. The limit applies to the decoded size (a small
 * gzip of zeros must not become 64 MB in memory): above it, 413.
 */
final class GzipBodies implements Handler<RoutingContext> {

    /** Where the body's encoding is kept for {@link Http}: a {@link Encoding}. */
    static final String ENCODING = "seguito.bodyEncoding";

    /** How the body of this request is encoded and how large it may be once decoded. */
    record Encoding(boolean gzip, int maxBytes) {
    }

    private final int maxBytes;

    GzipBodies(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    public void handle(RoutingContext ctx) {
        String header = ctx.request().getHeader("Content-Encoding");
        String encoding = header == null ? "" : header.trim();
        boolean identity = encoding.isEmpty() || encoding.equalsIgnoreCase("identity");
        if (!identity && !encoding.equalsIgnoreCase("gzip") && !encoding.equalsIgnoreCase("x-gzip")) {
            throw ApiError.badRequest("Content-Encoding \"" + encoding + "\" is not supported; send gzip or no encoding");
        }
        ctx.put(ENCODING, new Encoding(!identity, maxBytes));
        ctx.next();
    }

    /** The body as the route reads it: inflated when it arrived gzip, at most {@code maxBytes} either way. */
    static Buffer decode(Buffer received, boolean gzip, int maxBytes) {
        if (!gzip) {
            if (received.length() > maxBytes) {
                throw tooLarge(maxBytes, "");
            }
            return received;
        }
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(received.getBytes()))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(maxBytes, received.length() * 4 + 1024));
            byte[] chunk = new byte[16 * 1024];
            for (int n; (n = in.read(chunk)) > 0; ) {
                if (out.size() + n > maxBytes) {
                    throw tooLarge(maxBytes, " once decompressed");
                }
                out.write(chunk, 0, n);
            }
            return Buffer.buffer(out.toByteArray());
        } catch (IOException e) {
            throw ApiError.badRequest("The body says Content-Encoding: gzip but is not valid gzip (" + e.getMessage() + ")");
        }
    }

    private static ApiError tooLarge(int maxBytes, String when) {
        String limit = maxBytes >= 1024 * 1024 ? maxBytes / (1024 * 1024) + " MB" : maxBytes / 1024 + " KB";
        return new ApiError(413, "payload_too_large", "The body is larger than " + limit + when
                + ", the most this route accepts");
    }
}

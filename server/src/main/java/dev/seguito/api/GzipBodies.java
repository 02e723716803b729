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
 * Decodes {@code Content-Encoding: gzip} request bodies here rather than in Netty: Netty's decompressor closes the
 * connection on a body that is not really gzip, and a client deserves a 400 that says why. The limit applies to the
 * decoded size (a small gzip of zeros must not become 64 MB in memory): above it, 413.
 */
final class GzipBodies implements Handler<RoutingContext> {

    /** Where the decoded body is kept for {@link Http#body}. */
    static final String DECODED_BODY = "seguito.decodedBody";

    private final int maxBytes;

    GzipBodies(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    public void handle(RoutingContext ctx) {
        String header = ctx.request().getHeader("Content-Encoding");
        String encoding = header == null ? "" : header.trim();
        if (encoding.isEmpty() || encoding.equalsIgnoreCase("identity") || ctx.body() == null || ctx.body().length() <= 0) {
            ctx.next();
            return;
        }
        if (!encoding.equalsIgnoreCase("gzip") && !encoding.equalsIgnoreCase("x-gzip")) {
            throw ApiError.badRequest("Content-Encoding \"" + encoding + "\" is not supported; send gzip or no encoding");
        }
        ctx.put(DECODED_BODY, gunzip(ctx.body().buffer()));
        ctx.next();
    }

    private Buffer gunzip(Buffer compressed) {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed.getBytes()))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(maxBytes, compressed.length() * 4 + 1024));
            byte[] chunk = new byte[16 * 1024];
            for (int n; (n = in.read(chunk)) > 0; ) {
                if (out.size() + n > maxBytes) {
                    throw new ApiError(413, "payload_too_large",
                            "The body is larger than " + maxBytes / (1024 * 1024) + " MB once decompressed");
                }
                out.write(chunk, 0, n);
            }
            return Buffer.buffer(out.toByteArray());
        } catch (IOException e) {
            throw ApiError.badRequest("The body says Content-Encoding: gzip but is not valid gzip (" + e.getMessage() + ")");
        }
    }
}

package dev.seguito.capture;

import dev.seguito.api.ApiError;
import dev.seguito.api.Http;
import dev.seguito.parse.CaptureSource;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.MultiMap;

import java.util.ArrayList;
import java.util.List;

/**
 * A capture as it came in: the validated request, its payload hash, and what is kept as its raw capture. Made on the
 * worker thread that decoded the body, in one of two forms (docs/api.md, "Captures"):
 * <ul>
 *   <li>the page itself as the body ({@code text/html} or {@code message/rfc822}, the details in the query and the
 *   {@code Idempotency-Key} header): the bytes hash as they are and, when they arrived gzip, are kept as they are.
 *   The extension sends this form: a 400 KB page costs ~1.4 ms of CPU to read, against ~4 ms wrapped in JSON (decoding
 *   the string, checking it, encoding it again for the hash; docs/benchmarks.md, section 2);</li>
 *   <li>a JSON object with the page in {@code html} or {@code mime}.</li>
 * </ul>
 *
 * @param payloadHash the hash that tells a retry (same key, same page) from a client bug (same key, other page)
 * @param kept        the raw capture to store, or {@code null} when the server compresses {@code utf8} itself
 * @param utf8        the page or mail in UTF-8, for {@link RawPages#gzip} when {@code kept} is {@code null}
 */
record ReceivedCapture(CaptureRequest request, byte[] payloadHash, RawPages.Stored kept, byte[] utf8) {

    /** The JSON form; {@code asReceived} is the body when it arrived gzip, kept as it is. */
    static ReceivedCapture ofJson(JsonObject body, Buffer asReceived) {
        CaptureRequest request = CaptureRequest.from(body);
        CaptureRequest.Encoded encoded = request.encode();
        return new ReceivedCapture(request, encoded.payloadHash(),
                asReceived == null ? null : new RawPages.Stored(asReceived, RawPages.REQUEST), encoded.utf8());
    }

    /**
     * The page-as-body form. {@code page} is the decoded body; {@code asReceived} the body when it arrived gzip, which
     * is then the gzip of the page, kept as it is.
     */
    static ReceivedCapture ofPage(MultiMap query, String idempotencyKey, String contentType, Buffer page, Buffer asReceived) {
        String sourceName = query.get("source");
        CaptureSource source = CaptureRequest.source(sourceName);
        boolean mail = contentType.startsWith("message/rfc822");
        if (mail != (source == CaptureSource.EML)) {
            throw ApiError.badRequest(mail ? "A message/rfc822 body is for source eml"
                    : "Source eml takes the raw message as message/rfc822");
        }
        byte[] bytes = page.getBytes();
        // unlike the JSON form, there are no escapes that could spell half a surrogate pair
        String content = Http.storableUtf8(bytes);
        JsonObject fields = new JsonObject().put("source", sourceName).put("pageUrl", query.get("pageUrl"))
                .put("capturedAt", query.get("capturedAt")).put("sentAt", query.get("sentAt"))
                .put("idempotencyKey", idempotencyKey);
        List<String> own = query.getAll("ownEmail");
        if (!own.isEmpty()) {
            fields.put("ownEmails", new JsonArray(new ArrayList<>(own)));
        }
        // the query's strings can carry what the page cannot (%00); the page was made storable above
        CaptureRequest request = CaptureRequest.from(Http.storableStrings(fields).put(mail ? "mime" : "html", content));
        return new ReceivedCapture(request, CaptureRequest.payloadHash(request.source(), request.pageUrl(), bytes),
                asReceived == null ? null : new RawPages.Stored(asReceived, RawPages.PAGE), bytes);
    }
}

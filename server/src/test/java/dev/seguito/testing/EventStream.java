package dev.seguito.testing;

import dev.seguito.SeguitoServer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/** A side panel's view of {@code GET /api/v1/events}: what the server streamed so far, as text. */
public final class EventStream implements AutoCloseable {

    private final HttpClient http;
    private final HttpClientResponse response;
    private final List<String> received;

    private EventStream(HttpClient http, HttpClientResponse response, List<String> received) {
        this.http = http;
        this.response = response;
        this.received = received;
    }

    /** Opens the stream with {@code token} and returns once the server said it is connected. */
    public static EventStream open(SeguitoServer server, String token) {
        return open(server, token, new HttpClientOptions());
    }

    /** The same over a client of its own, such as one speaking HTTP/2 over TLS. */
    public static EventStream open(SeguitoServer server, String token, HttpClientOptions options) {
        List<String> received = new CopyOnWriteArrayList<>();
        HttpClient http = server.vertx().createHttpClient(options);
        HttpClientResponse response = http.request(new RequestOptions().setMethod(HttpMethod.GET)
                        .setHost("127.0.0.1").setPort(server.port()).setURI("/api/v1/events")
                        .putHeader("Authorization", "Bearer " + token))
                .compose(req -> req.send().map(r -> r.handler(chunk -> received.add(chunk.toString()))))
                .await();
        EventStream stream = new EventStream(http, response, received);
        stream.awaitText("the stream is open", text -> text.contains(": connected"));
        return stream;
    }

    public String contentType() {
        return response.getHeader("Content-Type");
    }

    /** Everything streamed so far. */
    public String text() {
        return String.join("", received);
    }

    /** Waits (up to a minute) until the streamed text satisfies {@code condition}, and returns it. */
    public String awaitText(String what, Predicate<String> condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.test(text())) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what + "; received: " + text());
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting until " + what, e);
            }
        }
        return text();
    }

    @Override
    public void close() {
        http.close().await();
    }
}

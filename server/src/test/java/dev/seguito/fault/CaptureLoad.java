package dev.seguito.fault;

import dev.seguito.testing.RawHttp;
import dev.seguito.testing.UniqueCaptures;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;

/**
 * Concurrent clients that capture distinct people the way the extension does: each capture has its own idempotency
 * key, and a 5xx, a 409 "still being processed" or no answer at all is retried with the same key after a pause.
 * Bounded: a capture gives up after {@code maxAttempts}.
 */
final class CaptureLoad implements AutoCloseable {

    record Sent(String key, String slug, int status, String captureId, int attempts) {
    }

    private final String prefix = "load" + UUID.randomUUID().toString().substring(0, 6);
    private final ExecutorService pool;
    private final List<Future<List<Sent>>> clients = new ArrayList<>();
    private final AtomicInteger acknowledged = new AtomicInteger();
    final Map<Integer, Integer> retriedStatuses = new ConcurrentHashMap<>();

    CaptureLoad(int clients) {
        this.pool = Executors.newFixedThreadPool(clients);
    }

    String prefix() {
        return prefix;
    }

    int acknowledged() {
        return acknowledged.get();
    }

    /** Starts {@code clients} clients, each sending {@code perClient} captures one after the other. */
    CaptureLoad start(int clients, int perClient, IntSupplier port, String token, int maxAttempts, long pauseMillis) {
        for (int c = 0; c < clients; c++) {
            int client = c;
            this.clients.add(pool.submit(() -> {
                List<Sent> sent = new ArrayList<>();
                for (int i = 0; i < perClient; i++) {
                    int n = client * perClient + i;
                    String key = UUID.randomUUID().toString();
                    JsonObject body = UniqueCaptures.linkedin(prefix, n, key);
                    RawHttp.Answer answer = null;
                    int attempt = 0;
                    while (attempt < maxAttempts) {
                        attempt++;
                        answer = new RawHttp(port.getAsInt(), token).post("/api/v1/captures", body);
                        if (answer.status() == 200 || answer.status() == 201) {
                            acknowledged.incrementAndGet();
                            break;
                        }
                        if (answer.status() != -1 && answer.status() < 500 && answer.status() != 409) {
                            break; // a client error: retrying cannot help
                        }
                        retriedStatuses.merge(answer.status(), 1, Integer::sum);
                        Thread.sleep(pauseMillis);
                    }
                    boolean ok = answer != null && (answer.status() == 200 || answer.status() == 201);
                    sent.add(new Sent(key, UniqueCaptures.slug(prefix, n), answer == null ? -1 : answer.status(),
                            ok ? answer.json().getString("captureId") : null, attempt));
                }
                return sent;
            }));
        }
        return this;
    }

    /** Waits for every client; the caller wraps this in a hang guard. */
    List<Sent> results() throws Exception {
        List<Sent> all = new ArrayList<>();
        for (Future<List<Sent>> client : clients) {
            all.addAll(client.get());
        }
        return all;
    }

    /** Blocks until at least {@code n} captures were acknowledged (bounded by the caller's hang guard). */
    void awaitAcknowledged(int n) throws InterruptedException {
        while (acknowledged.get() < n) {
            Thread.sleep(50);
        }
    }

    @Override
    public void close() throws InterruptedException {
        pool.shutdownNow();
        pool.awaitTermination(10, TimeUnit.SECONDS);
    }
}

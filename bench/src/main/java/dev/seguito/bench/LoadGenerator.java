package dev.seguito.bench;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import org.HdrHistogram.Histogram;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;

/**
 * A closed-loop HTTP load generator on its own Vert.x instance: exactly {@code inFlight} requests outstanding, a
 * bounded number of requests (and a time cap), every latency recorded in an HdrHistogram. Closed loop means the
 * latencies are service times at that concurrency; it does not model an open arrival rate (no coordinated-omission
 * correction), which is the right question for "how fast does the side panel answer while N others are asking".
 */
public final class LoadGenerator implements AutoCloseable {

    /** One request to send: method, path with query, headers and an optional body. */
    public record Call(HttpMethod method, String uri, Map<String, String> headers, Buffer body) {
        public static Call get(String uri, Map<String, String> headers) {
            return new Call(HttpMethod.GET, uri, headers, null);
        }
    }

    private final Vertx vertx = Vertx.vertx();
    private final int port;

    public LoadGenerator(int port) {
        this.port = port;
    }

    /**
     * Sends {@code requests} calls ({@code calls.apply(i)} for i = 0..requests-1) with {@code inFlight} outstanding,
     * stopping early after {@code maxSeconds}. A response whose status is not {@code expectStatus} counts as an error.
     */
    public LoadResult run(String label, int inFlight, long requests, double maxSeconds, int expectStatus,
                          LongFunction<Call> calls) {
        HttpClient client = vertx.createHttpClient(new HttpClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(port)
                .setKeepAlive(true).setPipelining(false), new PoolOptions().setHttp1MaxSize(inFlight).setMaxWaitQueueSize(-1));
        Histogram micros = new Histogram(TimeUnit.SECONDS.toMicros(60), 3);
        AtomicLong next = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        long deadline = System.nanoTime() + (long) (maxSeconds * 1e9);
        long start = System.nanoTime();
        Promise<Void> done = Promise.promise();
        AtomicLong running = new AtomicLong(inFlight);
        for (int i = 0; i < inFlight; i++) {
            vertx.runOnContext(v -> loop(client, calls, requests, deadline, expectStatus, next, errors, micros, running, done));
        }
        try {
            done.future().toCompletionStage().toCompletableFuture().get((long) maxSeconds + 60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(label + " did not finish: " + e.getMessage(), e);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        client.close();
        synchronized (micros) {
            return LoadResult.of(label, inFlight, micros, errors.get(), seconds);
        }
    }

    private void loop(HttpClient client, LongFunction<Call> calls, long requests, long deadline, int expectStatus,
                      AtomicLong next, AtomicLong errors, Histogram micros, AtomicLong running, Promise<Void> done) {
        long i = next.getAndIncrement();
        if (i >= requests || System.nanoTime() > deadline) {
            if (running.decrementAndGet() == 0) {
                done.tryComplete();
            }
            return;
        }
        Call call = calls.apply(i);
        long t0 = System.nanoTime();
        send(client, call).onComplete(ar -> {
            ThreadCpu.registerLoadGeneratorThread();
            long micro = (System.nanoTime() - t0) / 1000;
            if (ar.succeeded() && ar.result() == expectStatus) {
                synchronized (micros) {
                    micros.recordValue(Math.min(micro, micros.getHighestTrackableValue()));
                }
            } else {
                long n = errors.incrementAndGet();
                if (n <= 3) {
                    System.err.println("error on " + call.uri() + ": "
                            + (ar.succeeded() ? "status " + ar.result() : ar.cause().toString()));
                }
            }
            loop(client, calls, requests, deadline, expectStatus, next, errors, micros, running, done);
        });
    }

    private static Future<Integer> send(HttpClient client, Call call) {
        RequestOptions options = new RequestOptions().setMethod(call.method()).setURI(call.uri());
        call.headers().forEach(options::putHeader);
        return client.request(options)
                .compose(req -> call.body() == null ? req.send() : req.send(call.body()))
                .compose(resp -> resp.body().map(b -> resp.statusCode()));
    }

    @Override
    public void close() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }
}

package dev.seguito.bench;

import io.vertx.core.Future;
import org.HdrHistogram.Histogram;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;

/**
 * Times an asynchronous operation in-process (e.g. one SQL statement through the server's pool) with a fixed number
 * outstanding, the same closed loop as {@link LoadGenerator} without HTTP: the baseline that shows what HTTP, auth
 * and JSON add on top.
 */
public final class AsyncTimer {

    private AsyncTimer() {
    }

    public static LoadResult run(String label, int inFlight, long operations, LongFunction<Future<?>> op) {
        Histogram micros = new Histogram(TimeUnit.SECONDS.toMicros(60), 3);
        AtomicLong next = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        CountDownLatch done = new CountDownLatch(inFlight);
        long start = System.nanoTime();
        for (int i = 0; i < inFlight; i++) {
            step(op, operations, next, errors, micros, done);
        }
        try {
            done.await(5, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        synchronized (micros) {
            return LoadResult.of(label, inFlight, micros, errors.get(), seconds);
        }
    }

    private static void step(LongFunction<Future<?>> op, long operations, AtomicLong next, AtomicLong errors,
                             Histogram micros, CountDownLatch done) {
        long i = next.getAndIncrement();
        if (i >= operations) {
            done.countDown();
            return;
        }
        long t0 = System.nanoTime();
        op.apply(i).onComplete(ar -> {
            if (ar.succeeded()) {
                synchronized (micros) {
                    micros.recordValue(Math.min((System.nanoTime() - t0) / 1000, micros.getHighestTrackableValue()));
                }
            } else if (errors.incrementAndGet() <= 3) {
                System.err.println("error: " + ar.cause());
            }
            step(op, operations, next, errors, micros, done);
        });
    }
}

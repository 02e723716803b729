package dev.seguito.api;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;

import java.util.concurrent.Callable;

/**
 * Where the CPU-bound work of requests runs (reading a large body, parsing or compressing a captured page): worker
 * threads, one per CPU. Vert.x's default worker pool has 20 threads, sized for calls that wait; CPU-bound tasks beyond
 * the number of CPUs do not finish sooner, they take turns on the same cores, and a 400 KB parse interrupted by three
 * others finds its page and DOM evicted from the caches when it resumes (docs/benchmarks.md, section 2).
 */
public final class CpuWork implements AutoCloseable {

    /** The pool's name, which is also the prefix of its threads' names. */
    public static final String NAME = "seguito-cpu";

    private final WorkerExecutor executor;

    public CpuWork(Vertx vertx) {
        this.executor = vertx.createSharedWorkerExecutor(NAME, Runtime.getRuntime().availableProcessors());
    }

    /** Runs {@code task} on one of these threads, in no particular order with the other tasks. */
    public <T> Future<T> run(Callable<T> task) {
        return executor.executeBlocking(task, false);
    }

    @Override
    public void close() {
        executor.close();
    }
}

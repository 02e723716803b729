package dev.seguito.api;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CpuWorkTest {

    private static Vertx vertx;

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stop() {
        vertx.close().await();
    }

    @Test
    void neverRunsMoreTasksAtOnceThanTheMachineHasCpusAndRunsThemAll() {
        int cpus = Runtime.getRuntime().availableProcessors();
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        Set<String> threads = ConcurrentHashMap.newKeySet();
        try (CpuWork cpu = new CpuWork(vertx)) {
            List<Future<Integer>> tasks = new ArrayList<>();
            for (int i = 0; i < cpus * 4; i++) {
                int n = i;
                tasks.add(cpu.run(() -> {
                    most.accumulateAndGet(running.incrementAndGet(), Math::max);
                    threads.add(Thread.currentThread().getName());
                    Thread.sleep(20);
                    running.decrementAndGet();
                    return n;
                }));
            }

            List<Integer> done = Future.all(tasks).await().list();

            assertThat(done).hasSize(cpus * 4);
            assertThat(most.get()).isBetween(1, cpus);
            assertThat(threads).hasSizeLessThanOrEqualTo(cpus).allMatch(name -> name.startsWith(CpuWork.NAME));
        }
    }

    @Test
    void aFailingTaskFailsItsFutureOnly() {
        try (CpuWork cpu = new CpuWork(vertx)) {
            Future<Object> failed = cpu.run(() -> {
                throw new IllegalStateException("parser bug");
            });
            Future<String> next = cpu.run(() -> "still working");

            assertThatThrownBy(failed::await).hasMessage("parser bug");
            assertThat(next.await()).isEqualTo("still working");
        }
    }
}

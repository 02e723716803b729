package dev.seguito.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * This JVM's CPU split by kind of thread (the server's event loops and worker threads, the load generator, garbage
 * collection, the JIT compiler), user and kernel time apart, from /proc/self/task. {@link CpuMeter} says how much the
 * JVM spent beyond the parse; this says on what. Kernel time is mostly the sockets: every statement sent to
 * PostgreSQL and every HTTP exchange is a write and a wake-up on each side.
 */
final class ThreadCpu {

    private static final double MS_PER_TICK = ProcStat.MS_PER_TICK;
    private static final Set<String> LOAD_GENERATOR = ConcurrentHashMap.newKeySet();
    private static final ThreadLocal<Boolean> REGISTERED = new ThreadLocal<>();

    private final Map<String, long[]> byTask;

    private ThreadCpu(Map<String, long[]> byTask) {
        this.byTask = byTask;
    }

    /**
     * Marks the calling thread as the load generator's, whose CPU is the bench's, not the server's. The two Vert.x
     * instances name their threads alike, so the thread's id is taken from /proc/thread-self.
     */
    static void registerLoadGeneratorThread() {
        if (REGISTERED.get() == null) {
            REGISTERED.set(Boolean.TRUE);
            try {
                LOAD_GENERATOR.add(Files.readSymbolicLink(Path.of("/proc/thread-self")).getFileName().toString());
            } catch (IOException | UnsupportedOperationException e) {
                // not Linux: the load generator's threads are then counted with the event loops
            }
        }
    }

    static ThreadCpu now() {
        Map<String, long[]> tasks = new HashMap<>();
        for (ProcStat task : ProcStat.under(Path.of("/proc/self/task"))) {
            tasks.put(task.id() + "\t" + task.name(), new long[]{task.userTicks(), task.systemTicks()});
        }
        return new ThreadCpu(tasks);
    }

    /** Milliseconds per unit since {@code start} by kind of thread, "user + kernel", for the report. */
    String perUnitSince(ThreadCpu start, long units) {
        Map<String, double[]> groups = new LinkedHashMap<>();
        for (String group : new String[]{"server event loops", "server workers", "load generator", "GC", "JIT compiler", "other"}) {
            groups.put(group, new double[2]);
        }
        byTask.forEach((key, now) -> {
            long[] before = start.byTask.getOrDefault(key, new long[2]);
            double[] sum = groups.get(group(key.substring(0, key.indexOf('\t')), key.substring(key.indexOf('\t') + 1)));
            sum[0] += (now[0] - before[0]) * MS_PER_TICK / units;
            sum[1] += (now[1] - before[1]) * MS_PER_TICK / units;
        });
        StringBuilder text = new StringBuilder("JVM CPU per unit by thread (user + kernel ms):");
        groups.forEach((group, ms) -> text.append(String.format(" %s %.1f + %.1f;", group, ms[0], ms[1])));
        return text.substring(0, text.length() - 1);
    }

    private static String group(String tid, String name) {
        if (LOAD_GENERATOR.contains(tid)) {
            return "load generator";
        }
        if (name.startsWith("vert.x-eventloo") || name.startsWith("vert.x-acceptor")) {
            return "server event loops";
        }
        if (name.startsWith("vert.x-worker") || name.startsWith("vert.x-internal") || name.startsWith("seguito-cpu")) {
            return "server workers";
        }
        if (name.startsWith("GC Thread") || name.startsWith("G1 ")) {
            return "GC";
        }
        if (name.contains("CompilerThre")) {
            return "JIT compiler";
        }
        return "other";
    }
}

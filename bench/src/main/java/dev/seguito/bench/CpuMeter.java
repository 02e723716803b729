package dev.seguito.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;

/**
 * CPU time spent during a run, split by who spent it: this JVM's JIT compiler threads, the rest of this JVM (server,
 * load generator, GC), and every PostgreSQL process. Read from /proc, so it sees the database's share too, which the
 * JVM cannot. Throughput ratios on a small machine are mostly a question of where the CPU went; this says where.
 */
final class CpuMeter {

    private static final double MS_PER_TICK = ProcStat.MS_PER_TICK;

    private final double jitMs;
    private final double jvmMs;
    private final double postgresMs;

    private CpuMeter(double jitMs, double jvmMs, double postgresMs) {
        this.jitMs = jitMs;
        this.jvmMs = jvmMs;
        this.postgresMs = postgresMs;
    }

    /** The CPU ticks spent so far; {@link #since} gives a run's share. */
    static CpuMeter now() {
        // the whole process's time, because threads that ended (a parse pool) leave /proc/self/task with theirs
        double process = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1e6;
        long jit = 0;
        for (ProcStat thread : ProcStat.under(Path.of("/proc/self/task"))) {
            if (thread.name().contains("CompilerThre")) {
                jit += thread.ticks();
            }
        }
        long postgres = 0;
        for (ProcStat other : ProcStat.under(Path.of("/proc"))) {
            if (other.name().startsWith("postgres")) {
                postgres += other.ticks();
            }
        }
        return new CpuMeter(jit * MS_PER_TICK, process - jit * MS_PER_TICK, postgres * MS_PER_TICK);
    }

    /** Milliseconds of CPU per unit of work since {@code start}, as a sentence for the report. */
    String perUnitSince(CpuMeter start, long units, String unit) {
        return String.format("CPU per %s: JVM %.1f ms (JIT compiler %.1f ms more), PostgreSQL %.1f ms", unit,
                (jvmMs - start.jvmMs) / units, (jitMs - start.jitMs) / units, (postgresMs - start.postgresMs) / units);
    }

    /** Milliseconds of CPU the JIT compiler threads spent per unit of work since {@code start}. */
    double jitMsPerUnitSince(CpuMeter start, long units) {
        return (jitMs - start.jitMs) / units;
    }
}

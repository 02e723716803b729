package dev.seguito.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU time spent during a run, split by who spent it: this JVM's JIT compiler threads, the rest of this JVM (server,
 * load generator, GC), and every PostgreSQL process. Read from /proc, so it sees the database's share too, which the
 * JVM cannot. Throughput ratios on a small machine are mostly a question of where the CPU went; this says where.
 */
final class CpuMeter {

    private static final double MS_PER_TICK = 1000.0 / 100; // USER_HZ is 100 on Linux

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
        for (Stat thread : stats(Path.of("/proc/self/task"))) {
            if (thread.name().contains("CompilerThre")) {
                jit += thread.ticks();
            }
        }
        long postgres = 0;
        for (Stat other : stats(Path.of("/proc"))) {
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

    private record Stat(String name, long ticks) {
    }

    /** utime + stime of every numbered entry under {@code dir} that can still be read (processes come and go). */
    private static java.util.List<Stat> stats(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .map(CpuMeter::stat).filter(s -> s != null).toList();
        } catch (IOException e) {
            return java.util.List.of();
        }
    }

    private static Stat stat(Path entry) {
        try {
            String line = Files.readString(entry.resolve("stat"));
            int close = line.lastIndexOf(')');
            String[] fields = line.substring(close + 2).split(" ");
            // fields after "(comm)": state is [0], so utime (field 14 of the file) is [11] and stime is [12]
            return new Stat(line.substring(line.indexOf('(') + 1, close), Long.parseLong(fields[11]) + Long.parseLong(fields[12]));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}

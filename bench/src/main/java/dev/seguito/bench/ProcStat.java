package dev.seguito.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * One process or thread as /proc describes it: its id, its name (at most 15 characters) and the CPU it has used,
 * in clock ticks. The benches' CPU meters and the pinning of PostgreSQL read /proc through this one place.
 */
record ProcStat(String id, String name, long userTicks, long systemTicks) {

    /** Milliseconds per clock tick: USER_HZ is 100 on Linux. */
    static final double MS_PER_TICK = 1000.0 / 100;

    long ticks() {
        return userTicks + systemTicks;
    }

    /** Every numbered entry under {@code dir} (/proc, or a process's task folder) that can still be read. */
    static List<ProcStat> under(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .map(ProcStat::read).filter(Objects::nonNull).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static ProcStat read(Path entry) {
        try {
            String line = Files.readString(entry.resolve("stat"));
            int close = line.lastIndexOf(')');
            String[] fields = line.substring(close + 2).split(" ");
            // fields after "(comm)": state is [0], so utime (field 14 of the file) is [11] and stime is [12]
            return new ProcStat(entry.getFileName().toString(), line.substring(line.indexOf('(') + 1, close),
                    Long.parseLong(fields[11]), Long.parseLong(fields[12]));
        } catch (IOException | RuntimeException e) {
            return null; // it ended while being read
        }
    }
}

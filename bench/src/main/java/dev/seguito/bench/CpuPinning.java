package dev.seguito.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Gives PostgreSQL a CPU of its own, as in production where the database runs on another host: this JVM (server,
 * load generator and parse-only baseline alike) is pinned to every CPU but the last, every PostgreSQL process to the
 * last one. Backends started later are forked by the postmaster and inherit its CPU. Uses {@code taskset}
 * (util-linux), so the bench needs Linux and permission to set the affinity of the database's processes.
 */
final class CpuPinning {

    private CpuPinning() {
    }

    /** @return the number of CPUs this JVM keeps */
    static int databaseApart() {
        int cpus = Runtime.getRuntime().availableProcessors();
        if (cpus < 2) {
            throw new IllegalStateException("Pinning the database apart needs at least 2 CPUs, this machine has " + cpus);
        }
        int last = cpus - 1;
        taskset(String.valueOf(ProcessHandle.current().pid()), "0-" + (last - 1));
        for (String pid : postgresProcesses()) {
            taskset(pid, String.valueOf(last));
        }
        return last;
    }

    private static List<String> postgresProcesses() {
        List<String> pids = ProcStat.under(Path.of("/proc")).stream()
                .filter(process -> process.name().startsWith("postgres")).map(ProcStat::id).toList();
        if (pids.isEmpty()) {
            throw new IllegalStateException("No PostgreSQL process found to pin");
        }
        return pids;
    }

    private static void taskset(String pid, String cpus) {
        try {
            Process p = new ProcessBuilder("taskset", "-a", "-p", "-c", cpus, pid).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            if (p.waitFor() != 0) {
                throw new IllegalStateException("taskset -a -p -c " + cpus + " " + pid + " failed: " + out);
            }
        } catch (IOException e) {
            throw new IllegalStateException("taskset (util-linux) is needed to pin the database apart", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

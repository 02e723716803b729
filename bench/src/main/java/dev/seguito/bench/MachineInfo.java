package dev.seguito.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

/** The machine a result was measured on: numbers are meaningless without it. */
public record MachineInfo(LocalDate date, int cpus, String cpuModel, String jvm) {

    public static MachineInfo current() {
        return new MachineInfo(LocalDate.now(), Runtime.getRuntime().availableProcessors(), readCpuModel(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
    }

    private static String readCpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim())
                    .findFirst().orElse("unknown");
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    @Override
    public String toString() {
        return date + ", " + cpus + " CPUs (nproc), " + cpuModel + ", " + jvm;
    }
}

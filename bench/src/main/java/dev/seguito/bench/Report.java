package dev.seguito.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Collects a benchmark's Markdown output: printed as it goes and saved under {@code bench/target/results}, so a
 * run's table can be pasted into docs/benchmarks.md unchanged.
 */
public final class Report {

    private final String name;
    private final StringBuilder text = new StringBuilder();

    public Report(String name) {
        this.name = name;
        line("## " + name);
        line("");
        line("Machine: " + MachineInfo.current());
        line("");
    }

    public void line(String s) {
        System.out.println(s);
        System.out.flush();
        text.append(s).append('\n');
    }

    public void ratio(String what, double value, double baseline, String target, boolean met) {
        line(String.format("- %s: %.2f of baseline (%.1f vs %.1f); target %s: %s", what, value / baseline, value, baseline,
                target, met ? "MET" : "MISSED"));
    }

    public void save() {
        try {
            Path dir = Path.of("bench/target/results");
            Files.createDirectories(dir);
            Path file = dir.resolve(name + "-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".md");
            Files.writeString(file, text);
            System.out.println("(saved to " + file + ")");
        } catch (IOException e) {
            System.err.println("could not save the report: " + e.getMessage());
        }
    }
}

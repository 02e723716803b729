package dev.seguito.bench;

import org.HdrHistogram.Histogram;

/** What one measured load run gave: throughput and latency percentiles (milliseconds), errors counted apart. */
public record LoadResult(String label, int inFlight, long requests, long errors, double seconds,
                         double p50Ms, double p99Ms, double p999Ms, double maxMs) {

    static LoadResult of(String label, int inFlight, Histogram micros, long errors, double seconds) {
        return new LoadResult(label, inFlight, micros.getTotalCount(), errors, seconds,
                micros.getValueAtPercentile(50) / 1000.0, micros.getValueAtPercentile(99) / 1000.0,
                micros.getValueAtPercentile(99.9) / 1000.0, micros.getMaxValue() / 1000.0);
    }

    public double throughput() {
        return requests / seconds;
    }

    public static String header() {
        return "| run | in flight | requests | errors | req/s | p50 ms | p99 ms | p99.9 ms | max ms |\n"
                + "|---|---:|---:|---:|---:|---:|---:|---:|---:|";
    }

    public String row() {
        return String.format("| %s | %d | %d | %d | %.0f | %.2f | %.2f | %.2f | %.1f |",
                label, inFlight, requests, errors, throughput(), p50Ms, p99Ms, p999Ms, maxMs);
    }
}

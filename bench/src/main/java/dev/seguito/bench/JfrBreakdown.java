package dev.seguito.bench;

import dev.seguito.api.CpuWork;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * What the CPU-bound threads of a {@link CaptureBench} run spent their samples on, read from a Flight Recorder file:
 * the server's parse workers beside the parse-only baseline's threads, by kind of work (the parse itself, gunzip and
 * UTF-8 decoding of the body, the rest). {@link ThreadCpu} says how much CPU each kind of thread used; this says what
 * the workers did with theirs, so "the JVM spends 2x the parse" can be split into its parts.
 *
 * <p>Record with {@code BENCH_JFR=1 bench/run.sh CaptureBench …} (bench/run.sh passes the Flight Recorder options),
 * then run {@code bench/run.sh JfrBreakdown bench/target/results/capturebench.jfr}. Samples in native code (gunzip) come
 * from {@code jdk.NativeMethodSample}, the rest from {@code jdk.ExecutionSample}; both sample every 10–20 ms, so
 * the split is a proportion of samples, not a time.
 */
public final class JfrBreakdown {

    static final String PARSE_ONLY_THREAD = "parse-only-";

    private record Kind(String name, Predicate<List<RecordedFrame>> matches) {
    }

    private static final List<Kind> KINDS = List.of(
            new Kind("gunzip of the body", frames -> any(frames, "dev.seguito.api.GzipBodies")),
            new Kind("UTF-8 decoding of the body", frames -> any(frames, "dev.seguito.api.Http.storableUtf8")),
            new Kind("jsoup: building the tree", frames -> any(frames, "dev.seguito.parse.CaptureParsers.parse")
                    && any(frames, "org.jsoup.parser.")),
            new Kind("jsoup: selecting and reading nodes", frames -> any(frames, "dev.seguito.parse.CaptureParsers.parse")
                    && any(frames, "org.jsoup.")),
            new Kind("JSON inside the parse (JSON-LD, embedded state)", frames -> any(frames, "dev.seguito.parse.CaptureParsers.parse")
                    && any(frames, "com.fasterxml.jackson.", "io.vertx.core.json.")),
            new Kind("the parsers' own code", frames -> any(frames, "dev.seguito.parse.CaptureParsers.parse")),
            new Kind("payload hash", frames -> any(frames, "dev.seguito.capture.CaptureRequest.payloadHash")),
            new Kind("JSON outside the parse", frames -> any(frames, "com.fasterxml.jackson.", "io.vertx.core.json.")),
            new Kind("everything else", frames -> true));

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: bench/run.sh JfrBreakdown <recording.jfr>");
            System.exit(2);
        }
        Map<String, long[]> server = counts();
        Map<String, long[]> baseline = counts();
        for (RecordedEvent event : RecordingFile.readAllEvents(Path.of(args[0]))) {
            String type = event.getEventType().getName();
            if (!type.equals("jdk.ExecutionSample") && !type.equals("jdk.NativeMethodSample")) {
                continue;
            }
            var thread = event.getThread("sampledThread");
            RecordedStackTrace stack = event.getStackTrace();
            if (thread == null || stack == null || thread.getJavaName() == null) {
                continue;
            }
            String name = thread.getJavaName();
            Map<String, long[]> into = name.startsWith(CpuWork.NAME) ? server
                    : name.startsWith(PARSE_ONLY_THREAD) ? baseline : null;
            if (into != null) {
                into.get(kindOf(stack.getFrames()))[0]++;
            }
        }
        long serverTotal = total(server);
        long baselineTotal = total(baseline);
        StringBuilder out = new StringBuilder("| kind of work | server workers: samples | share | parse-only threads: samples | share |\n"
                + "|---|---:|---:|---:|---:|\n");
        server.forEach((kind, count) -> out.append(String.format("| %s | %d | %.1f %% | %d | %.1f %% |%n", kind, count[0],
                100.0 * count[0] / Math.max(1, serverTotal), baseline.get(kind)[0],
                100.0 * baseline.get(kind)[0] / Math.max(1, baselineTotal))));
        out.append(String.format("| all | %d | | %d | |%n", serverTotal, baselineTotal));
        System.out.print(out);
    }

    private static Map<String, long[]> counts() {
        Map<String, long[]> counts = new LinkedHashMap<>();
        KINDS.forEach(kind -> counts.put(kind.name(), new long[1]));
        return counts;
    }

    private static String kindOf(List<RecordedFrame> frames) {
        return KINDS.stream().filter(kind -> kind.matches().test(frames)).findFirst().orElseThrow().name();
    }

    private static boolean any(List<RecordedFrame> frames, String... prefixes) {
        for (RecordedFrame frame : frames) {
            if (frame.getMethod() == null) {
                continue;
            }
            String method = frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
            for (String prefix : prefixes) {
                if (method.startsWith(prefix)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static long total(Map<String, long[]> counts) {
        return counts.values().stream().mapToLong(count -> count[0]).sum();
    }
}

package dev.seguito.testing;

import dev.seguito.db.DatabaseLocation;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * A Seguito server in a process of its own ({@code java -cp <the tests' class path> dev.seguito.Main serve}), for
 * tests that kill it with SIGKILL: no shutdown hook, no graceful close, its connections cut by the kernel.
 */
public final class ServerProcess {

    private ServerProcess() {
    }

    /**
     * Starts the server on {@code db}, listening on {@code port}, with {@code env} added to a clean environment; its
     * output goes to {@code home/server-<run>.log}.
     */
    public static Process start(Path home, int port, DatabaseLocation db, int run, Map<String, String> env) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                "dev.seguito.Main", "serve");
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(k -> k.startsWith("PG") || k.startsWith("SEGUITO_") || k.equals("DATABASE_URL"));
        environment.put("SEGUITO_HOME", home.toString());
        environment.put("SEGUITO_HTTP_PORT", String.valueOf(port));
        environment.put("SEGUITO_HTTP_HOST", "127.0.0.1");
        environment.put("DATABASE_URL", db.jdbcUrl());
        environment.put("PGUSER", db.user());
        if (db.password() != null) {
            environment.put("PGPASSWORD", db.password());
        }
        environment.putAll(env);
        builder.redirectErrorStream(true).redirectOutput(home.resolve("server-" + run + ".log").toFile());
        return builder.start();
    }

    /** A port nothing listens on right now. */
    public static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits (up to 2 minutes) until {@code /health} answers 200. */
    public static void awaitHealthy(int port) {
        assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
            RawHttp health = new RawHttp(port, null);
            while (health.get("/health").status() != 200) {
                Thread.sleep(200);
            }
        });
    }
}

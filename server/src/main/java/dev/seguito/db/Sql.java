package dev.seguito.db;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Loads a statement kept as a readable {@code .sql} file under {@code src/main/resources/sql}, once: some are read on
 * every request (the agenda), and a resource in a jar is inflated on each read.
 */
public final class Sql {

    private static final java.util.Map<String, String> LOADED = new java.util.concurrent.ConcurrentHashMap<>();

    private Sql() {
    }

    public static String load(String name) {
        return LOADED.computeIfAbsent(name, Sql::read);
    }

    private static String read(String name) {
        String path = "/sql/" + name + ".sql";
        try (InputStream in = Sql.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Missing SQL resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

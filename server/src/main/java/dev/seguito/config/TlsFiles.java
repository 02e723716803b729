package dev.seguito.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The PEM certificate chain and private key the server answers HTTPS with ({@code SEGUITO_TLS_CERT},
 * {@code SEGUITO_TLS_KEY}). A team's server is reached across a network with bearer tokens and personal data, so it
 * should not be plain HTTP there; HTTPS also gives the browser HTTP/2, where the panels' event streams share one
 * connection instead of using up the six a browser keeps per HTTP/1.1 server.
 */
public record TlsFiles(Path certificate, Path key) {

    /** Both given, or neither; a half-configured TLS is refused at start-up rather than served as plain HTTP. */
    static Optional<TlsFiles> from(Optional<String> certificate, Optional<String> key) {
        if (certificate.isEmpty() && key.isEmpty()) {
            return Optional.empty();
        }
        if (certificate.isEmpty() || key.isEmpty()) {
            throw new IllegalArgumentException("HTTPS needs both SEGUITO_TLS_CERT (the PEM certificate chain) and "
                    + "SEGUITO_TLS_KEY (its PEM private key); only " + (certificate.isEmpty() ? "the key" : "the certificate")
                    + " is set");
        }
        return Optional.of(new TlsFiles(Path.of(certificate.get()), Path.of(key.get())));
    }

    /** Fails with the file's name when one cannot be read, before the server binds its port. */
    public TlsFiles checkReadable() {
        for (Path file : new Path[] {certificate, key}) {
            if (!Files.isReadable(file)) {
                throw new IllegalArgumentException("Cannot read the TLS file " + file.toAbsolutePath()
                        + " (SEGUITO_TLS_CERT / SEGUITO_TLS_KEY)");
            }
        }
        return this;
    }
}

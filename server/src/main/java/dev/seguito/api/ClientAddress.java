package dev.seguito.api;

import io.vertx.core.http.HttpServerRequest;

import java.util.List;
import java.util.Set;

/**
 * The address a request came from, for counting wrong pairing codes per client. Behind a reverse proxy every request
 * comes from the proxy; when the operator names the proxy's address ({@code SEGUITO_TRUSTED_PROXIES}), the client is
 * the right-most {@code X-Forwarded-For} entry that is not a trusted proxy (the proxy appends what it saw; anything
 * to the left the client may have written itself). From any other peer the header is ignored, as it can say anything.
 */
public final class ClientAddress {

    private static final int MAX_LENGTH = 64;
    private final Set<String> trustedProxies;

    public ClientAddress(Set<String> trustedProxies) {
        this.trustedProxies = Set.copyOf(trustedProxies);
    }

    public String of(HttpServerRequest request) {
        String peer = request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
        if (!trustedProxies.contains(peer)) {
            return peer;
        }
        List<String> hops = request.headers().getAll("X-Forwarded-For").stream()
                .flatMap(header -> List.of(header.split(",")).stream()).map(String::strip).toList();
        for (int i = hops.size() - 1; i >= 0; i--) {
            String hop = hops.get(i);
            if (!hop.isEmpty() && !trustedProxies.contains(hop)) {
                return hop.length() > MAX_LENGTH ? hop.substring(0, MAX_LENGTH) : hop;
            }
        }
        return peer;
    }
}

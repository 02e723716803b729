package dev.seguito.sync.ofbiz;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Connection settings of the OFBiz connector. {@code servicesPath} is where the component's
 * {@code api/seguito.rest.xml} mounts the services ({@code /rest/seguito}); each call is
 * {@code POST <baseUrl><servicesPath>/<serviceName>}.
 */
public record OfbizConfig(URI baseUrl, String username, String password, String servicesPath,
                          Duration requestTimeout, boolean trustAllCertificates) {

    public static final String DEFAULT_SERVICES_PATH = "/rest/seguito";
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(15);

    public OfbizConfig {
        Objects.requireNonNull(baseUrl, "baseUrl");
        if (username == null || username.isBlank() || password == null) {
            throw new IllegalArgumentException("OFBiz username and password are required");
        }
        servicesPath = servicesPath == null || servicesPath.isBlank() ? DEFAULT_SERVICES_PATH
                : (servicesPath.startsWith("/") ? servicesPath : "/" + servicesPath).replaceAll("/+$", "");
        requestTimeout = requestTimeout == null ? DEFAULT_TIMEOUT : requestTimeout;
    }

    public OfbizConfig(URI baseUrl, String username, String password) {
        this(baseUrl, username, password, DEFAULT_SERVICES_PATH, DEFAULT_TIMEOUT, false);
    }

    /**
     * Reads SEGUITO_OFBIZ_URL (e.g. {@code https://crm.example.com:8443}), SEGUITO_OFBIZ_USER, SEGUITO_OFBIZ_PASSWORD
     * and the optional SEGUITO_OFBIZ_SERVICES_PATH, SEGUITO_OFBIZ_TIMEOUT_MS, SEGUITO_OFBIZ_TRUST_ALL ("true" only
     * for OFBiz's self-signed demo certificate).
     */
    public static OfbizConfig fromEnv(Map<String, String> env) {
        String url = env.get("SEGUITO_OFBIZ_URL");
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("SEGUITO_OFBIZ_URL is required when SEGUITO_CRM=ofbiz");
        }
        String timeout = env.get("SEGUITO_OFBIZ_TIMEOUT_MS");
        return new OfbizConfig(URI.create(url.replaceAll("/+$", "")), env.get("SEGUITO_OFBIZ_USER"),
                env.get("SEGUITO_OFBIZ_PASSWORD"), env.get("SEGUITO_OFBIZ_SERVICES_PATH"),
                timeout == null ? null : Duration.ofMillis(Long.parseLong(timeout)),
                Boolean.parseBoolean(env.getOrDefault("SEGUITO_OFBIZ_TRUST_ALL", "false")));
    }

    @Override
    public String toString() {
        return "OfbizConfig[" + baseUrl + servicesPath + ", user=" + username + "]"; // never the password
    }
}

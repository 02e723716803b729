package dev.seguito.contacts;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** LinkedIn profile URLs reduced to their identity key, the {@code /in/<slug>/} part, whatever form they come in. */
public final class LinkedinUrls {

    private static final Pattern PROFILE = Pattern.compile("^/in/([^/?#]+)/?.*$");

    private LinkedinUrls() {
    }

    public static Optional<String> slug(String url) {
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        try {
            URI uri = URI.create(url.trim());
            String host = uri.getHost();
            if (host == null || !(host.equals("linkedin.com") || host.endsWith(".linkedin.com"))) {
                return Optional.empty();
            }
            Matcher m = PROFILE.matcher(uri.getRawPath() == null ? "" : uri.getRawPath());
            if (!m.matches()) {
                return Optional.empty();
            }
            String slug = java.net.URLDecoder.decode(m.group(1), java.nio.charset.StandardCharsets.UTF_8)
                    .toLowerCase(Locale.ROOT);
            return slug.isBlank() ? Optional.empty() : Optional.of(slug);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public static String canonical(String slug) {
        return "https://www.linkedin.com/in/" + slug + "/";
    }
}

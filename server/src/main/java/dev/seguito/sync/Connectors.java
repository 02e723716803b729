package dev.seguito.sync;

import dev.seguito.config.SeguitoConfig;
import dev.seguito.sync.ofbiz.OfbizConfig;
import dev.seguito.sync.ofbiz.OfbizConnector;
import io.vertx.core.Vertx;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** Picks the CRM connector named by {@code SEGUITO_CRM} ("embedded", the default, or "ofbiz"). */
public final class Connectors {

    private Connectors() {
    }

    public static CrmConnector fromConfig(Vertx vertx, SeguitoConfig config) {
        return switch (config.crm().toLowerCase(Locale.ROOT)) {
            case "embedded", "none" -> new EmbeddedStoreConnector();
            case "ofbiz" -> {
                Map<String, String> env = new HashMap<>();
                config.crmSettings().forEach(e -> env.put("SEGUITO_OFBIZ_" + e.getKey().toUpperCase(Locale.ROOT),
                        String.valueOf(e.getValue())));
                yield new OfbizConnector(vertx, OfbizConfig.fromEnv(env));
            }
            default -> throw new IllegalArgumentException("SEGUITO_CRM must be \"embedded\" or \"ofbiz\", got: " + config.crm());
        };
    }
}

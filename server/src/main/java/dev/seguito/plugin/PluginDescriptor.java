package dev.seguito.plugin;

import io.vertx.core.json.JsonObject;

import java.util.List;
import java.util.Optional;

/**
 * The CRM plugin as declared in {@code plugin-descriptor.xml}: what it needs from the CRM, what it touches there, and
 * what every new team starts with (next-touch policy, who may erase contacts). Read and checked by
 * {@link PluginDescriptors}.
 */
public record PluginDescriptor(String id, String version, String name, String crm, String minCrmVersion,
                               String component, String defaultConnector, List<Setting> ofbizSettings,
                               String ofbizServicesPath, List<Entity> entities, List<String> calls,
                               List<String> exposes, String securityGroup, List<String> permissions,
                               List<Seed> dataSources, List<Seed> eventTypes, JsonObject teamPolicy,
                               String contactErasure) {

    public Optional<Setting> setting(String name) {
        return ofbizSettings.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** A connector setting and the environment variable that provides it. */
    public record Setting(String name, String env, boolean required, boolean secret, String defaultValue, String description) {
    }

    /** A CRM entity the plugin reads or writes ({@code own}: defined by the plugin's component). */
    public record Entity(String name, String access, List<String> fields, boolean own) {
    }

    /** A seed value the install creates in the CRM. */
    public record Seed(String id, String description) {
    }
}

package dev.seguito.plugin;

import dev.seguito.touch.TeamPolicy;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PluginDescriptorTest {

    static final Path DESCRIPTOR = Path.of("..", "plugin-descriptor.xml");

    private static String shipped() throws Exception {
        return Files.readString(DESCRIPTOR);
    }

    @Test
    void theShippedDescriptorIsValidAndItsPolicyIsTheEnginesDefault() {
        PluginDescriptor d = PluginDescriptors.load(DESCRIPTOR);

        assertThat(d.id()).isEqualTo("seguito");
        assertThat(d.defaultConnector()).isEqualTo("embedded");
        assertThat(d.setting("url")).get().extracting(PluginDescriptor.Setting::env).isEqualTo("SEGUITO_OFBIZ_URL");
        assertThat(TeamPolicy.fromJson(d.teamPolicy())).isEqualTo(TeamPolicy.defaults());
    }

    @Test
    void newTeamsLetEveryMemberEraseUnlessTheDescriptorKeepsItForAdmins() throws Exception {
        assertThat(PluginDescriptors.load(DESCRIPTOR).contactErasure()).isEqualTo("members");
        String admins = shipped().replace("<team-settings contact-erasure=\"members\"/>",
                "<team-settings contact-erasure=\"admins\"/>");
        String absent = shipped().replace("<team-settings contact-erasure=\"members\"/>", "");
        String unknown = shipped().replace("<team-settings contact-erasure=\"members\"/>",
                "<team-settings contact-erasure=\"everyone\"/>");

        assertThat(PluginDescriptors.parse(admins.getBytes(StandardCharsets.UTF_8), "test.xml").contactErasure())
                .isEqualTo("admins");
        assertThat(PluginDescriptors.parse(absent.getBytes(StandardCharsets.UTF_8), "test.xml").contactErasure())
                .isEqualTo("members");
        assertThatThrownBy(() -> PluginDescriptors.parse(unknown.getBytes(StandardCharsets.UTF_8), "test.xml"))
                .isInstanceOfSatisfying(PluginDescriptorException.class,
                        e -> assertThat(e.problems()).anyMatch(p -> p.startsWith("line ") && p.contains("everyone")));
    }

    @Test
    void theJarCarriesTheSameDescriptorAsTheRepository() {
        assertThat(PluginDescriptors.locate(Map.of())).isEqualTo(PluginDescriptors.load(DESCRIPTOR));
    }

    @Test
    void everySchemaMistakeIsReportedWithItsLine() throws Exception {
        String broken = shipped()
                .replace("id=\"seguito\" version=\"0.3.0\"", "id=\"seguito\"")
                .replace("relationship=\"partner\" days=\"45\"", "relationship=\"friend\" days=\"45\"")
                .replace("<dormant days=\"180\"/>", "<dormant days=\"-1\"/>");

        assertThatThrownBy(() -> PluginDescriptors.parse(broken.getBytes(StandardCharsets.UTF_8), "test.xml"))
                .isInstanceOfSatisfying(PluginDescriptorException.class, e -> {
                    assertThat(e.problems()).hasSizeGreaterThanOrEqualTo(3);
                    assertThat(e.problems()).allMatch(p -> p.startsWith("line "));
                    assertThat(String.join("\n", e.problems())).contains("version", "friend", "-1");
                });
    }

    @Test
    void aPolicyTheSchemaAcceptsButTheEngineRefusesIsReported() throws Exception {
        String badZone = shipped().replace("time-zone=\"Europe/Rome\"", "time-zone=\"Mars/Olympus\"");

        assertThatThrownBy(() -> PluginDescriptors.parse(badZone.getBytes(StandardCharsets.UTF_8), "test.xml"))
                .isInstanceOfSatisfying(PluginDescriptorException.class,
                        e -> assertThat(e.problems()).anyMatch(p -> p.contains("team-policy") && p.contains("timeZone")));
    }

    @Test
    void aDescriptorWithADoctypeIsRefused() throws Exception {
        String xxe = shipped().replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
                "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>");

        assertThatThrownBy(() -> PluginDescriptors.parse(xxe.getBytes(StandardCharsets.UTF_8), "test.xml"))
                .isInstanceOf(PluginDescriptorException.class);
    }

    @Test
    void theOfbizConnectorNeedsItsRequiredSettings() {
        PluginDescriptor d = PluginDescriptors.load(DESCRIPTOR);

        assertThatThrownBy(() -> PluginDescriptors.checkConnector(d, "ofbiz", env -> null))
                .isInstanceOfSatisfying(PluginDescriptorException.class, e -> assertThat(e.problems())
                        .anyMatch(p -> p.startsWith("SEGUITO_OFBIZ_URL is required"))
                        .anyMatch(p -> p.startsWith("SEGUITO_OFBIZ_PASSWORD is required")));
        assertThatThrownBy(() -> PluginDescriptors.checkConnector(d, "salesforce", env -> null))
                .hasMessageContaining("salesforce");
        PluginDescriptors.checkConnector(d, "embedded", env -> null);
    }

    @Test
    void aMissingExplicitDescriptorIsAClearError() {
        assertThatThrownBy(() -> PluginDescriptors.locate(Map.of("SEGUITO_PLUGIN_DESCRIPTOR", "/nowhere/plugin.xml")))
                .hasMessageContaining("does not exist");
    }
}

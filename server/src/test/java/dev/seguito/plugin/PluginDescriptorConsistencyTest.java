package dev.seguito.plugin;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** plugin-descriptor.xml and the OFBiz component in plugin/ofbiz must say the same thing. */
class PluginDescriptorConsistencyTest {

    private static final Path COMPONENT = Path.of("..", "plugin", "ofbiz");
    private final PluginDescriptor descriptor = PluginDescriptors.load(PluginDescriptorTest.DESCRIPTOR);

    private static List<Element> elements(Path file, String tag) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        NodeList nodes = factory.newDocumentBuilder().parse(file.toFile()).getElementsByTagName(tag);
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add((Element) nodes.item(i));
        }
        return out;
    }

    private static Set<String> attributes(Path file, String tag, String attribute) throws Exception {
        Set<String> values = new TreeSet<>();
        elements(file, tag).forEach(e -> values.add(e.getAttribute(attribute)));
        return values;
    }

    @Test
    void theServicesTheDescriptorNamesAreExactlyThoseTheRestMappingExposes() throws Exception {
        Set<String> declared = new TreeSet<>(descriptor.calls());
        declared.addAll(descriptor.exposes());

        assertThat(attributes(COMPONENT.resolve("api/seguito.rest.xml"), "service", "name")).isEqualTo(declared);
    }

    @Test
    void theExposedServicesAreTheComponentsOwnServices() throws Exception {
        assertThat(attributes(COMPONENT.resolve("servicedef/services.xml"), "service", "name"))
                .isEqualTo(new TreeSet<>(descriptor.exposes()));
    }

    @Test
    void theOwnEntitiesAreTheComponentsEntities() throws Exception {
        Set<String> own = new TreeSet<>();
        descriptor.entities().stream().filter(PluginDescriptor.Entity::own).forEach(e -> own.add(e.name()));

        assertThat(attributes(COMPONENT.resolve("entitydef/entitymodel.xml"), "entity", "entity-name")).isEqualTo(own);
    }

    @Test
    void theSeedValuesAreTheComponentsSeedData() throws Exception {
        Path seed = COMPONENT.resolve("data/SeguitoSeedData.xml");
        Set<String> sources = new TreeSet<>();
        descriptor.dataSources().forEach(s -> sources.add(s.id() + "=" + s.description()));
        Set<String> types = new TreeSet<>();
        descriptor.eventTypes().forEach(s -> types.add(s.id() + "=" + s.description()));

        Set<String> seededSources = new TreeSet<>();
        elements(seed, "DataSource").forEach(e -> seededSources.add(e.getAttribute("dataSourceId") + "=" + e.getAttribute("description")));
        Set<String> seededTypes = new TreeSet<>();
        elements(seed, "CommunicationEventType").forEach(e -> seededTypes.add(e.getAttribute("communicationEventTypeId") + "=" + e.getAttribute("description")));
        assertThat(seededSources).isEqualTo(sources);
        assertThat(seededTypes).isEqualTo(types);
    }

    @Test
    void thePermissionsAreThoseGrantedToTheSecurityGroup() throws Exception {
        Path security = COMPONENT.resolve("data/SeguitoSecuritySeedData.xml");

        assertThat(attributes(security, "SecurityGroupPermission", "groupId")).containsExactly(descriptor.securityGroup());
        assertThat(attributes(security, "SecurityGroupPermission", "permissionId")).isEqualTo(new TreeSet<>(descriptor.permissions()));
    }

    @Test
    void everyCrmEntityTheDescriptorNamesExistsInOfbizWithTheNamedFields() throws Exception {
        Path ofbiz = Path.of("..", "..", "shared", "ofbiz", "framework");
        Path party = ofbiz.resolve(Path.of("applications", "datamodel", "entitydef", "party-entitymodel.xml"));
        Assumptions.assumeTrue(Files.isRegularFile(party), "../shared/ofbiz is absent: OFBiz entity check skipped");
        // DataSource and NoteData are defined in the framework's common component; the party model extends NoteData
        List<Path> models = List.of(party, ofbiz.resolve(Path.of("framework", "common", "entitydef", "entitymodel.xml")));
        List<Element> entities = new ArrayList<>();
        List<Element> extensions = new ArrayList<>();
        for (Path model : models) {
            entities.addAll(elements(model, "entity"));
            extensions.addAll(elements(model, "extend-entity"));
        }
        for (PluginDescriptor.Entity declared : descriptor.entities()) {
            if (declared.own()) {
                continue;
            }
            Element entity = entities.stream().filter(e -> e.getAttribute("entity-name").equals(declared.name())).findFirst()
                    .orElse(null);
            assertThat(entity).as("OFBiz entity " + declared.name()).isNotNull();
            Set<String> fields = new TreeSet<>();
            for (Element definition : concat(entity, extensions.stream()
                    .filter(e -> e.getAttribute("entity-name").equals(declared.name())).toList())) {
                NodeList nodes = definition.getElementsByTagName("field");
                for (int i = 0; i < nodes.getLength(); i++) {
                    fields.add(((Element) nodes.item(i)).getAttribute("name"));
                }
            }
            assertThat(fields).as("fields of " + declared.name()).containsAll(declared.fields());
        }
    }

    private static List<Element> concat(Element first, List<Element> rest) {
        List<Element> all = new ArrayList<>(rest);
        all.add(0, first);
        return all;
    }
}

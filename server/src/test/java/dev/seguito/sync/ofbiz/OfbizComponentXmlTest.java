package dev.seguito.sync.ofbiz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The shipped OFBiz component must be accepted by OFBiz's own schemas and refer only to real entities and services. */
class OfbizComponentXmlTest {

    /** Entities of OFBiz's framework/security component, whose entitymodel is not among the reference files. */
    private static final Set<String> SECURITY_ENTITIES = Set.of("SecurityGroup", "SecurityGroupPermission");

    private Path shared;
    private Path component;
    private OfbizXsdValidator validator;

    @BeforeEach
    void locate() {
        shared = OfbizReference.requireSharedOfbiz();
        component = OfbizReference.component();
        validator = new OfbizXsdValidator(shared);
    }

    @Test
    void componentDescriptorIsValidAgainstOfbizComponentXsd() throws Exception {
        assertValid("framework/base/dtd/ofbiz-component.xsd", "ofbiz-component.xml");
    }

    @Test
    void entityModelIsValidAgainstEntityModelXsd() throws Exception {
        assertValid("framework/entity/dtd/entitymodel.xsd", "entitydef/entitymodel.xml");
    }

    @Test
    void serviceDefinitionsAreValidAgainstServicesXsd() throws Exception {
        assertValid("framework/service/dtd/services.xsd", "servicedef/services.xml");
    }

    @Test
    void restMappingIsValidAgainstRestApiXsd() throws Exception {
        List<String> errors = validator.validate(shared.resolve("plugins/rest-api/dtd/rest-api.xsd"),
                component.resolve("api/seguito.rest.xml"));
        assertEquals(List.of(), errors);
    }

    @Test
    void restMappingExposesOnlyServicesThatExistInOfbizOrTheComponent() throws Exception {
        Set<String> known = new TreeSet<>();
        known.addAll(serviceNames(shared.resolve("framework/applications/party/servicedef/services.xml")));
        known.addAll(serviceNames(component.resolve("servicedef/services.xml")));
        List<String> unknown = new ArrayList<>();
        for (String service : OfbizRestMapping.load(component).services()) {
            if (!known.contains(service)) {
                unknown.add(service);
            }
        }
        assertEquals(List.of(), unknown, "services mapped in api/seguito.rest.xml but defined nowhere");
        assertTrue(OfbizRestMapping.load(component).services().containsAll(List.of("createPerson", "createPartyGroup",
                "createPartyRole", "createPartyEmailAddress", "createPartyTelecomNumber", "createPartyContactMech",
                "createPartyRelationship", "createCommunicationEvent", "updatePerson", "updatePartyRelationship",
                "seguitoGetPartySnapshot", "seguitoFindCommunicationEvent", "seguitoSetPartyAbout")));
    }

    @Test
    void componentNameMatchesRestFileNameAsTheRestPluginRequires() throws Exception {
        Element root = OfbizEntityModel.parse(component.resolve("ofbiz-component.xml")).getDocumentElement();
        assertEquals("seguito", root.getAttribute("name"));
        assertTrue(Files.isRegularFile(component.resolve("api/" + root.getAttribute("name") + ".rest.xml")));
    }

    @Test
    void theComponentAnswersAVersionTheConnectorAcceptsAndTheContractServerPlays() throws Exception {
        String groovy = Files.readString(component.resolve("src/main/groovy/dev/seguito/ofbiz/SeguitoServices.groovy"));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("componentVersion = '([^']+)'").matcher(groovy);
        assertTrue(m.find(), "seguitoPing answers a componentVersion");

        assertTrue(OfbizConnector.compareVersions(m.group(1), OfbizConnector.MIN_COMPONENT_VERSION) >= 0, m.group(1));
        assertEquals(m.group(1), new OfbizContractServer(null, java.util.Map.of()).componentVersion);
    }

    @Test
    void everyDataFileNamedInTheDescriptorExists() throws Exception {
        Element root = OfbizEntityModel.parse(component.resolve("ofbiz-component.xml")).getDocumentElement();
        List<String> missing = new ArrayList<>();
        for (String tag : List.of("entity-resource", "service-resource")) {
            for (Element e : OfbizEntityModel.children(root, tag)) {
                if (!Files.isRegularFile(component.resolve(e.getAttribute("location")))) {
                    missing.add(e.getAttribute("location"));
                }
            }
        }
        assertEquals(List.of(), missing);
    }

    @Test
    void seedDataUsesOnlyKnownEntitiesAndFields() throws Exception {
        OfbizEntityModel model = SchemaFiles.model(shared, component);
        List<String> problems = new ArrayList<>();
        int rows = 0;
        try (var files = Files.list(component.resolve("data"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".xml")).sorted().toList()) {
                Element root = OfbizEntityModel.parse(file).getDocumentElement();
                assertEquals("entity-engine-xml", root.getTagName(), file + " root element");
                for (Element row : OfbizEntityModel.children(root, null)) {
                    rows++;
                    String entity = row.getTagName();
                    if (SECURITY_ENTITIES.contains(entity)) {
                        continue;
                    }
                    if (!model.entities.containsKey(entity)) {
                        problems.add(file.getFileName() + ": unknown entity " + entity);
                        continue;
                    }
                    for (int i = 0; i < row.getAttributes().getLength(); i++) {
                        String field = row.getAttributes().item(i).getNodeName();
                        if (!model.entity(entity).fields().containsKey(field)) {
                            problems.add(file.getFileName() + ": " + entity + " has no field " + field);
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), problems);
        assertTrue(rows >= 8, "seed data rows found: " + rows);
    }

    @Test
    void validatorRejectsAnElementTheSchemaDoesNotAllow(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        Path bad = tmp.resolve("bad-component.xml");
        Files.writeString(bad, "<ofbiz-component name=\"x\"><no-such-element/></ofbiz-component>");
        List<String> errors = validator.validate(OfbizReference.framework(shared, "framework/base/dtd/ofbiz-component.xsd"), bad);
        assertTrue(errors.stream().anyMatch(e -> e.contains("no-such-element")), errors.toString());
    }

    private void assertValid(String xsd, String file) throws Exception {
        List<String> errors = validator.validate(OfbizReference.framework(shared, xsd), component.resolve(file));
        assertEquals(List.of(), errors, file + " against " + xsd);
    }

    private static Set<String> serviceNames(Path servicesXml) throws Exception {
        Set<String> names = new TreeSet<>();
        for (Element s : OfbizEntityModel.children(OfbizEntityModel.parse(servicesXml).getDocumentElement(), "service")) {
            names.add(s.getAttribute("name"));
        }
        return names;
    }
}

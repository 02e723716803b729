package dev.seguito.plugin;

import dev.seguito.touch.TeamPolicy;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Finds, validates and reads {@code plugin-descriptor.xml}: first against {@code plugin-descriptor.xsd} (every
 * mistake reported with its line), then for what a schema cannot say (a valid time zone, a policy the engine
 * accepts, a configured connector that is declared).
 */
public final class PluginDescriptors {

    static final String NS = "https://seguito.dev/ns/plugin-descriptor/1";
    private static final String BUNDLED = "/seguito/plugin-descriptor.xml";
    private static final String SCHEMA = "/seguito/plugin-descriptor.xsd";

    private PluginDescriptors() {
    }

    /**
     * The descriptor the server runs with: {@code SEGUITO_PLUGIN_DESCRIPTOR} if set, else {@code plugin-descriptor.xml}
     * in the working folder or its parent (a checkout), else the copy inside the jar.
     */
    public static PluginDescriptor locate(Map<String, String> env) {
        String explicit = env.get("SEGUITO_PLUGIN_DESCRIPTOR");
        if (explicit != null && !explicit.isBlank()) {
            Path path = Path.of(explicit);
            if (!Files.isRegularFile(path)) {
                throw new PluginDescriptorException(explicit, List.of("SEGUITO_PLUGIN_DESCRIPTOR names a file that does not exist"));
            }
            return load(path);
        }
        for (Path candidate : List.of(Path.of("plugin-descriptor.xml"), Path.of("..", "plugin-descriptor.xml"))) {
            if (Files.isRegularFile(candidate)) {
                return load(candidate);
            }
        }
        try (InputStream in = PluginDescriptors.class.getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new IllegalStateException("The server jar carries no plugin-descriptor.xml");
            }
            return parse(in.readAllBytes(), "(bundled) plugin-descriptor.xml");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static PluginDescriptor load(Path path) {
        try {
            return parse(Files.readAllBytes(path), path.toString());
        } catch (IOException e) {
            throw new PluginDescriptorException(path.toString(), List.of("cannot be read: " + e.getMessage()));
        }
    }

    public static PluginDescriptor parse(byte[] xml, String source) {
        List<String> problems = new ArrayList<>();
        validateAgainstSchema(xml, problems);
        if (!problems.isEmpty()) {
            throw new PluginDescriptorException(source, problems);
        }
        Element root = document(xml).getDocumentElement();
        PluginDescriptor descriptor = read(root);
        checkMeaning(descriptor, problems);
        if (!problems.isEmpty()) {
            throw new PluginDescriptorException(source, problems);
        }
        return descriptor;
    }

    /** Checks that the connector the server is configured with is declared and has its required settings. */
    public static void checkConnector(PluginDescriptor descriptor, String connector, Function<String, String> env) {
        List<String> problems = new ArrayList<>();
        if (!List.of("embedded", "ofbiz").contains(connector)) {
            problems.add("SEGUITO_CRM is \"" + connector + "\"; the descriptor declares \"embedded\" and \"ofbiz\"");
        } else if ("ofbiz".equals(connector)) {
            if (descriptor.ofbizSettings().isEmpty()) {
                problems.add("SEGUITO_CRM=ofbiz but the descriptor declares no <ofbiz> connector");
            }
            for (PluginDescriptor.Setting s : descriptor.ofbizSettings()) {
                String value = env.apply(s.env());
                if (s.required() && (value == null || value.isBlank())) {
                    problems.add(s.env() + " is required for the OFBiz connector (" + s.description() + ")");
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new PluginDescriptorException("connector settings", problems);
        }
    }

    private static void validateAgainstSchema(byte[] xml, List<String> problems) {
        try (InputStream xsd = PluginDescriptors.class.getResourceAsStream(SCHEMA)) {
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            Schema schema = factory.newSchema(new StreamSource(xsd));
            Validator validator = schema.newValidator();
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            validator.setErrorHandler(new ErrorHandler() {
                @Override
                public void warning(SAXParseException e) {
                }

                @Override
                public void error(SAXParseException e) {
                    problems.add("line " + e.getLineNumber() + ": " + e.getMessage());
                }

                @Override
                public void fatalError(SAXParseException e) {
                    problems.add("line " + e.getLineNumber() + ": " + e.getMessage());
                }
            });
            validator.validate(new StreamSource(new ByteArrayInputStream(xml)));
        } catch (SAXParseException e) {
            if (problems.isEmpty()) {
                problems.add("line " + e.getLineNumber() + ": " + e.getMessage());
            }
        } catch (SAXException | IOException e) {
            problems.add(e.getMessage());
        }
    }

    private static Document document(byte[] xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            return builder.parse(new ByteArrayInputStream(xml));
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new PluginDescriptorException("plugin-descriptor.xml", List.of(e.getMessage()));
        }
    }

    private static PluginDescriptor read(Element root) {
        Element requires = child(root, "requires");
        Element connector = child(root, "connector");
        Optional<Element> ofbiz = optionalChild(connector, "ofbiz");
        List<PluginDescriptor.Setting> settings = ofbiz.map(o -> children(o, "setting").stream().map(s ->
                new PluginDescriptor.Setting(s.getAttribute("name"), s.getAttribute("env"),
                        Boolean.parseBoolean(s.getAttribute("required")), Boolean.parseBoolean(s.getAttribute("secret")),
                        s.hasAttribute("default") ? s.getAttribute("default") : null, s.getAttribute("description"))).toList())
                .orElse(List.of());
        List<PluginDescriptor.Entity> entities = children(child(root, "entities"), "entity").stream().map(e ->
                new PluginDescriptor.Entity(e.getAttribute("name"), e.getAttribute("access"), words(e.getAttribute("fields")),
                        Boolean.parseBoolean(e.getAttribute("own")))).toList();
        Element services = child(root, "services");
        Element permissions = child(root, "permissions");
        Element seed = child(root, "seed");
        return new PluginDescriptor(root.getAttribute("id"), root.getAttribute("version"), text(child(root, "name")),
                requires.getAttribute("crm"), requires.getAttribute("min-version"), requires.getAttribute("component"),
                connector.getAttribute("default"), settings, ofbiz.map(o -> o.getAttribute("services-path")).orElse(null),
                entities, words(text(child(services, "calls"))), words(text(child(services, "exposes"))),
                permissions.getAttribute("security-group"), words(text(permissions)),
                seeds(seed, "data-source"), seeds(seed, "communication-event-type"), policy(child(root, "team-policy")),
                contactErasure(root));
    }

    /** Who may erase contacts in a new team: {@code <team-settings contact-erasure>}, "members" when absent. */
    private static String contactErasure(Element root) {
        return children(root, "team-settings").stream().findFirst()
                .map(s -> s.getAttribute("contact-erasure")).filter(v -> !v.isEmpty()).orElse("members");
    }

    /** The {@code <team-policy>} element in the JSON form {@link TeamPolicy#fromJson} reads. */
    private static JsonObject policy(Element p) {
        JsonObject rhythm = new JsonObject();
        children(p, "rhythm").forEach(r -> rhythm.put(r.getAttribute("relationship"), Integer.parseInt(r.getAttribute("days"))));
        Element backoff = child(p, "backoff");
        Element answer = child(p, "answer");
        Element ideal = child(p, "ideal-profile");
        return new JsonObject()
                .put("timeZone", p.getAttribute("time-zone"))
                .put("holidayCountry", p.getAttribute("holiday-country")) // absent: "", no holidays
                .put("rhythmDays", rhythm)
                .put("backoffThreshold", Integer.parseInt(backoff.getAttribute("threshold")))
                .put("backoffMultiplier", Double.parseDouble(backoff.getAttribute("multiplier")))
                .put("frequencyCapDays", Integer.parseInt(child(p, "frequency-cap").getAttribute("days")))
                .put("dormantDays", Integer.parseInt(child(p, "dormant").getAttribute("days")))
                .put("answerEmailBusinessDays", Integer.parseInt(answer.getAttribute("email-business-days")))
                .put("answerLinkedinDays", Integer.parseInt(answer.getAttribute("linkedin-days")))
                .put("referralIntervalDays", Integer.parseInt(child(p, "referral").getAttribute("interval-days")))
                .put("minFitScore", Double.parseDouble(child(p, "fit").getAttribute("min-score")))
                .put("idealProfile", new JsonObject()
                        .put("industries", commaList(ideal.getAttribute("industries")))
                        .put("roles", commaList(ideal.getAttribute("roles")))
                        .put("companySizes", commaList(ideal.getAttribute("company-sizes")))
                        .put("tags", commaList(ideal.getAttribute("tags"))));
    }

    private static void checkMeaning(PluginDescriptor d, List<String> problems) {
        try {
            TeamPolicy.fromJson(d.teamPolicy());
        } catch (RuntimeException e) {
            problems.add("<team-policy>: " + e.getMessage());
        }
        if ("ofbiz".equals(d.defaultConnector()) && d.ofbizSettings().isEmpty()) {
            problems.add("<connector default=\"ofbiz\"> needs an <ofbiz> element with its settings");
        }
        d.exposes().stream().filter(d.calls()::contains)
                .forEach(s -> problems.add("service " + s + " is listed both as called and as exposed"));
    }

    private static List<PluginDescriptor.Seed> seeds(Element seed, String name) {
        return children(seed, name).stream().map(e -> new PluginDescriptor.Seed(e.getAttribute("id"), e.getAttribute("description"))).toList();
    }

    private static JsonArray commaList(String value) {
        JsonArray out = new JsonArray();
        Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(out::add);
        return out;
    }

    private static List<String> words(String value) {
        return value == null || value.isBlank() ? List.of() : List.of(value.trim().split("\\s+"));
    }

    private static String text(Element e) {
        return e.getTextContent().trim();
    }

    private static Element child(Element parent, String name) {
        return optionalChild(parent, name).orElseThrow(() -> new IllegalStateException("missing <" + name + ">"));
    }

    private static Optional<Element> optionalChild(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element e && NS.equals(e.getNamespaceURI()) && name.equals(e.getLocalName())) {
                out.add(e);
            }
        }
        return out;
    }
}

package dev.seguito.sync.ofbiz;

import org.w3c.dom.ls.LSInput;
import org.w3c.dom.ls.LSResourceResolver;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.ErrorHandler;

import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Validates XML files against OFBiz's XSDs without network access: schemas are loaded from their file URL, and any
 * {@code http(s)://ofbiz.apache.org/dtds/<name>.xsd} they include is answered from the local reference folder. The one
 * include missing there ({@code service-group.xsd}, pulled in by services.xsd for {@code <group>} inside a service) is
 * answered by a lax stand-in written here, which Seguito's services.xml does not use. Anything else fails.
 */
final class OfbizXsdValidator {

    private static final Map<String, String> STAND_INS = Map.of("service-group.xsd", """
            <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" elementFormDefault="qualified">
              <xs:element name="group">
                <xs:complexType>
                  <xs:sequence><xs:any processContents="lax" minOccurs="0" maxOccurs="unbounded"/></xs:sequence>
                  <xs:anyAttribute processContents="lax"/>
                </xs:complexType>
              </xs:element>
            </xs:schema>
            """);

    private final Path shared;
    private final List<String> standInsUsed = new ArrayList<>();

    OfbizXsdValidator(Path shared) {
        this.shared = shared;
    }

    List<String> standInsUsed() {
        return standInsUsed;
    }

    /** Returns the validation errors of {@code xml} against {@code xsd} (empty when valid). */
    List<String> validate(Path xsd, Path xml) throws SAXException, IOException {
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        factory.setResourceResolver(resolver());
        Schema schema = factory.newSchema(xsd.toUri().toURL());
        Validator validator = schema.newValidator();
        validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        List<String> errors = new ArrayList<>();
        validator.setErrorHandler(new ErrorHandler() {
            @Override public void warning(SAXParseException e) { }
            @Override public void error(SAXParseException e) { errors.add(xml.getFileName() + ":" + e.getLineNumber() + ": " + e.getMessage()); }
            @Override public void fatalError(SAXParseException e) { error(e); }
        });
        validator.validate(new StreamSource(xml.toFile()));
        return errors;
    }

    private LSResourceResolver resolver() {
        return (type, namespace, publicId, systemId, baseUri) -> {
            if (systemId == null || !(systemId.startsWith("http://") || systemId.startsWith("https://"))) {
                return null; // relative or file: the parser resolves it against the file URL
            }
            String name = systemId.substring(systemId.lastIndexOf('/') + 1);
            if (!systemId.matches("https?://ofbiz\\.apache\\.org/dtds/[\\w.-]+\\.xsd")) {
                throw new IllegalStateException("refusing network access for schema " + systemId);
            }
            Path local = findLocal(name);
            if (local != null) {
                return input(systemId, readBytes(local));
            }
            String standIn = STAND_INS.get(name);
            if (standIn == null) {
                throw new IllegalStateException("schema " + systemId + " not available locally; no network access");
            }
            standInsUsed.add(name);
            return input(systemId, standIn.getBytes(StandardCharsets.UTF_8));
        };
    }

    private Path findLocal(String name) {
        try (Stream<Path> files = Files.walk(shared)) {
            return files.filter(p -> p.getFileName().toString().equals(name)).findFirst().orElse(null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] readBytes(Path path) {
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static LSInput input(String systemId, byte[] bytes) {
        return new LSInput() {
            @Override public Reader getCharacterStream() { return null; }
            @Override public void setCharacterStream(Reader r) { }
            @Override public InputStream getByteStream() { return new ByteArrayInputStream(bytes); }
            @Override public void setByteStream(InputStream s) { }
            @Override public String getStringData() { return null; }
            @Override public void setStringData(String s) { }
            @Override public String getSystemId() { return systemId; }
            @Override public void setSystemId(String s) { }
            @Override public String getPublicId() { return null; }
            @Override public void setPublicId(String s) { }
            @Override public String getBaseURI() { return null; }
            @Override public void setBaseURI(String s) { }
            @Override public String getEncoding() { return null; }
            @Override public void setEncoding(String s) { }
            @Override public boolean getCertifiedText() { return false; }
            @Override public void setCertifiedText(boolean b) { }
        };
    }
}

package dev.seguito.sync.ofbiz;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parts of OFBiz entity definitions (entitymodel.xml) and PostgreSQL field types (fieldtypepostgres.xml) needed to
 * reproduce OFBiz's own DDL: table and column names follow OFBiz's ModelUtil.javaNameToDbName (camelCase to
 * UPPER_SNAKE, which PostgreSQL folds to lower case), with {@code col-name}/{@code table-name} overrides honoured.
 */
final class OfbizEntityModel {

    record Field(String name, String type, String columnName) {
    }

    record KeyMap(String fieldName, String relFieldName) {
    }

    record Relation(String type, String fkName, String relEntityName, List<KeyMap> keyMaps) {
    }

    record Index(String name, boolean unique, List<String> fieldNames) {
    }

    record Entity(String name, String tableName, Map<String, Field> fields, List<String> primaryKey,
                  List<Relation> relations, List<Index> indexes) {

        Field field(String fieldName) {
            Field f = fields.get(fieldName);
            if (f == null) {
                throw new IllegalArgumentException(name + " has no field " + fieldName);
            }
            return f;
        }
    }

    static final List<String> STAMP_FIELDS = List.of("lastUpdatedStamp", "lastUpdatedTxStamp", "createdStamp",
            "createdTxStamp");

    final Map<String, Entity> entities = new LinkedHashMap<>();
    final Map<String, String> sqlTypes = new LinkedHashMap<>();

    static OfbizEntityModel load(Path fieldTypes, List<Path> entityFiles) throws Exception {
        OfbizEntityModel model = new OfbizEntityModel();
        for (Element def : children(parse(fieldTypes).getDocumentElement(), "field-type-def")) {
            model.sqlTypes.put(def.getAttribute("type"), def.getAttribute("sql-type"));
        }
        for (Path file : entityFiles) {
            for (Element e : children(parse(file).getDocumentElement(), "entity")) {
                model.entities.put(e.getAttribute("entity-name"), entity(e));
            }
        }
        return model;
    }

    String sqlType(Field field) {
        String sql = sqlTypes.get(field.type());
        if (sql == null) {
            throw new IllegalArgumentException("unknown OFBiz field type " + field.type());
        }
        return sql;
    }

    Entity entity(String name) {
        Entity e = entities.get(name);
        if (e == null) {
            throw new IllegalArgumentException("no entity " + name + " in the loaded OFBiz entity model");
        }
        return e;
    }

    /** OFBiz's ModelUtil.javaNameToDbName, lower-cased as PostgreSQL stores unquoted names. */
    static String dbName(String javaName) {
        StringBuilder db = new StringBuilder();
        for (int i = 0; i < javaName.length(); i++) {
            char c = javaName.charAt(i);
            if (i > 0 && Character.isUpperCase(c)) {
                db.append('_');
            }
            db.append(Character.toLowerCase(c));
        }
        return db.toString();
    }

    private static Entity entity(Element e) {
        String name = e.getAttribute("entity-name");
        String table = e.hasAttribute("table-name") ? e.getAttribute("table-name").toLowerCase() : dbName(name);
        Map<String, Field> fields = new LinkedHashMap<>();
        for (Element f : children(e, "field")) {
            String fieldName = f.getAttribute("name");
            String column = f.hasAttribute("col-name") ? f.getAttribute("col-name").toLowerCase() : dbName(fieldName);
            fields.put(fieldName, new Field(fieldName, f.getAttribute("type"), column));
        }
        if (!"true".equals(e.getAttribute("no-auto-stamp"))) {
            for (String stamp : STAMP_FIELDS) {
                fields.putIfAbsent(stamp, new Field(stamp, "date-time", dbName(stamp)));
            }
        }
        List<String> pk = new ArrayList<>();
        for (Element p : children(e, "prim-key")) {
            pk.add(p.getAttribute("field"));
        }
        List<Relation> relations = new ArrayList<>();
        for (Element r : children(e, "relation")) {
            List<KeyMap> keys = new ArrayList<>();
            for (Element k : children(r, "key-map")) {
                String field = k.getAttribute("field-name");
                keys.add(new KeyMap(field, k.hasAttribute("rel-field-name") ? k.getAttribute("rel-field-name") : field));
            }
            relations.add(new Relation(r.getAttribute("type"), r.getAttribute("fk-name"),
                    r.getAttribute("rel-entity-name"), keys));
        }
        List<Index> indexes = new ArrayList<>();
        for (Element i : children(e, "index")) {
            List<String> indexFields = new ArrayList<>();
            for (Element f : children(i, "index-field")) {
                indexFields.add(f.getAttribute("name"));
            }
            indexes.add(new Index(i.getAttribute("name"), "true".equals(i.getAttribute("unique")), indexFields));
        }
        return new Entity(name, table, fields, pk, relations, indexes);
    }

    static Document parse(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        factory.setNamespaceAware(true);
        DocumentBuilder builder = factory.newDocumentBuilder();
        builder.setErrorHandler(null);
        return builder.parse(file.toFile());
    }

    static List<Element> children(Element parent, String name) {
        List<Element> list = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node n = nodes.item(i);
            if (n instanceof Element el && (name == null || name.equals(el.getLocalName() != null ? el.getLocalName() : el.getTagName()))) {
                list.add(el);
            }
        }
        return list;
    }
}

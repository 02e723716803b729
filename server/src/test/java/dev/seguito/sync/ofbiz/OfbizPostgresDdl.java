package dev.seguito.sync.ofbiz;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Generates the PostgreSQL DDL OFBiz's entity engine would create for a subset of entities: one table per entity
 * (types from fieldtypepostgres.xml, the four stamp columns, primary key with NOT NULL columns), foreign keys for
 * {@code type="one"} relations, and the declared indexes (unique ones matter: CommunicationEvent.messageId).
 * Foreign keys to entities outside the subset are left out and reported in {@link #droppedForeignKeys()}.
 */
final class OfbizPostgresDdl {

    private final OfbizEntityModel model;
    private final Set<String> subset;
    private final List<String> dropped = new ArrayList<>();

    OfbizPostgresDdl(OfbizEntityModel model, Collection<String> subset) {
        this.model = model;
        this.subset = Set.copyOf(subset);
        subset.forEach(model::entity); // fail fast on a typo
    }

    List<String> droppedForeignKeys() {
        return dropped;
    }

    List<String> statements() {
        List<String> tables = new ArrayList<>();
        List<String> constraints = new ArrayList<>();
        dropped.clear();
        for (String name : subset.stream().sorted().toList()) {
            OfbizEntityModel.Entity entity = model.entity(name);
            tables.add(createTable(entity));
            for (OfbizEntityModel.Relation relation : entity.relations()) {
                if (!"one".equals(relation.type())) {
                    continue;
                }
                if (!subset.contains(relation.relEntityName())) {
                    dropped.add(name + "." + relation.fkName() + " -> " + relation.relEntityName());
                    continue;
                }
                constraints.add(foreignKey(entity, relation));
            }
            for (OfbizEntityModel.Index index : entity.indexes()) {
                constraints.add((index.unique() ? "CREATE UNIQUE INDEX " : "CREATE INDEX ") + index.name().toLowerCase()
                        + " ON " + entity.tableName() + " (" + columns(entity, index.fieldNames()) + ")");
            }
        }
        tables.addAll(constraints);
        return tables;
    }

    private String createTable(OfbizEntityModel.Entity entity) {
        String columns = entity.fields().values().stream().map(f -> "  " + f.columnName() + " " + model.sqlType(f)
                        + (entity.primaryKey().contains(f.name()) ? " NOT NULL" : ""))
                .collect(Collectors.joining(",\n"));
        return "CREATE TABLE " + entity.tableName() + " (\n" + columns + ",\n  CONSTRAINT pk_" + entity.tableName()
                + " PRIMARY KEY (" + columns(entity, entity.primaryKey()) + ")\n)";
    }

    private String foreignKey(OfbizEntityModel.Entity entity, OfbizEntityModel.Relation relation) {
        OfbizEntityModel.Entity target = model.entity(relation.relEntityName());
        List<String> from = relation.keyMaps().stream().map(OfbizEntityModel.KeyMap::fieldName).toList();
        List<String> to = relation.keyMaps().stream().map(OfbizEntityModel.KeyMap::relFieldName).toList();
        return "ALTER TABLE " + entity.tableName() + " ADD CONSTRAINT " + relation.fkName().toLowerCase()
                + " FOREIGN KEY (" + columns(entity, from) + ") REFERENCES " + target.tableName()
                + " (" + columns(target, to) + ")";
    }

    private static String columns(OfbizEntityModel.Entity entity, List<String> fieldNames) {
        return fieldNames.stream().map(f -> entity.field(f).columnName()).collect(Collectors.joining(", "));
    }
}

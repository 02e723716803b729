package dev.seguito.sync.ofbiz;

import java.nio.file.Path;
import java.util.List;

/** The OFBiz entity definition files Seguito's mapping touches, plus the component's own entities. */
final class SchemaFiles {

    private SchemaFiles() {
    }

    static OfbizEntityModel model(Path shared, Path component) throws Exception {
        return OfbizEntityModel.load(shared.resolve("framework/framework/entity/fieldtype/fieldtypepostgres.xml"), List.of(
                shared.resolve("framework/framework/common/entitydef/entitymodel.xml"),
                shared.resolve("framework/applications/datamodel/entitydef/party-entitymodel.xml"),
                shared.resolve("framework/applications/datamodel/entitydef/marketing-entitymodel.xml"),
                component.resolve("entitydef/entitymodel.xml")));
    }
}

package dev.seguito.sync.ofbiz;

import org.w3c.dom.Element;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The operations of the component's api/seguito.rest.xml: full REST path (under /rest) → service name. */
record OfbizRestMapping(Map<String, String> serviceByPath) {

    static OfbizRestMapping load(Path component) throws Exception {
        Element api = OfbizEntityModel.parse(component.resolve("api/seguito.rest.xml")).getDocumentElement();
        Map<String, String> byPath = new LinkedHashMap<>();
        for (Element resource : OfbizEntityModel.children(api, "resource")) {
            for (Element op : OfbizEntityModel.children(resource, "operation")) {
                String service = OfbizEntityModel.children(op, "service").get(0).getAttribute("name");
                byPath.put("/rest" + resource.getAttribute("path") + op.getAttribute("path"), service);
            }
        }
        return new OfbizRestMapping(byPath);
    }

    List<String> services() {
        return List.copyOf(serviceByPath.values());
    }
}

package dev.seguito.sync.ofbiz;

import io.vertx.core.json.JsonObject;

import java.util.Objects;

/** One OFBiz service invocation: the service name and its IN parameters as the JSON body of the REST call. */
public record OfbizCall(String service, JsonObject params) {

    public OfbizCall {
        Objects.requireNonNull(service, "service");
        params = params == null ? new JsonObject() : params;
    }

    @Override
    public String toString() {
        return service + params.encode();
    }
}

package dev.seguito.sync.ofbiz;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.Matcher;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for OFBiz with the rest-api plugin and the seguito component installed, following the plugin's sources
 * and README: {@code POST /rest/auth/token} (HTTP Basic → HS256 JWT with {@code exp}, answered as
 * {@code {statusCode, statusDescription, successMessage, data:{access_token, token_type, expires_in}}}), the services
 * mapped by the component's api/seguito.rest.xml under {@code /rest/seguito/<service>}, and
 * {@code /rest/services/<service>} refusing non-exported services as OFBiz does. Errors use OFBiz's body
 * {@code {statusCode, statusDescription, errorType, errorMessage, errorDescription, additionalErrors}}: 400 for
 * validation, 401 for a missing/expired token, 403 for bad credentials, 422 for service errors, 500 for exceptions.
 * An in-memory party store enforces what the real tables would (unique externalId and messageId, primary keys,
 * foreign keys such as PartyRelationship → PartyRole). Faults can be injected: down, 500s, slowness, token expiry.
 */
final class OfbizContractServer {

    static final String USER = "seguito";
    static final String PASSWORD = "s3cret";

    private final Vertx vertx;
    private final Map<String, String> mappedServices; // path → service
    private final byte[] jwtKey = "contract-server-key-0123456789abcdef".getBytes(StandardCharsets.UTF_8);
    private HttpServer server;
    private int port;

    // faults
    private volatile long delayMillis;
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private volatile long tokensValidAfter;
    private volatile int tokenLifetimeSeconds = 1800;

    // observations
    final List<String> calls = Collections.synchronizedList(new ArrayList<>());
    final AtomicInteger tokensIssued = new AtomicInteger();

    // store
    final Map<String, JsonObject> parties = new ConcurrentHashMap<>();
    final Map<String, String> partyByExternalId = new ConcurrentHashMap<>();
    final Set<String> partyRoles = ConcurrentHashMap.newKeySet();
    /** What seguitoPing answers: plugin/ofbiz's version unless a test installs an older component. */
    volatile String componentVersion = "0.3.0";
    /** "partyId/attrName" → attrValue (PartyAttribute). */
    final Map<String, String> partyAttributes = new ConcurrentHashMap<>();
    /** partyId → noteInfo of its SEGUITO_ABOUT note (NoteData + PartyNote). */
    final Map<String, String> aboutNotes = new ConcurrentHashMap<>();
    /** How many SEGUITO_ABOUT notes were ever created (a second one for a party would be a duplicate). */
    final AtomicInteger aboutNotesCreated = new AtomicInteger();
    final List<JsonObject> contactMechs = Collections.synchronizedList(new ArrayList<>());
    final List<JsonObject> relationships = Collections.synchronizedList(new ArrayList<>());
    final Map<String, JsonObject> communicationEvents = new ConcurrentHashMap<>();
    final Map<String, String> eventByMessageId = new ConcurrentHashMap<>();
    final Set<String> partyDataSources = ConcurrentHashMap.newKeySet();
    final Map<String, JsonObject> captureSources = new ConcurrentHashMap<>();
    final Set<String> seed = ConcurrentHashMap.newKeySet();
    private final AtomicInteger sequence = new AtomicInteger(10000);

    OfbizContractServer(Vertx vertx, Map<String, String> mappedServices) {
        this.vertx = vertx;
        this.mappedServices = Map.copyOf(mappedServices);
    }

    Future<OfbizContractServer> start() {
        Router router = Router.router(vertx);
        router.route().handler(BodyHandler.create());
        router.route().handler(this::faults);
        router.post("/rest/auth/token").handler(this::token);
        router.post("/rest/services/:name").handler(ctx -> {
            if (authorised(ctx)) {
                error(ctx, 404, "Not Found", null, "Service '" + ctx.pathParam("name") + "' is not exportable.", null);
            }
        });
        router.post("/rest/seguito/:name").handler(this::service);
        router.route().handler(ctx -> error(ctx, 404, "Not Found", null, "HTTP 404 Not Found", null));
        return vertx.createHttpServer().requestHandler(router).listen(port).map(s -> {
            server = s;
            port = s.actualPort();
            return this;
        });
    }

    int port() {
        return port;
    }

    String baseUrl() {
        return "http://localhost:" + port;
    }

    /** Stops listening: connections are refused until {@link #start()} again (same port). */
    Future<Void> down() {
        return server.close();
    }

    void failNext(int times) {
        failuresLeft.set(times);
    }

    void slow(long millis) {
        delayMillis = millis;
    }

    /** Every token issued so far is now expired, as after OFBiz's expiry time. */
    void expireAllTokens() {
        tokensValidAfter = System.currentTimeMillis() / 1000 + 1;
    }

    void tokenLifetimeSeconds(int seconds) {
        tokenLifetimeSeconds = seconds;
    }

    long count(String service) {
        return calls.stream().filter(service::equals).count();
    }

    // ------------------------------------------------------------------ HTTP plumbing

    private void faults(RoutingContext ctx) {
        if (failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            error(ctx, 500, "Internal Server Error", "GenericServiceException",
                    "Service failed: an unexpected exception happened", "java.lang.NullPointerException");
            return;
        }
        if (delayMillis > 0) {
            vertx.setTimer(delayMillis, t -> ctx.next());
        } else {
            ctx.next();
        }
    }

    private void token(RoutingContext ctx) {
        String header = ctx.request().getHeader("Authorization");
        if (header == null || !header.toLowerCase().startsWith("basic ")) {
            ctx.response().putHeader("WWW-Authenticate", "Basic realm=\"OFBiz\"");
            error(ctx, 401, "Unauthorized", null,
                    "Unauthorized: Access is denied due to invalid or absent Authorization header", null);
            return;
        }
        String[] credentials = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8)
                .split(":", 2);
        if (credentials.length < 2 || !USER.equals(credentials[0]) || !PASSWORD.equals(credentials[1])) {
            error(ctx, 403, "Forbidden", null, "Access Denied: The password was not correct, please re-enter.", null);
            return;
        }
        tokensIssued.incrementAndGet();
        long now = System.currentTimeMillis() / 1000;
        String jwt = jwt(new JsonObject().put("userLoginId", USER).put("iss", "ApacheOFBiz").put("iat", now)
                .put("exp", now + tokenLifetimeSeconds));
        ok(ctx, "Token granted.", new JsonObject().put("access_token", jwt).put("expires_in", String.valueOf(tokenLifetimeSeconds))
                .put("token_type", "Bearer"));
    }

    private boolean authorised(RoutingContext ctx) {
        String header = ctx.request().getHeader("Authorization");
        if (header == null || !header.toLowerCase().startsWith("bearer ")) {
            ctx.response().putHeader("WWW-Authenticate", "Bearer realm=\"OFBiz\"");
            error(ctx, 401, "Unauthorized", null,
                    "Unauthorized: Access is denied due to invalid or absent Authorization header.", null);
            return false;
        }
        JsonObject claims = verify(header.substring(7).trim());
        long now = System.currentTimeMillis() / 1000;
        if (claims == null) {
            error(ctx, 401, "Unauthorized", null, "Unauthorized: Signature verification failed", null);
            return false;
        }
        if (claims.getLong("exp") <= now || claims.getLong("iat") < tokensValidAfter) {
            error(ctx, 401, "Unauthorized", null, "Unauthorized: The token has expired", null);
            return false;
        }
        return true;
    }

    private void service(RoutingContext ctx) {
        if (!authorised(ctx)) {
            return;
        }
        String service = mappedServices.get(ctx.request().path());
        if (service == null || !inInstalledComponent(service)) {
            error(ctx, 404, "Not Found", null, "HTTP 404 Not Found", null);
            return;
        }
        JsonObject params;
        try {
            params = ctx.body().asJsonObject();
        } catch (RuntimeException e) {
            error(ctx, 400, "Bad Request", null, "Invalid JSON body", null);
            return;
        }
        if (params == null || params.isEmpty()) {
            error(ctx, 400, "Bad Request", null, "The request body is missing.", null);
            return;
        }
        calls.add(service);
        List<String> refused = inputPolicyViolations(service, params);
        if (!refused.isEmpty()) {
            error(ctx, 400, "Bad Request", "ServiceValidationException",
                    "Validation failed for service " + service, String.join(" ", refused));
            return;
        }
        try {
            JsonObject out = run(service, params);
            ok(ctx, null, withoutEmptyValues(out));
        } catch (ValidationError e) {
            error(ctx, 400, "Bad Request", "ServiceValidationException",
                    "Validation failed for service " + service, e.getMessage());
        } catch (ServiceError e) {
            error(ctx, 422, "Unprocessable Entity", "ServiceError", "Service " + service + " failed", e.getMessage());
        }
    }

    private static void ok(RoutingContext ctx, String message, Object data) {
        JsonObject body = new JsonObject().put("statusCode", 200).put("statusDescription", "OK");
        if (message != null) {
            body.put("successMessage", message);
        }
        body.put("data", data);
        ctx.response().setStatusCode(200).putHeader("Content-Type", "application/json").end(body.encodePrettily());
    }

    private static void error(RoutingContext ctx, int status, String description, String type, String message,
                              String detail) {
        JsonObject body = new JsonObject().put("statusCode", status).put("statusDescription", description);
        if (type != null) {
            body.put("errorType", type);
        }
        body.put("errorMessage", message);
        if (detail != null) {
            body.put("errorDescription", detail);
        }
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body.encodePrettily());
    }

    /** OFBiz's REST layer leaves out OUT parameters that are null or empty. */
    private static JsonObject withoutEmptyValues(JsonObject out) {
        JsonObject copy = new JsonObject();
        out.forEach(e -> {
            Object v = e.getValue();
            boolean empty = v == null || (v instanceof String s && s.isEmpty()) || (v instanceof JsonArray a && a.isEmpty())
                    || (v instanceof JsonObject o && o.isEmpty());
            if (!empty) {
                copy.put(e.getKey(), v);
            }
        });
        return copy;
    }

    /** The component version that added each of its services (the rest are in every version). */
    private static final Map<String, String> SERVICE_SINCE = Map.of("seguitoRemovePartyAttribute", "0.2.0",
            "seguitoSetPartyAbout", "0.3.0");

    /** An older component's api/seguito.rest.xml maps no path to a service it did not have yet: OFBiz answers 404. */
    private boolean inInstalledComponent(String service) {
        String since = SERVICE_SINCE.get(service);
        return since == null || OfbizConnector.compareVersions(componentVersion, since) >= 0;
    }

    // ------------------------------------------------------------------ input policy

    /**
     * String IN parameters declared {@code allow-html="any"} (plugin/ofbiz/servicedef/services.xml). Every other one is
     * checked as OFBiz's ModelService does for {@code allow-html="none"} ({@code UtilCodec.checkStringForHtmlStrictNone}):
     * canonicalised strictly, as ESAPI does (pass after pass, HTML entities, also without ';', then %-escapes, until
     * nothing changes), and refused when that took two passes or both codecs; then refused when it holds {@code <} or
     * {@code >}, or when the text between the first {@code " on"} and the next {@code "="} makes, after "on", part of
     * a JavaScript event name (OFBIZ-10054), or it names {@code seekSegmentTime}. The {@code allow-html="safe"}
     * parameters of createCommunicationEvent (subject, messageId) are held to the same rule, stricter than OFBiz's
     * sanitizer, which would still refuse anything that looks like a tag.
     */
    private static final Map<String, Set<String>> ALLOW_HTML_ANY = Map.of("seguitoFindCommunicationEvent", Set.of("messageId"));

    /** OFBiz's UtilCodec.jsEventList (from OWASP's XSS filter evasion cheat sheet), compared ignoring case. */
    private static final List<String> JS_EVENTS = List.of("onAbort", "onActivate", "onAfterPrint", "onAfterUpdate",
            "onBeforeActivate", "onBeforeCopy", "onBeforeCut", "onBeforeDeactivate", "onBeforeEditFocus", "onBeforePaste",
            "onBeforePrint", "onBeforeUnload", "onBeforeUpdate", "onBegin", "onBlur", "onBounce", "onCellChange", "onChange",
            "onClick", "onContextMenu", "onControlSelect", "onCopy", "onCut", "onDataAvailable", "onDataSetChanged",
            "onDataSetComplete", "onDblClick", "onDeactivate", "onDrag", "onDragEnd", "onDragLeave", "onDragEnter",
            "onDragOver", "onDragDrop", "onDragStart", "onDrop", "onEnd", "onError", "onErrorUpdate", "onFilterChange",
            "onFinish", "onFocus", "onFocusIn", "onFocusOut", "onHashChange", "onHelp", "onInput", "onKeyDown", "onKeyPress",
            "onKeyUp", "onLayoutComplete", "onLoad", "onLoseCapture", "onMediaComplete", "onMediaError", "onMessage",
            "onMouseDown", "onMouseEnter", "onMouseLeave", "onMouseMove", "onMouseOut", "onMouseOver", "onMouseUp",
            "onMouseWheel", "onMove", "onMoveEnd", "onMoveStart", "onOffline", "onOnline", "onOutOfSync", "onPaste",
            "onPause", "onPopState", "onProgress", "onPropertyChange", "onReadyStateChange", "onRedo", "onRepeat", "onReset",
            "onResize", "onResizeEnd", "onResizeStart", "onResume", "onReverse", "onRowsEnter", "onRowExit", "onRowDelete",
            "onRowInserted", "onScroll", "onSeek", "onSelect", "onSelectionChange", "onSelectStart", "onStart", "onStop",
            "onStorage", "onSyncRestored", "onSubmit", "onTimeError", "onTrackChange", "onUndo", "onUnload", "onURLFlip",
            "seekSegmentTime");

    static List<String> inputPolicyViolations(String service, JsonObject params) {
        List<String> errors = new ArrayList<>();
        Set<String> any = ALLOW_HTML_ANY.getOrDefault(service, Set.of());
        params.forEach(e -> {
            if (e.getValue() instanceof String value && !value.isEmpty() && !any.contains(e.getKey())) {
                errors.addAll(strictNoneViolations(e.getKey(), value));
            }
        });
        return errors;
    }

    static List<String> strictNoneViolations(String field, String original) {
        List<String> errors = new ArrayList<>();
        String value = original;
        try {
            value = canonicalStrict(original);
        } catch (IllegalArgumentException e) {
            errors.add("In field [" + field + "] found character escaping (mixed or double) that is not allowed "
                    + "or other format consistency error: " + e.getMessage());
        }
        if (value.indexOf('<') >= 0 || value.indexOf('>') >= 0) {
            errors.add("In field [" + field + "] less-than (<) and greater-than (>) symbols are not allowed.");
        }
        String onEvent = "on" + between(value, " on", "=");
        if (JS_EVENTS.stream().anyMatch(name -> name.toLowerCase(Locale.ROOT).contains(onEvent.toLowerCase(Locale.ROOT)))
                || value.contains("seekSegmentTime")) {
            errors.add("In field [" + field + "] Javascript events are not allowed.");
        }
        return errors;
    }

    /** StringUtils.substringBetween: the text between the first {@code open} and the next {@code close}, or "null". */
    private static String between(String s, String open, String close) {
        int start = s.indexOf(open);
        int end = start < 0 ? -1 : s.indexOf(close, start + open.length());
        return end < 0 ? "null" : s.substring(start + open.length(), end);
    }

    /** ESAPI's canonicalize(value, strict): throws on an escape found in two passes, or by both codecs. */
    private static String canonicalStrict(String value) {
        String working = value;
        String codecFound = null;
        int mixedCount = 1;
        int foundCount = 0;
        boolean clean = false;
        while (!clean) {
            clean = true;
            for (String codec : List.of("html", "percent")) {
                String old = working;
                working = "html".equals(codec) ? esapiEntities(working) : percentDecoded(working);
                if (!old.equals(working)) {
                    if (codecFound != null && !codecFound.equals(codec)) {
                        mixedCount++;
                    }
                    codecFound = codec;
                    if (clean) {
                        foundCount++;
                    }
                    clean = false;
                }
            }
        }
        if (foundCount >= 2 || mixedCount > 1) {
            throw new IllegalArgumentException("Input validation failure");
        }
        return working;
    }

    /**
     * ESAPI's HTMLEntityCodec.decode: {@code &#60}, {@code &#x3c} (';' optional) and named entities matched as the
     * longest known name at the start of what follows '&' (so {@code &region=} holds {@code &reg}); case ignored,
     * names from jsoup's HTML5 table (a superset of ESAPI's HTML 4 one: this refuses at least what OFBiz refuses).
     */
    private static String esapiEntities(String s) {
        StringBuilder out = new StringBuilder();
        Matcher m = ENTITY.matcher(s);
        int last = 0;
        while (m.find()) {
            String replacement = null;
            int end = m.end();
            if (m.group(1) != null) {
                int cp = Integer.parseInt(m.group(1), 10);
                replacement = Character.isValidCodePoint(cp) ? new String(Character.toChars(cp)) : null;
            } else if (m.group(2) != null) {
                int cp = Integer.parseInt(m.group(2), 16);
                replacement = Character.isValidCodePoint(cp) ? new String(Character.toChars(cp)) : null;
            } else {
                String letters = m.group(3);
                for (int len = letters.length(); len > 0 && replacement == null; len--) {
                    for (String name : List.of(letters.substring(0, len), letters.substring(0, len).toLowerCase(Locale.ROOT))) {
                        if (replacement == null && org.jsoup.nodes.Entities.isNamedEntity(name)) {
                            replacement = org.jsoup.nodes.Entities.getByName(name);
                            end = m.start(3) + len;
                        }
                    }
                }
            }
            if (replacement == null) {
                continue;
            }
            if (end < s.length() && s.charAt(end) == ';') {
                end++;
            }
            out.append(s, last, m.start()).append(replacement);
            last = end;
            m.region(end, s.length());
        }
        return out.append(s.substring(last)).toString();
    }

    private static final Pattern ENTITY = Pattern.compile("&(?:#0*([0-9]{1,7})|#[xX]0*([0-9a-fA-F]{1,6})|([A-Za-z][A-Za-z0-9]{0,31}))");

    private static String percentDecoded(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length()
                    && Character.digit(s.charAt(i + 1), 16) >= 0 && Character.digit(s.charAt(i + 2), 16) >= 0) {
                out.append((char) Integer.parseInt(s.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    // ------------------------------------------------------------------ services

    private JsonObject run(String service, JsonObject p) {
        synchronized (this) {
            return switch (service) {
                case "seguitoPing" -> new JsonObject().put("componentVersion", componentVersion).put("userLoginId", USER)
                        .put("seedDataPresent", seed.contains("SEGUITO_LINKEDIN") ? "Y" : "N");
                case "seguitoEnsureSeedData" -> {
                    JsonArray created = new JsonArray();
                    for (String id : List.of("SEGUITO_CAPTURE", "SEGUITO_LINKEDIN", "SEGUITO_EMAIL", "SEGUITO_MANUAL",
                            "SEGUITO_LINKEDIN_MSG", "SEGUITO_LI_CONNECT", "SEGUITO_REFERRAL_OUT", "SEGUITO_REFERRAL_IN")) {
                        if (seed.add(id)) {
                            created.add(id);
                        }
                    }
                    yield new JsonObject().put("created", created);
                }
                case "seguitoGetPartySnapshot" -> snapshot(required(p, "externalId"));
                case "seguitoFindCommunicationEvent" -> {
                    String id = p.getString("communicationEventId");
                    String found = id != null && communicationEvents.containsKey(id) ? id
                            : eventByMessageId.get(String.valueOf(p.getString("messageId")));
                    yield new JsonObject().put("communicationEventId", found);
                }
                case "createPerson", "createPartyGroup" -> createParty(service, p);
                case "updatePerson" -> {
                    JsonObject party = existingParty(required(p, "partyId"));
                    party.put("firstName", required(p, "firstName")).put("lastName", required(p, "lastName"));
                    if (p.containsKey("occupation")) {
                        party.put("occupation", p.getString("occupation"));
                    }
                    yield new JsonObject();
                }
                case "createPartyAttribute" -> {
                    existingParty(required(p, "partyId"));
                    String key = p.getString("partyId") + "/" + required(p, "attrName");
                    if (partyAttributes.containsKey(key)) {
                        throw new ServiceError("The entity PartyAttribute with primary key [" + p.getString("partyId")
                                + ", " + p.getString("attrName") + "] already exists.");
                    }
                    checkLength("attrValue", p.getString("attrValue"), 255);
                    partyAttributes.put(key, p.getString("attrValue"));
                    yield new JsonObject();
                }
                case "updatePartyAttribute" -> {
                    String key = required(p, "partyId") + "/" + required(p, "attrName");
                    if (!partyAttributes.containsKey(key)) {
                        throw new ServiceError("Entity value not found with primary key: [GenericPK:PartyAttribute][attrName,"
                                + p.getString("attrName") + "][partyId," + p.getString("partyId") + "]");
                    }
                    checkLength("attrValue", p.getString("attrValue"), 255);
                    partyAttributes.put(key, p.getString("attrValue"));
                    yield new JsonObject();
                }
                case "seguitoRemovePartyAttribute" -> {
                    String name = required(p, "attrName");
                    if (!name.startsWith("SEGUITO_")) {
                        throw new ServiceError("Only Seguito's own attributes (SEGUITO_*) can be removed this way, not " + name);
                    }
                    partyAttributes.remove(required(p, "partyId") + "/" + name);
                    yield new JsonObject();
                }
                case "seguitoSetPartyAbout" -> {
                    String partyId = required(p, "partyId");
                    existingParty(partyId);
                    String about = p.getString("about");
                    if (about == null || about.isEmpty()) {
                        aboutNotes.remove(partyId);
                    } else if (aboutNotes.put(partyId, about) == null) {
                        aboutNotesCreated.incrementAndGet();
                    }
                    yield new JsonObject();
                }
                case "setPartyStatus" -> {
                    JsonObject party = existingParty(required(p, "partyId"));
                    String old = party.getString("statusId");
                    party.put("statusId", required(p, "statusId"));
                    yield new JsonObject().put("oldStatusId", old);
                }
                case "createPartyRole" -> {
                    existingParty(required(p, "partyId"));
                    if (!partyRoles.add(p.getString("partyId") + "/" + required(p, "roleTypeId"))) {
                        throw new ServiceError("The entity PartyRole with primary key [" + p.getString("partyId") + ", "
                                + p.getString("roleTypeId") + "] already exists.");
                    }
                    yield new JsonObject();
                }
                case "createPartyDataSource" -> {
                    existingParty(required(p, "partyId"));
                    partyDataSources.add(p.getString("partyId") + "/" + required(p, "dataSourceId"));
                    yield new JsonObject();
                }
                case "createPartyEmailAddress" -> {
                    String address = required(p, "emailAddress");
                    if (!address.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
                        throw new ServiceError(address + " is not a valid email address.");
                    }
                    yield createContactMech(p, "EMAIL_ADDRESS", address);
                }
                case "createPartyTelecomNumber" -> {
                    required(p, "contactNumber");
                    yield createContactMech(p, "TELECOM_NUMBER", null);
                }
                case "createPartyContactMech" -> createContactMech(p, required(p, "contactMechTypeId"), p.getString("infoString"));
                case "deletePartyContactMech" -> {
                    // PartyContactMechServices.xml: the party's current PartyContactMech gets thruDate now
                    String id = required(p, "contactMechId");
                    JsonObject cm = contactMechs.stream().filter(m -> m.getString("contactMechId").equals(id)
                                    && m.getValue("thruDate") == null
                                    && (p.getString("partyId") == null || m.getString("partyId").equals(p.getString("partyId"))))
                            .findFirst().orElseThrow(() -> new ServiceError("PartyContactMech not found for contactMechId " + id));
                    cm.put("thruDate", System.currentTimeMillis());
                    yield new JsonObject();
                }
                case "createPartyRelationship" -> createRelationship(p);
                case "updatePartyRelationship" -> {
                    JsonObject rel = relationships.stream().filter(r -> r.getString("partyIdFrom").equals(required(p, "partyIdFrom"))
                                    && r.getString("partyIdTo").equals(required(p, "partyIdTo"))
                                    && r.getString("roleTypeIdFrom").equals(p.getString("roleTypeIdFrom"))
                                    && r.getString("roleTypeIdTo").equals(p.getString("roleTypeIdTo"))
                                    && r.getLong("fromDate").equals(p.getLong("fromDate")))
                            .findFirst().orElseThrow(() -> new ServiceError("PartyRelationship not found: " + p.encode()));
                    p.forEach(e -> {
                        if (List.of("thruDate", "positionTitle", "statusId", "comments").contains(e.getKey())) {
                            rel.put(e.getKey(), e.getValue());
                        }
                    });
                    yield new JsonObject();
                }
                case "createCommunicationEvent" -> createCommunicationEvent(p);
                case "seguitoCreateCaptureSource" -> {
                    String id = required(p, "captureSourceId");
                    existingParty(required(p, "partyId"));
                    if (captureSources.putIfAbsent(id, p.copy()) != null) {
                        throw new ServiceError("The entity SeguitoCaptureSource with primary key [" + id + "] already exists.");
                    }
                    yield new JsonObject();
                }
                default -> throw new ServiceError("no contract behaviour for " + service);
            };
        }
    }

    private JsonObject createParty(String service, JsonObject p) {
        String partyId = p.getString("partyId", "P" + sequence.incrementAndGet());
        if (parties.containsKey(partyId)) {
            throw new ServiceError("Could not create party (already exists): " + partyId);
        }
        String externalId = p.getString("externalId");
        if (externalId != null && partyByExternalId.containsKey(externalId)) {
            throw new ServiceError("A party with externalId " + externalId + " already exists");
        }
        checkIdLength(partyId);
        checkIdLength(externalId);
        JsonObject party = new JsonObject().put("partyId", partyId)
                .put("partyTypeId", service.equals("createPerson") ? "PERSON" : "PARTY_GROUP")
                .put("externalId", externalId).put("statusId", p.getString("statusId"));
        if (service.equals("createPartyGroup")) {
            party.put("groupName", required(p, "groupName"));
        } else {
            party.put("firstName", p.getString("firstName")).put("lastName", p.getString("lastName"))
                    .put("occupation", p.getString("occupation"));
        }
        parties.put(partyId, party);
        if (externalId != null) {
            partyByExternalId.put(externalId, partyId);
        }
        return new JsonObject().put("partyId", partyId);
    }

    private JsonObject createContactMech(JsonObject p, String type, String infoString) {
        existingParty(required(p, "partyId"));
        String id = String.valueOf(sequence.incrementAndGet());
        JsonObject cm = new JsonObject().put("contactMechId", id).put("partyId", p.getString("partyId"))
                .put("contactMechTypeId", type).put("infoString", infoString)
                .put("countryCode", p.getString("countryCode")).put("areaCode", p.getString("areaCode"))
                .put("contactNumber", p.getString("contactNumber"))
                .put("purposes", p.getString("contactMechPurposeTypeId") == null ? new JsonArray()
                        : new JsonArray().add(p.getString("contactMechPurposeTypeId")));
        contactMechs.add(cm);
        return new JsonObject().put("contactMechId", id);
    }

    private JsonObject createRelationship(JsonObject p) {
        String from = required(p, "partyIdFrom");
        String to = required(p, "partyIdTo");
        String roleFrom = p.getString("roleTypeIdFrom", "_NA_");
        String roleTo = p.getString("roleTypeIdTo", "_NA_");
        for (String role : List.of(from + "/" + roleFrom, to + "/" + roleTo)) {
            if (!partyRoles.contains(role)) {
                throw new ServiceError("Foreign key violation: PartyRole " + role + " does not exist");
            }
        }
        relationships.add(p.copy().put("roleTypeIdFrom", roleFrom).put("roleTypeIdTo", roleTo)
                .put("fromDate", p.getLong("fromDate", System.currentTimeMillis())));
        return new JsonObject();
    }

    private JsonObject createCommunicationEvent(JsonObject p) {
        String id = p.getString("communicationEventId", String.valueOf(sequence.incrementAndGet()));
        checkIdLength(id);
        if (communicationEvents.containsKey(id)) {
            throw new ServiceError("The entity CommunicationEvent with primary key [" + id + "] already exists.");
        }
        String messageId = p.getString("messageId");
        if (messageId != null && eventByMessageId.containsKey(messageId)) {
            throw new ServiceError("duplicate key value violates unique constraint \"commevt_msg_id\"");
        }
        for (String side : List.of("partyIdFrom", "partyIdTo")) {
            if (p.getString(side) != null) {
                existingParty(p.getString(side));
            }
        }
        communicationEvents.put(id, p.copy().put("communicationEventId", id));
        if (messageId != null) {
            eventByMessageId.put(messageId, id);
        }
        return new JsonObject().put("communicationEventId", id);
    }

    /** Test helper: an event OFBiz already has, e.g. logged by its own email import. */
    void existingCommunicationEvent(String id, String messageId) {
        communicationEvents.put(id, new JsonObject().put("communicationEventId", id).put("messageId", messageId));
        eventByMessageId.put(messageId, id);
    }

    private JsonObject snapshot(String externalId) {
        String partyId = partyByExternalId.get(externalId);
        if (partyId == null) {
            return new JsonObject();
        }
        JsonObject party = parties.get(partyId);
        JsonObject out = new JsonObject().put("partyId", partyId).put("partyTypeId", party.getString("partyTypeId"))
                .put("statusId", party.getString("statusId")).put("firstName", party.getString("firstName"))
                .put("lastName", party.getString("lastName")).put("occupation", party.getString("occupation"))
                .put("groupName", party.getString("groupName"));
        JsonArray roles = new JsonArray();
        partyRoles.stream().filter(r -> r.startsWith(partyId + "/")).forEach(r -> roles.add(r.substring(partyId.length() + 1)));
        out.put("roleTypeIds", roles);
        JsonArray mechs = new JsonArray();
        contactMechs.stream().filter(cm -> cm.getString("partyId").equals(partyId) && cm.getValue("thruDate") == null).forEach(cm -> {
            JsonObject copy = cm.copy();
            copy.remove("partyId");
            mechs.add(withoutEmptyValues(copy).put("purposes", cm.getJsonArray("purposes")));
        });
        out.put("contactMechs", mechs);
        JsonArray jobs = new JsonArray();
        relationships.stream().filter(r -> r.getString("partyIdTo").equals(partyId)
                        && "EMPLOYMENT".equals(r.getString("partyRelationshipTypeId")) && r.getValue("thruDate") == null)
                .forEach(r -> jobs.add(new JsonObject().put("partyIdFrom", r.getString("partyIdFrom"))
                        .put("roleTypeIdFrom", r.getString("roleTypeIdFrom")).put("partyIdTo", partyId)
                        .put("roleTypeIdTo", r.getString("roleTypeIdTo")).put("fromDate", r.getLong("fromDate"))
                        .put("positionTitle", r.getString("positionTitle"))));
        out.put("employments", jobs);
        JsonArray sources = new JsonArray();
        partyDataSources.stream().filter(s -> s.startsWith(partyId + "/")).forEach(s -> sources.add(s.substring(partyId.length() + 1)));
        out.put("dataSourceIds", sources);
        JsonArray captures = new JsonArray();
        captureSources.forEach((id, c) -> {
            if (partyId.equals(c.getString("partyId"))) {
                captures.add(id);
            }
        });
        out.put("captureSourceIds", captures);
        JsonObject attributes = new JsonObject();
        partyAttributes.forEach((key, value) -> {
            if (key.startsWith(partyId + "/") && key.substring(partyId.length() + 1).startsWith("SEGUITO_")) {
                attributes.put(key.substring(partyId.length() + 1), value);
            }
        });
        out.put("partyAttributes", attributes);
        if (aboutNotes.containsKey(partyId)) {
            out.put("about", aboutNotes.get(partyId));
        }
        return out;
    }

    private JsonObject existingParty(String partyId) {
        JsonObject party = parties.get(partyId);
        if (party == null) {
            throw new ServiceError("Foreign key violation: Party " + partyId + " does not exist");
        }
        return party;
    }

    /** OFBiz columns of type value or description are VARCHAR(255). */
    private static void checkLength(String field, String value, int max) {
        if (value != null && value.length() > max) {
            throw new ServiceError("value too long for type character varying(" + max + "): " + field);
        }
    }

    private static void checkIdLength(String id) {
        if (id != null && id.length() > 20) {
            throw new ServiceError("value too long for type character varying(20): " + id);
        }
    }

    private static String required(JsonObject p, String name) {
        String value = p.getValue(name) == null ? null : p.getValue(name).toString();
        if (value == null || value.isBlank()) {
            throw new ValidationError("The following required parameter is missing: [IN] [" + name + "]");
        }
        return value;
    }

    // ------------------------------------------------------------------ JWT

    private String jwt(JsonObject claims) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString("{\"typ\":\"JWT\",\"alg\":\"HS512\"}".getBytes(StandardCharsets.UTF_8));
        String payload = b64.encodeToString(claims.encode().getBytes(StandardCharsets.UTF_8));
        return header + "." + payload + "." + b64.encodeToString(sign(header + "." + payload));
    }

    private JsonObject verify(String token) {
        String[] parts = token.split("\\.");
        if (parts.length != 3) {
            return null;
        }
        String expected = Base64.getUrlEncoder().withoutPadding().encodeToString(sign(parts[0] + "." + parts[1]));
        if (!expected.equals(parts[2])) {
            return null;
        }
        return new JsonObject(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
    }

    private byte[] sign(String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA512");
            mac.init(new SecretKeySpec(jwtKey, "HmacSHA512"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class ValidationError extends RuntimeException {
        ValidationError(String message) {
            super(message);
        }
    }

    private static final class ServiceError extends RuntimeException {
        ServiceError(String message) {
            super(message);
        }
    }
}

package dev.seguito.sync.ofbiz;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What OFBiz already holds about one party, as answered by the component's {@code seguitoGetPartySnapshot} service.
 * The mapping compares it with a {@link dev.seguito.sync.SyncRecord} so that only missing pieces are created. OFBiz's
 * REST layer drops empty OUT parameters, so every field may be absent; absent {@code partyId} means "not found".
 * {@code attributes} holds the party's Seguito attributes ({@code SEGUITO_*} PartyAttribute name → value);
 * {@code about} the text of its {@code SEGUITO_ABOUT} note (the LinkedIn "About" section), null when it has none.
 */
public record PartySnapshot(String partyId, String statusId, String firstName, String lastName, String occupation,
                            String groupName, Set<String> roleTypeIds, List<ContactMech> contactMechs,
                            List<Employment> employments, Set<String> dataSourceIds, Set<String> captureSourceIds,
                            Map<String, String> attributes, String about) {

    public PartySnapshot {
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }

    /** A current (not expired) contact mech of the party with its current purposes. */
    public record ContactMech(String contactMechId, String contactMechTypeId, String infoString, String countryCode,
                              String areaCode, String contactNumber, Set<String> purposes) {

        /** Digits of the full number, comparable with an E.164 number's digits. */
        public String phoneDigits() {
            return digits(nullToEmpty(countryCode) + nullToEmpty(areaCode) + nullToEmpty(contactNumber));
        }
    }

    /** A current EMPLOYMENT PartyRelationship pointing at the party; {@code fromDate} in epoch milliseconds. */
    public record Employment(String partyIdFrom, String roleTypeIdFrom, String partyIdTo, String roleTypeIdTo,
                             long fromDate, String positionTitle) {
    }

    public static final PartySnapshot NOT_FOUND = new PartySnapshot(null, null, null, null, null, null, Set.of(),
            List.of(), List.of(), Set.of(), Set.of(), Map.of(), null);

    public boolean found() {
        return partyId != null;
    }

    public static PartySnapshot fromServiceData(JsonObject data) {
        if (data == null || data.getString("partyId") == null) {
            return NOT_FOUND;
        }
        List<ContactMech> mechs = new ArrayList<>();
        for (JsonObject cm : objects(data.getJsonArray("contactMechs"))) {
            mechs.add(new ContactMech(cm.getString("contactMechId"), cm.getString("contactMechTypeId"),
                    cm.getString("infoString"), cm.getString("countryCode"), cm.getString("areaCode"),
                    cm.getString("contactNumber"), strings(cm.getJsonArray("purposes"))));
        }
        List<Employment> employments = new ArrayList<>();
        for (JsonObject e : objects(data.getJsonArray("employments"))) {
            employments.add(new Employment(e.getString("partyIdFrom"), e.getString("roleTypeIdFrom"),
                    e.getString("partyIdTo"), e.getString("roleTypeIdTo"), e.getLong("fromDate", 0L),
                    e.getString("positionTitle")));
        }
        return new PartySnapshot(data.getString("partyId"), data.getString("statusId"), data.getString("firstName"),
                data.getString("lastName"), data.getString("occupation"), data.getString("groupName"),
                strings(data.getJsonArray("roleTypeIds")), List.copyOf(mechs), List.copyOf(employments),
                strings(data.getJsonArray("dataSourceIds")), strings(data.getJsonArray("captureSourceIds")),
                attributes(data.getJsonObject("partyAttributes")), data.getString("about"));
    }

    private static Map<String, String> attributes(JsonObject json) {
        Map<String, String> out = new HashMap<>();
        if (json != null) {
            json.forEach(e -> {
                if (e.getValue() != null) {
                    out.put(e.getKey(), e.getValue().toString());
                }
            });
        }
        return out;
    }

    static String digits(String s) {
        return s == null ? "" : s.replaceAll("\\D", "");
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private static List<JsonObject> objects(JsonArray array) {
        List<JsonObject> list = new ArrayList<>();
        if (array != null) {
            for (Object o : array) {
                if (o instanceof JsonObject json) {
                    list.add(json);
                }
            }
        }
        return list;
    }

    private static Set<String> strings(JsonArray array) {
        Set<String> set = new LinkedHashSet<>();
        if (array != null) {
            for (Object o : array) {
                if (o != null) {
                    set.add(o.toString());
                }
            }
        }
        return Set.copyOf(set);
    }
}

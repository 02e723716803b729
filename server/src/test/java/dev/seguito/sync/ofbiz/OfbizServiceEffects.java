package dev.seguito.sync.ofbiz;

import io.vertx.core.json.JsonObject;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A model of the rows OFBiz's party services write for the calls Seguito makes (read from the service definitions and
 * implementations of OFBiz 22.01+): e.g. createPartyEmailAddress writes ContactMech, PartyContactMech and
 * PartyContactMechPurpose; createCommunicationEvent also records the from/to parties in CommunicationEventRole.
 * Every call parameter must land in a real field, so a misspelt or invented parameter fails the schema test.
 */
final class OfbizServiceEffects {

    /** One row write: INSERT, or UPDATE by primary key of the given fields. */
    record Write(String entity, boolean update, Map<String, Object> fields) {
    }

    private final OfbizEntityModel model;
    private final long now;
    private final long later;
    private int nextContactMechId = 10000;
    private final Set<String> ensuredRoles = new HashSet<>();
    /** "partyId/infoString" → contactMechId of the contact mechs created so far, for a test's snapshot. */
    private final Map<String, String> contactMechIds = new LinkedHashMap<>();
    /** partyId → noteId of its SEGUITO_ABOUT note. */
    private final Map<String, String> aboutNoteIds = new LinkedHashMap<>();

    OfbizServiceEffects(OfbizEntityModel model, long nowMillis) {
        this.model = model;
        this.now = nowMillis;
        this.later = nowMillis + 86_400_000L;
    }

    List<Write> effects(OfbizCall call) {
        JsonObject p = call.params();
        Set<String> used = new HashSet<>();
        List<Write> writes = new ArrayList<>();
        switch (call.service()) {
            case "createPerson", "createPartyGroup" -> {
                boolean person = call.service().equals("createPerson");
                writes.add(insert("Party", p, used, "partyTypeId", person ? "PERSON" : "PARTY_GROUP", "createdDate", now));
                writes.add(insert(person ? "Person" : "PartyGroup", p, used));
                writes.add(insert("PartyStatus", p, used, "statusDate", now));
            }
            case "createPartyRole" -> {
                writes.add(insert("PartyRole", p, used));
                ensuredRoles.add(p.getString("partyId") + "/" + p.getString("roleTypeId"));
            }
            case "createPartyDataSource" -> writes.add(insert("PartyDataSource", p, used));
            case "createPartyEmailAddress", "createPartyTelecomNumber", "createPartyContactMech" -> {
                String id = String.valueOf(nextContactMechId++);
                String type = switch (call.service()) {
                    case "createPartyEmailAddress" -> "EMAIL_ADDRESS";
                    case "createPartyTelecomNumber" -> "TELECOM_NUMBER";
                    default -> p.getString("contactMechTypeId");
                };
                Object info = p.getValue("emailAddress", p.getValue("infoString"));
                used.add("emailAddress");
                writes.add(insert("ContactMech", p, used, "contactMechId", id, "contactMechTypeId", type, "infoString", info));
                if (call.service().equals("createPartyTelecomNumber")) {
                    writes.add(insert("TelecomNumber", p, used, "contactMechId", id));
                }
                writes.add(insert("PartyContactMech", p, used, "contactMechId", id, "fromDate", now));
                writes.add(insert("PartyContactMechPurpose", p, used, "contactMechId", id, "fromDate", now));
                contactMechIds.put(p.getString("partyId") + "/" + info, id);
            }
            case "deletePartyContactMech" -> // the current PartyContactMech (created at "now" here) gets a thruDate
                    writes.add(update("PartyContactMech", p, used, "fromDate", now, "thruDate", later));
            case "createPartyRelationship" -> writes.add(insert("PartyRelationship", p, used));
            case "updatePerson" -> {
                writes.add(update("Person", p, used));
            }
            case "updatePartyRelationship" -> writes.add(update("PartyRelationship", p, used));
            case "createPartyAttribute" -> writes.add(insert("PartyAttribute", p, used));
            case "updatePartyAttribute" -> writes.add(update("PartyAttribute", p, used));
            case "setPartyStatus" -> {
                writes.add(update("Party", p, used));
                writes.add(insert("PartyStatus", p, used, "statusDate", now));
            }
            case "seguitoCreateCaptureSource" -> writes.add(insert("SeguitoCaptureSource", p, used));
            case "seguitoSetPartyAbout" -> { // the component's Groovy service: NoteData + PartyNote, changed in place
                used.add("about");
                String partyId = p.getString("partyId");
                String noteId = aboutNoteIds.get(partyId);
                if (noteId == null) {
                    noteId = String.valueOf(nextContactMechId++);
                    aboutNoteIds.put(partyId, noteId);
                    writes.add(new Write("NoteData", false, Map.of("noteId", noteId, "noteName", "SEGUITO_ABOUT",
                            "noteInfo", p.getString("about"), "noteDateTime", now)));
                    writes.add(insert("PartyNote", p, used, "noteId", noteId));
                } else {
                    used.add("partyId");
                    writes.add(new Write("NoteData", true, Map.of("noteId", noteId, "noteInfo", p.getString("about"),
                            "noteDateTime", later)));
                }
            }
            case "createCommunicationEvent" -> {
                for (String side : List.of("From", "To")) {
                    String party = p.getString("partyId" + side);
                    String role = p.getString("roleTypeId" + side);
                    if (party != null && ensuredRoles.add(party + "/" + role)) {
                        writes.add(new Write("PartyRole", false, Map.of("partyId", party, "roleTypeId", role)));
                    }
                }
                writes.add(insert("CommunicationEvent", p, used));
                for (String side : List.of("From", "To")) {
                    String party = p.getString("partyId" + side);
                    if (party != null) {
                        writes.add(new Write("CommunicationEventRole", false, Map.of("communicationEventId",
                                p.getString("communicationEventId"), "partyId", party,
                                "roleTypeId", p.getString("roleTypeId" + side), "statusId", p.getString("statusId"))));
                    }
                }
            }
            default -> throw new IllegalArgumentException("no effects modelled for service " + call.service());
        }
        Set<String> unused = new HashSet<>(p.fieldNames());
        unused.removeAll(used);
        if (!unused.isEmpty()) {
            throw new IllegalArgumentException(call.service() + " parameters that land in no OFBiz field: " + unused);
        }
        return writes;
    }

    /** Columns from the call parameters that are fields of the entity, plus the given fixed ones. */
    private Write insert(String entity, JsonObject params, Set<String> used, Object... fixed) {
        return new Write(entity, false, fields(entity, params, used, fixed));
    }

    private Write update(String entity, JsonObject params, Set<String> used, Object... fixed) {
        return new Write(entity, true, fields(entity, params, used, fixed));
    }

    /** The id of a contact mech created for {@code partyId} with this infoString (an email address, a URL). */
    String contactMechId(String partyId, String infoString) {
        return contactMechIds.get(partyId + "/" + infoString);
    }

    private Map<String, Object> fields(String entity, JsonObject params, Set<String> used, Object... fixed) {
        OfbizEntityModel.Entity e = model.entity(entity);
        Map<String, Object> row = new LinkedHashMap<>();
        for (String name : params.fieldNames()) {
            if (e.fields().containsKey(name)) {
                row.put(name, params.getValue(name));
                used.add(name);
            }
        }
        for (int i = 0; i < fixed.length; i += 2) {
            row.put((String) fixed[i], fixed[i + 1]);
        }
        return row;
    }

    /** JDBC value for a field: epoch milliseconds become timestamps for date-time fields. */
    static Object jdbcValue(OfbizEntityModel.Field field, Object value) {
        if (value instanceof Number n && field.type().equals("date-time")) {
            return new Timestamp(n.longValue());
        }
        if (value instanceof String s && field.type().equals("date-time")) {
            return Timestamp.valueOf(s);
        }
        if (value instanceof Number n && (field.type().equals("numeric"))) {
            return n.longValue();
        }
        return value;
    }
}

package dev.seguito.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

class SyncRecordTest {

    @Test
    void survivesAJsonRoundTripAsTheOutboxStoresIt() {
        SyncRecord record = SyncRecord.interactionCreate("i-1", new JsonObject().put("type", "email")
                .put("occurredAt", "2026-11-20T10:15:00Z"));
        SyncRecord back = SyncRecord.fromJson(new JsonObject(record.toJson().encode()));
        assertEquals(record, back);
        assertEquals(Instant.parse("2026-11-20T10:15:00Z"), back.occurredAt());
    }

    @Test
    void listAccessorsSkipBlanksAndDuplicates() {
        SyncRecord record = SyncRecord.contactUpsert("c-1", new JsonObject()
                .put("emails", new JsonArray().add("a@x.example").add(" ").add("a@x.example")).put("title", "  "));
        assertEquals(List.of("a@x.example"), record.emails());
        assertEquals(null, record.title());
    }

    @Test
    void aFailureWithoutReasonIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> CrmResult.permanent(" "));
        assertEquals(CrmResult.Status.DELIVERED, CrmResult.delivered().status());
    }
}

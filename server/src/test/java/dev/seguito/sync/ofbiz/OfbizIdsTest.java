package dev.seguito.sync.ofbiz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

class OfbizIdsTest {

    @Test
    void idsFitOfbizIdColumnsAndUseOnlyIdFriendlyCharacters() {
        String id = OfbizIds.contactParty(UUID.randomUUID().toString());
        assertEquals(20, id.length());
        assertTrue(id.matches("SG[A-Z2-7]{18}"), id);
    }

    @Test
    void theSameSeguitoIdAlwaysGivesTheSameOfbizId() {
        String uuid = "0b6c3f5e-8d0c-4a51-9d4e-3c1f2a9e7b10";
        assertEquals(OfbizIds.contactParty(uuid), OfbizIds.contactParty(uuid.toUpperCase()));
        assertEquals(OfbizIds.companyParty("Acme  S.p.A."), OfbizIds.companyParty(" acme s.p.a. "));
    }

    @Test
    void differentKindsOfTheSameIdDoNotCollide() {
        String uuid = "0b6c3f5e-8d0c-4a51-9d4e-3c1f2a9e7b10";
        assertNotEquals(OfbizIds.contactParty(uuid), OfbizIds.communicationEvent(uuid));
    }

    @Test
    void manyRandomIdsStayDistinct() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            ids.add(OfbizIds.contactParty(UUID.randomUUID().toString()));
        }
        assertEquals(100_000, ids.size());
    }
}

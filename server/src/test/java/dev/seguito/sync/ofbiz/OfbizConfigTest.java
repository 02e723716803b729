package dev.seguito.sync.ofbiz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

class OfbizConfigTest {

    @Test
    void readsTheConnectorSettingsFromEnvironmentVariables() {
        OfbizConfig config = OfbizConfig.fromEnv(Map.of("SEGUITO_OFBIZ_URL", "https://crm.example.com:8443/",
                "SEGUITO_OFBIZ_USER", "seguito", "SEGUITO_OFBIZ_PASSWORD", "pw", "SEGUITO_OFBIZ_TIMEOUT_MS", "2000"));
        assertEquals("https://crm.example.com:8443", config.baseUrl().toString());
        assertEquals("/rest/seguito", config.servicesPath());
        assertEquals(Duration.ofSeconds(2), config.requestTimeout());
        assertFalse(config.trustAllCertificates());
    }

    @Test
    void neverShowsThePassword() {
        OfbizConfig config = OfbizConfig.fromEnv(Map.of("SEGUITO_OFBIZ_URL", "https://crm.example.com",
                "SEGUITO_OFBIZ_USER", "seguito", "SEGUITO_OFBIZ_PASSWORD", "top-secret"));
        assertFalse(config.toString().contains("top-secret"));
    }

    @Test
    void aMissingUrlOrUserIsRejectedWithTheVariableName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> OfbizConfig.fromEnv(Map.of()));
        assertEquals("SEGUITO_OFBIZ_URL is required when SEGUITO_CRM=ofbiz", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> OfbizConfig.fromEnv(Map.of("SEGUITO_OFBIZ_URL", "https://x")));
    }
}

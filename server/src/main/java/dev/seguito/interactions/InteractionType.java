package dev.seguito.interactions;

import dev.seguito.api.ApiError;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Kinds of touch on a timeline, named as OFBiz communication event types are in {@code docs/crm-mapping.md}. */
public enum InteractionType {
    EMAIL, LINKEDIN_MESSAGE, LINKEDIN_CONNECTION, CALL, MEETING, NOTE, REFERRAL_GIVEN, REFERRAL_RECEIVED,
    OPPORTUNITY_SHARED;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static InteractionType fromWire(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw ApiError.badRequest("type must be one of " + Arrays.stream(values()).map(InteractionType::wire)
                    .collect(Collectors.joining(", ")));
        }
    }
}

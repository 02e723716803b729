package dev.seguito.touch;

/** Kinds of timeline entries the engine reasons about; mirrors communication_event types. */
public enum InteractionType {
    EMAIL, LINKEDIN_MESSAGE, LINKEDIN_CONNECTION, CALL, MEETING, NOTE,
    REFERRAL_GIVEN, REFERRAL_RECEIVED, OPPORTUNITY_SHARED
}

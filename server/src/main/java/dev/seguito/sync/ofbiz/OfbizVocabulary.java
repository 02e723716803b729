package dev.seguito.sync.ofbiz;

/**
 * The OFBiz seed values Seguito's mapping uses. Standard ones come from OFBiz's PartySeedData.xml; the SEGUITO_* ones
 * from the component's data/SeguitoSeedData.xml. All are at most 20 characters (OFBiz {@code id}).
 */
final class OfbizVocabulary {

    static final String PERSON_ROLE = "CONTACT";
    static final String COMPANY_ROLE = "ACCOUNT";
    static final String EMPLOYMENT = "EMPLOYMENT";
    static final String ORIGINATOR = "ORIGINATOR";
    static final String ADDRESSEE = "ADDRESSEE";

    static final String PARTY_ENABLED = "PARTY_ENABLED";
    static final String PARTY_DISABLED = "PARTY_DISABLED";
    static final String COM_COMPLETE = "COM_COMPLETE";

    static final String EMAIL_ADDRESS = "EMAIL_ADDRESS";
    static final String TELECOM_NUMBER = "TELECOM_NUMBER";
    static final String WEB_ADDRESS = "WEB_ADDRESS";

    static final String PRIMARY_EMAIL = "PRIMARY_EMAIL";
    static final String OTHER_EMAIL = "OTHER_EMAIL";
    static final String PHONE_WORK = "PHONE_WORK";
    static final String PHONE_MOBILE = "PHONE_MOBILE";
    static final String LINKEDIN_URL = "LINKEDIN_URL";
    static final String PRIMARY_WEB_URL = "PRIMARY_WEB_URL";

    /** PartyAttribute names for what the Person entity has no field for. */
    static final String HEADLINE_ATTRIBUTE = "SEGUITO_HEADLINE";
    static final String LOCATION_ATTRIBUTE = "SEGUITO_LOCATION";
    /** The person's tags, joined with ", " (docs/crm-mapping.md). */
    static final String TAGS_ATTRIBUTE = "SEGUITO_TAGS";
    /** The employer's industry and size band, on the person: see docs/crm-mapping.md for why not on the company. */
    static final String INDUSTRY_ATTRIBUTE = "SEGUITO_INDUSTRY";
    static final String COMPANY_SIZE_ATTRIBUTE = "SEGUITO_COMPANY_SIZE";

    static final String DS_LINKEDIN = "SEGUITO_LINKEDIN";
    static final String DS_EMAIL = "SEGUITO_EMAIL";
    static final String DS_MANUAL = "SEGUITO_MANUAL";

    private OfbizVocabulary() {
    }

    /** Seguito capture source → DataSource id; null when the record says nothing about its source. */
    static String dataSourceFor(String source) {
        if (source == null) {
            return null;
        }
        return switch (source) {
            case "linkedin_profile" -> DS_LINKEDIN;
            case "gmail_thread", "outlook_thread", "eml" -> DS_EMAIL;
            default -> DS_MANUAL;
        };
    }

    /** Seguito interaction type → CommunicationEventType id. */
    static String communicationEventTypeFor(String type) {
        if (type == null) {
            return "COMMENT_NOTE";
        }
        return switch (type) {
            case "email" -> "EMAIL_COMMUNICATION";
            case "call" -> "PHONE_COMMUNICATION";
            case "meeting" -> "FACE_TO_FACE_COMMUNI";
            case "linkedin_message" -> "SEGUITO_LINKEDIN_MSG";
            case "linkedin_connection" -> "SEGUITO_LI_CONNECT";
            case "referral_given" -> "SEGUITO_REFERRAL_OUT";
            case "referral_received" -> "SEGUITO_REFERRAL_IN";
            default -> "COMMENT_NOTE";
        };
    }
}

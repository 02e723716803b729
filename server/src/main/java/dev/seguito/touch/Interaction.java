package dev.seguito.touch;

import java.time.Instant;
import java.util.Objects;

/**
 * One entry of a contact's timeline, as the engine needs it (no subject or body: rules only look at
 * what happened, in which direction, when and by whom).
 *
 * @param memberId   team member who sent, received or logged it; may be null for imported history
 * @param memberName display name of that member, used in "Marco touched them on 20 Nov"
 */
public record Interaction(String id, InteractionType type, Direction direction, Instant occurredAt,
                          String memberId, String memberName) {

    public Interaction {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
        direction = direction == null ? Direction.NONE : direction;
    }

    /** Calls and meetings are conversations: both sides took part, whoever started them. */
    public boolean isConversation() {
        return type == InteractionType.CALL || type == InteractionType.MEETING;
    }

    /** Something the contact did towards the team (a reply, a message, a referral); notes are internal. */
    public boolean isFromThem() {
        return direction == Direction.INBOUND && type != InteractionType.NOTE;
    }

    /** A touch in which the contact took part: it resets rhythm, back-off and dormancy. */
    public boolean isTwoWay() {
        return isConversation() || isFromThem();
    }

    /** A one-way touch by the team (message, connection request, shared referral) that may go unanswered. */
    public boolean isOutreach() {
        return direction == Direction.OUTBOUND && type != InteractionType.NOTE && !isConversation();
    }

    /** A touch a team member made on the person; this is what the frequency cap looks at. */
    public boolean isTeamTouch() {
        return isOutreach() || isConversation();
    }

    /** Written messages, the only things that can be "answered". */
    public boolean isMessage() {
        return type == InteractionType.EMAIL || type == InteractionType.LINKEDIN_MESSAGE;
    }
}

package dev.seguito.touch.rules;

import dev.seguito.touch.Candidate;
import dev.seguito.touch.Channel;
import dev.seguito.touch.Direction;
import dev.seguito.touch.Interaction;
import dev.seguito.touch.InteractionType;
import dev.seguito.touch.Suggestion;
import dev.seguito.touch.TouchContext;
import dev.seguito.touch.TouchRule;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * 24/7/30 after a first meeting: a written note within 24 hours, a LinkedIn connection by day 7, a call to
 * set the next meeting at day 30. A step is done when anyone on the team did it after the meeting (or it was
 * marked done); a step lapses once the following step's date has passed (note at day 7, connection at day 30,
 * call at day 60), because a "follow-up" weeks late reads as an afterthought and the rhythm rule takes over.
 */
public final class FollowUp24730Rule implements TouchRule {

    public static final String ID = "follow_up_24_7_30";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Candidate> candidates(TouchContext ctx) {
        Optional<FirstMeeting> meeting = firstMeeting(ctx);
        if (meeting.isEmpty()) {
            return List.of();
        }
        Instant metAt = meeting.get().at();
        String met = ctx.date(metAt);
        List<Candidate> out = new ArrayList<>();
        step(ctx, meeting.get(), "note", 0, 7,
                i -> i.direction() == Direction.OUTBOUND && i.isMessage(),
                "Send a short written follow-up", Channel.EMAIL, 2,
                "You met on " + met + " and no written follow-up has been sent.", out);
        if (!ctx.facts().linkedinConnected()) {
            step(ctx, meeting.get(), "connect", 7, 30,
                    i -> i.type() == InteractionType.LINKEDIN_CONNECTION,
                    "Send a LinkedIn connection request", Channel.LINKEDIN, 3,
                    "You met on " + met + " and are not connected on LinkedIn yet.", out);
        }
        step(ctx, meeting.get(), "call", 30, 60,
                Interaction::isConversation,
                "Call to set up the next meeting", Channel.PHONE, 3,
                "You met on " + met + " and no call or meeting has followed yet.", out);
        return out;
    }

    private void step(TouchContext ctx, FirstMeeting meeting, String step, int dueDay, int lapseDay,
                      Predicate<Interaction> doneBy, String action, Channel channel, int priority, String reason,
                      List<Candidate> out) {
        if (!ctx.now().isBefore(ctx.plusDays(meeting.at(), lapseDay))) {
            return;
        }
        // any member counts: the meeting may have been attended by several colleagues
        if (!ctx.timeline().after(meeting.at(), doneBy).isEmpty()) {
            return;
        }
        // the note is due 24 hours after the meeting, not "the next calendar day"
        Instant due = dueDay == 0 ? meeting.at().plusSeconds(24 * 3600) : ctx.plusDays(meeting.at(), dueDay);
        out.add(new Candidate(new Suggestion(ID, action, channel, due, priority, reason,
                meeting.key() + ":" + step, null), Candidate.Kind.SEQUENCE));
    }

    private static Optional<FirstMeeting> firstMeeting(TouchContext ctx) {
        Optional<Interaction> meeting = ctx.timeline().first(i -> i.type() == InteractionType.MEETING);
        Instant firstMet = ctx.firstMetAt();
        if (meeting.isPresent() && (firstMet == null || !meeting.get().occurredAt().isAfter(firstMet))) {
            return Optional.of(new FirstMeeting(meeting.get().occurredAt(), "meeting:" + meeting.get().id()));
        }
        return Optional.ofNullable(firstMet).map(at -> new FirstMeeting(at, "met:" + at));
    }

    private record FirstMeeting(Instant at, String key) {
    }
}
